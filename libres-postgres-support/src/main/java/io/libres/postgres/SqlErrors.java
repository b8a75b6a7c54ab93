package io.libres.postgres;

import org.jspecify.annotations.Nullable;

import io.libres.context.Secrets;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.CommitOutcomeUnknown;
import io.libres.errors.ConnectionLost;
import io.libres.errors.LibresException;
import io.libres.errors.SchemaMissing;
import io.libres.errors.SerializationFailure;
import io.libres.errors.StorageException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Turns the errors PostgreSQL reports into the exceptions of libres for Java, the same way for
 * every SQL adapter.
 *
 * <ul>
 *   <li>a unique violation (SQLSTATE 23505) of {@value #RESERVED_SLOTS_KEY}, the key that makes
 *       double booking impossible, becomes an {@link AlreadyReservedError};</li>
 *   <li>a serialization failure (40001) or a detected deadlock (40P01) becomes a retryable
 *       {@link SerializationFailure};</li>
 *   <li>a failure to connect becomes the {@link io.libres.errors.ConnectionFailure} that names its
 *       cause ({@link ConnectionErrors});</li>
 *   <li>a write in a read-only transaction (25006), as on a read replica, becomes a
 *       {@link io.libres.errors.ModifiedReadOnlySession};</li>
 *   <li>a connection lost in the middle of a unit of work (57P01, 57P02, 57P03, class 08, a broken
 *       socket) becomes a retryable {@link ConnectionLost}; lost during the commit, a
 *       {@link CommitOutcomeUnknown} ({@link #translateCommit});</li>
 *   <li>a missing table (42P01) or type (42704) becomes a {@link SchemaMissing} naming
 *       {@code setupDatabase()};</li>
 *   <li>anything else becomes a {@link StorageException} that keeps the cause and its SQLSTATE.</li>
 * </ul>
 *
 * <p>A unique violation alone cannot tell a duplicate the unit of work sees from one a concurrent
 * unit of work committed invisibly, and it aborts the transaction, so the existing row cannot be
 * read any more. Inserts into the two unique keys therefore go through the recipes, which tell
 * them apart: {@link ReservedSlotInserts} for {@value #RESERVED_SLOTS_KEY} and
 * {@link AllocationInserts} for {@value #ALLOCATIONS_KEY} (which this class, not knowing whether
 * the batch was checked, leaves a {@link StorageException}).
 */
public final class SqlErrors {

    /** The primary key of {@code reserved_slots}: (resource, start). */
    public static final String RESERVED_SLOTS_KEY = "reserved_slots_pkey";

    /** The unique key of {@code allocations}: (resource, _start). */
    public static final String ALLOCATIONS_KEY = "resource_start_ix";

    /** SQLSTATE of a table or view that does not exist. */
    public static final String UNDEFINED_TABLE = "42P01";

    /** SQLSTATE of a type (such as libres' enum types) that does not exist. */
    public static final String UNDEFINED_OBJECT = "42704";

    /** SQLSTATE of a write in a read-only transaction (or on a standby). */
    public static final String READ_ONLY_TRANSACTION = "25006";

    /** SQLSTATE of a unique violation. */
    public static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    /**
     * Translates an SQL error.
     *
     * @param doing what was being done, for the message, for example {@code "inserting reserved slots"}
     * @param error the error the driver threw; null is treated as an error without SQLSTATE
     * @return the exception to throw (never null); its cause is {@code error}
     */
    public static LibresException translate(String doing, @Nullable SQLException error) {
        Optional<io.libres.errors.ConnectionFailure> connection = ConnectionErrors.classify("the database", error);
        if (connection.isPresent()) {
            return connection.get();
        }
        String state = sqlState(error);
        String detail = error == null ? "no details" : Secrets.redact(error.getMessage());
        if (ConnectionErrors.isConnectionLost(error)) {
            return new ConnectionLost("the connection to the database was lost while " + doing + " (SQLSTATE "
                    + (state == null ? "unknown" : state) + "): " + detail + "; nothing of the unit of work was"
                    + " committed (the server rolls it back); run it again on a new connection, as transaction(...)"
                    + " does", state, error);
        }
        if (SerializationFailure.isSerializationState(state)) {
            return new SerializationFailure("a concurrent unit of work conflicts with " + doing + " (SQLSTATE " + state
                    + "): " + detail + "; roll back and run the unit of work again", state, error);
        }
        if (UNIQUE_VIOLATION.equals(state) && constraint(error).map(RESERVED_SLOTS_KEY::equals).orElse(false)) {
            return new AlreadyReservedError("a slot is already reserved (" + RESERVED_SLOTS_KEY + ") while " + doing
                    + ": " + detail + "; expected a free slot", error);
        }
        if (READ_ONLY_TRANSACTION.equals(state)) {
            return new io.libres.errors.ModifiedReadOnlySession("a read-only unit of work (a read-only scope, or a read"
                    + " outside any unit of work, which may run on a read replica) was asked to write while " + doing
                    + " (SQLSTATE " + state + "): " + detail + "; expected writes in a writing scope (begin() or"
                    + " transaction(...)), which runs on the primary", error);
        }
        if (UNDEFINED_TABLE.equals(state) || UNDEFINED_OBJECT.equals(state)) {
            return new SchemaMissing("the libres tables are missing from the database while " + doing + " (SQLSTATE "
                    + state + "): " + detail + "; expected the libres 1.2 schema: create it once with"
                    + " scheduler.setupDatabase() (or the storage's setupDatabase(), or LibresSchema.ddl())", state, error);
        }
        return new StorageException("the database refused " + doing + " (SQLSTATE " + (state == null ? "unknown" : state)
                + "): " + detail, state, error);
    }

    /**
     * Translates a failure of a commit: a lost connection becomes a {@link CommitOutcomeUnknown}
     * (the commit may or may not have reached the database), anything else as {@link #translate}
     * (a serialization failure at commit is still a retryable {@link SerializationFailure}: the
     * server refused the commit).
     *
     * @param error the error the driver threw while committing
     * @return the exception to throw; its cause is {@code error}
     */
    public static LibresException translateCommit(SQLException error) {
        if (ConnectionErrors.isConnectionLost(error)) {
            String state = sqlState(error);
            return new CommitOutcomeUnknown("the connection to the database was lost while committing (SQLSTATE "
                    + (state == null ? "unknown" : state) + "): " + Secrets.redact(error.getMessage()) + "; the"
                    + " database may or may not have committed the unit of work, so it is not run again: look up what"
                    + " it wrote (a reservation or blocker by its token, allocations by their dates) once the"
                    + " database answers, then decide (see CommitOutcomeUnknown)", state, error);
        }
        return translate("committing", error);
    }

    /**
     * Translates a failed commit that a toolkit (JDBI, jOOQ) wrapped: the first {@link SQLException}
     * among the failure's causes decides, as {@link #translateCommit(SQLException)}; the wrapper is
     * kept as a suppressed exception unless it is already the cause.
     *
     * @param failure what the toolkit threw while committing
     * @return the exception to throw, empty if no SQL error is among the causes
     */
    public static java.util.Optional<LibresException> translateCommitCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                LibresException translated = translateCommit((SQLException) t);
                if (translated.getCause() != failure) {
                    translated.addSuppressed(failure);
                }
                return java.util.Optional.of(translated);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Translates a failure to get a connection: a typed {@link io.libres.errors.ConnectionFailure}
     * (pool exhausted, server unreachable, unknown host, credentials refused, database missing)
     * when the error is one, else as {@link #translate}.
     *
     * @param server where the connection was to go, for the message ({@link ConnectionErrors#server})
     * @param error the driver's or pool's error
     * @return the exception to throw; its cause is {@code error}
     */
    public static LibresException translateConnection(String server, SQLException error) {
        Optional<io.libres.errors.ConnectionFailure> connection = ConnectionErrors.classify(server, error);
        return connection.isPresent() ? connection.get() : translate("connecting to " + server, error);
    }

    /**
     * The SQLSTATE of an error, looking through chained and caused errors for the first that has one.
     *
     * @param error the error, may be null
     * @return the SQLSTATE, or null if none is known
     */
    public static @Nullable String sqlState(@Nullable SQLException error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException && ((SQLException) t).getSQLState() != null) {
                return ((SQLException) t).getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        SQLException next = error == null ? null : error.getNextException();
        return next == null || next == error ? null : sqlState(next);
    }

    /**
     * The constraint a PostgreSQL error names, if the server said.
     *
     * @param error the error, may be null
     * @return the constraint's name, empty if the error names none
     */
    public static Optional<String> constraint(@Nullable SQLException error) {
        for (SQLException e = error; e != null; e = e.getNextException() == e ? null : e.getNextException()) {
            if (e instanceof PSQLException) {
                ServerErrorMessage message = ((PSQLException) e).getServerErrorMessage();
                if (message != null && message.getConstraint() != null) {
                    return Optional.of(message.getConstraint());
                }
            }
            for (String key : new String[] {RESERVED_SLOTS_KEY, ALLOCATIONS_KEY}) {
                if (e.getMessage() != null && e.getMessage().contains("\"" + key + "\"")) {
                    return Optional.of(key);
                }
            }
        }
        return Optional.empty();
    }
}
