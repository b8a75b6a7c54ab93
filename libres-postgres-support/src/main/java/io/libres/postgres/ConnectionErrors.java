package io.libres.postgres;

import org.jspecify.annotations.Nullable;

import io.libres.errors.ConnectionFailure;
import io.libres.errors.ConnectionPoolExhausted;
import io.libres.errors.DatabaseAuthenticationFailed;
import io.libres.errors.DatabaseMissing;
import io.libres.errors.DatabaseUnreachable;
import io.libres.errors.UnknownDatabaseHost;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Turns a failure to get a connection (from the driver or from a pool in front of it) into the
 * {@link ConnectionFailure} that names its cause, the same way for every SQL adapter. Messages name
 * the server ({@code host:port/database}, never a password) and what to do.
 */
public final class ConnectionErrors {

    /** SQLSTATE invalid_password. */
    public static final String INVALID_PASSWORD = "28P01";

    /** SQLSTATE invalid_authorization_specification (no pg_hba.conf entry, unknown role). */
    public static final String INVALID_AUTHORIZATION = "28000";

    /** SQLSTATE invalid_catalog_name: the database does not exist. */
    public static final String INVALID_CATALOG = "3D000";

    /** SQLSTATE admin_shutdown: the session was terminated ({@code pg_terminate_backend}, a fast or smart shutdown). */
    public static final String ADMIN_SHUTDOWN = "57P01";

    /** SQLSTATE crash_shutdown: another backend crashed and the server reset every session. */
    public static final String CRASH_SHUTDOWN = "57P02";

    /** SQLSTATE cannot_connect_now: the server is starting up or shutting down. */
    public static final String CANNOT_CONNECT_NOW = "57P03";

    /** The SQLSTATE class of connection exceptions (08000, 08003, 08006, ...). */
    public static final String CONNECTION_EXCEPTION_CLASS = "08";

    private ConnectionErrors() {
    }

    /**
     * Tells whether an error means that an established connection was lost: the server ended the
     * session (57P01, 57P02, 57P03), the driver found the connection closed or broken (SQLSTATE
     * class 08), or the socket failed. A refused or unreachable connection attempt (see
     * {@link #classify}) is not a loss.
     *
     * @param error the driver's or pool's error, may be null
     * @return true if the connection is gone
     */
    public static boolean isConnectionLost(@Nullable SQLException error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return false;
            }
            String state = t instanceof SQLException ? ((SQLException) t).getSQLState() : null;
            if (ADMIN_SHUTDOWN.equals(state) || CRASH_SHUTDOWN.equals(state) || CANNOT_CONNECT_NOW.equals(state)) {
                return true;
            }
            if (state != null && state.startsWith(CONNECTION_EXCEPTION_CLASS) && !"08001".equals(state)
                    && !"08004".equals(state)) {
                return true;
            }
            if (t instanceof java.net.SocketException || t instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Classifies a connection failure, if it is one.
     *
     * @param server where the connection was to go, for the message, for example
     *     {@code localhost:5432/libres}
     * @param error the driver's or pool's error
     * @return the typed failure, empty if the error is not about getting a connection
     */
    public static Optional<ConnectionFailure> classify(String server, SQLException error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof SQLException ? ((SQLException) t).getSQLState() : null;
            if (INVALID_PASSWORD.equals(state) || INVALID_AUTHORIZATION.equals(state)) {
                return Optional.of(new DatabaseAuthenticationFailed("the server " + server + " refused the credentials"
                        + " (SQLSTATE " + state + "): " + t.getMessage() + "; expected the user and password of the"
                        + " dsn (or data source) to be right and pg_hba.conf to let them in", state, error));
            }
            if (INVALID_CATALOG.equals(state)) {
                return Optional.of(new DatabaseMissing("the server " + server + " has no such database (SQLSTATE "
                        + state + "): " + t.getMessage() + "; create the database, or correct its name in the dsn",
                        state, error));
            }
            if (t instanceof UnknownHostException) {
                return Optional.of(new UnknownDatabaseHost("the host of " + server + " is unknown ("
                        + t.getMessage() + "); expected a host name that resolves, correct the dsn", state(error), error));
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return Optional.of(new DatabaseUnreachable("nothing answers at " + server + " (" + t.getMessage()
                        + "); expected a PostgreSQL server listening there: start it, or correct the host and port of"
                        + " the dsn", state(error), error));
            }
        }
        if (error instanceof SQLTransientConnectionException) {
            // a pool that timed out without a failure of its own: every connection is checked out
            return Optional.of(new ConnectionPoolExhausted("no connection to " + server + " became free in time: "
                    + error.getMessage() + "; the database refused nothing, every connection of the pool is held by an"
                    + " open unit of work: end units of work sooner (close scopes, commit or roll back libres-style"
                    + " work), or make the pool bigger (setting storage_pool_size)", error.getSQLState(), error));
        }
        return Optional.empty();
    }

    /**
     * Names the server of a JDBC URL for messages: {@code host:port/database}, without user,
     * password or any other parameter.
     *
     * @param jdbcUrl a URL such as {@code jdbc:postgresql://db:5432/libres?user=app&password=secret}
     * @return for example {@code db:5432/libres}; "the database" if the URL is missing
     */
    public static String server(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "the database";
        }
        String rest = jdbcUrl.replaceFirst("^jdbc:postgresql:(//)?", "");
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        int at = rest.lastIndexOf('@');
        return at >= 0 ? rest.substring(at + 1) : rest;
    }

    private static String state(SQLException error) {
        return SqlErrors.sqlState(error);
    }
}
