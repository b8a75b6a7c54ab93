package io.libres.errors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a connection cannot be had because every connection of the pool is in use by an open unit of work and none became free within the pool's connection timeout. The database refused nothing: end units of work sooner (close scopes, commit or roll back libres-style work), or make the pool bigger (setting {@code storage_pool_size}).
 */
public class ConnectionPoolExhausted extends ConnectionFailure {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#CONNECTION_POOL_EXHAUSTED}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.CONNECTION_POOL_EXHAUSTED;
    }

    /**
     * Creates the exception.
     *
     * @param message the cause and what to do
     * @param sqlState the SQLSTATE the server or driver reported, or null
     * @param cause the driver's or pool's exception, or null
     */
    public ConnectionPoolExhausted(String message, @Nullable String sqlState, @Nullable Throwable cause) {
        super(message, sqlState, cause);
    }
}
