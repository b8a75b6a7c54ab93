package io.libres.errors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a connection cannot be had because the host name of the {@code dsn} does not resolve: correct the host name.
 */
public class UnknownDatabaseHost extends ConnectionFailure {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#UNKNOWN_DATABASE_HOST}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.UNKNOWN_DATABASE_HOST;
    }

    /**
     * Creates the exception.
     *
     * @param message the cause and what to do
     * @param sqlState the SQLSTATE the server or driver reported, or null
     * @param cause the driver's or pool's exception, or null
     */
    public UnknownDatabaseHost(String message, @Nullable String sqlState, @Nullable Throwable cause) {
        super(message, sqlState, cause);
    }
}
