package io.libres.jooq.internal;

import io.libres.errors.LibresException;
import io.libres.errors.StorageException;
import io.libres.postgres.SqlErrors;
import org.jooq.exception.DataAccessException;

import java.sql.SQLException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** Runs jOOQ calls and translates their failures with the shared {@link SqlErrors}. */
final class Errors {

    private Errors() {
    }

    /** Runs an action, translating jOOQ and SQL failures into libres exceptions. */
    static <T> T translating(String doing, Supplier<T> action) {
        try {
            return action.get();
        } catch (DataAccessException e) {
            throw translate(doing, e);
        }
    }

    /** Runs an action, translating failures with a translator of its own (an insert's unique keys). */
    static <T> T translating(String doing, Supplier<T> action, BiFunction<String, SQLException, LibresException> with) {
        try {
            return action.get();
        } catch (DataAccessException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SQLException) {
                    throw with.apply(doing, (SQLException) t);
                }
            }
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
        } catch (DataAccessException e) {
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

    /** The libres exception for a jOOQ failure: the first SQL error among its causes decides. */
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
