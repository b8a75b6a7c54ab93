package io.libres.jdbi.internal;

import io.libres.errors.LibresException;
import io.libres.errors.StorageException;
import io.libres.postgres.SqlErrors;
import org.jdbi.v3.core.JdbiException;

import java.sql.SQLException;
import java.util.function.Supplier;

/** Runs JDBI calls and translates their failures with {@link SqlErrors}. */
final class Errors {

    private Errors() {
    }

    /** Runs an action, translating JDBI and SQL failures into libres exceptions. */
    static <T> T translating(String doing, Supplier<T> action) {
        try {
            return action.get();
        } catch (JdbiException e) {
            throw translate(doing, e);
        }
    }

    /**
     * Runs a commit, translating failures; a connection lost during it becomes a
     * {@link io.libres.errors.CommitOutcomeUnknown}.
     */
    static void commit(Runnable action) {
        try {
            action.run();
        } catch (JdbiException e) {
            throw translateCommit(e);
        }
    }

    /** The libres exception for a failed commit: the first SQL error among its causes decides. */
    static LibresException translateCommit(Throwable failure) {
        return SqlErrors.translateCommitCause(failure).orElseGet(() -> translate("committing", failure));
    }

    /** Runs an action without result, translating failures. */
    static void run(String doing, Runnable action) {
        translating(doing, () -> {
            action.run();
            return null;
        });
    }

    /** The libres exception for a JDBI failure: the first SQL error in its causes decides. */
    static LibresException translate(String doing, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                LibresException translated = SqlErrors.translate(doing, (SQLException) t);
                if (translated.getCause() != failure && translated.getCause() != null) {
                    translated.addSuppressed(failure);
                }
                return translated;
            }
        }
        return new StorageException("the database failed while " + doing + ": " + io.libres.context.Secrets.redact(failure.getMessage()), null, failure);
    }
}
