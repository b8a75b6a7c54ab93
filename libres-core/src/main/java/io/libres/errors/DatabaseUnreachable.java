package io.libres.errors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a connection cannot be had because nothing answers at the host and port of the {@code dsn} (connection refused or timed out): start the server, or correct the host or port.
 */
public class DatabaseUnreachable extends ConnectionFailure {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#DATABASE_UNREACHABLE}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.DATABASE_UNREACHABLE;
    }

    /**
     * Creates the exception.
     *
     * @param message the cause and what to do
     * @param sqlState the SQLSTATE the server or driver reported, or null
     * @param cause the driver's or pool's exception, or null
     */
    public DatabaseUnreachable(String message, @Nullable String sqlState, @Nullable Throwable cause) {
        super(message, sqlState, cause);
    }
}
