package io.libres.postgres;

import io.libres.errors.AlreadyReservedError;
import io.libres.errors.LibresException;
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
 *   <li>anything else becomes a {@link StorageException} that keeps the cause and its SQLSTATE.</li>
 * </ul>
 */
public final class SqlErrors {

    /** The primary key of {@code reserved_slots}: (resource, start). */
    public static final String RESERVED_SLOTS_KEY = "reserved_slots_pkey";

    /** The unique key of {@code allocations}: (resource, _start). */
    public static final String ALLOCATIONS_KEY = "resource_start_ix";

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
    public static LibresException translate(String doing, SQLException error) {
        Optional<io.libres.errors.ConnectionFailure> connection = ConnectionErrors.classify("the database", error);
        if (connection.isPresent()) {
            return connection.get();
        }
        String state = sqlState(error);
        String detail = error == null ? "no details" : error.getMessage();
        if (SerializationFailure.isSerializationState(state)) {
            return new SerializationFailure("a concurrent unit of work conflicts with " + doing + " (SQLSTATE " + state
                    + "): " + detail + "; roll back and run the unit of work again", state, error);
        }
        if (UNIQUE_VIOLATION.equals(state) && constraint(error).map(RESERVED_SLOTS_KEY::equals).orElse(false)) {
            return new AlreadyReservedError("a slot is already reserved (" + RESERVED_SLOTS_KEY + ") while " + doing
                    + ": " + detail + "; expected a free slot", error);
        }
        return new StorageException("the database refused " + doing + " (SQLSTATE " + (state == null ? "unknown" : state)
                + "): " + detail, state, error);
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
    public static String sqlState(SQLException error) {
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
    public static Optional<String> constraint(SQLException error) {
        for (SQLException e = error; e != null; e = e.getNextException() == e ? null : e.getNextException()) {
            if (e instanceof PSQLException) {
                ServerErrorMessage message = ((PSQLException) e).getServerErrorMessage();
                if (message != null && message.getConstraint() != null) {
                    return Optional.of(message.getConstraint());
                }
            }
            if (e.getMessage() != null && e.getMessage().contains("\"" + RESERVED_SLOTS_KEY + "\"")) {
                return Optional.of(RESERVED_SLOTS_KEY);
            }
        }
        return Optional.empty();
    }
}
