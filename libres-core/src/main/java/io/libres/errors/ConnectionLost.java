package io.libres.errors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the connection to the database was lost in the middle of a unit of work, before its
 * commit was sent: the server ended the session ({@code pg_terminate_backend}, a restart, a crash;
 * SQLSTATE 57P01, 57P02, 57P03) or the network failed (SQLSTATE class 08). The server rolls back
 * what the unit of work wrote, so nothing of it was committed; running it again on a new
 * connection may succeed, and {@link io.libres.db.Session#transaction transaction(...)} does so
 * like after a conflict. A loss during the commit itself is a {@link CommitOutcomeUnknown} instead.
 */
public class ConnectionLost extends ConnectionFailure {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was being done when the connection was lost, and what to do
     * @param sqlState the SQLSTATE the driver or server reported, or null
     * @param cause the driver's exception, or null
     */
    public ConnectionLost(String message, @Nullable String sqlState, @Nullable Throwable cause) {
        super(message, sqlState, cause);
    }

    /**
     * Always true: nothing was committed, and the unit of work may run again on a new connection.
     *
     * @return true
     */
    @Override
    public boolean isRetryable() {
        return true;
    }

    /**
     * The stable code of this exception.
     *
     * @return {@link ErrorCode#CONNECTION_LOST}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.CONNECTION_LOST;
    }
}
