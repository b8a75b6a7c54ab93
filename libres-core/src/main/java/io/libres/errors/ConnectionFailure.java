package io.libres.errors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the storage cannot get a connection to its database. The subclasses name the cause
 * ({@link ConnectionPoolExhausted}, {@link DatabaseUnreachable}, {@link UnknownDatabaseHost},
 * {@link DatabaseAuthenticationFailed}, {@link DatabaseMissing}); each message says what to do.
 * A permanent failure (every one but an exhausted pool and, possibly, an unreachable server) is
 * reported at once rather than after the pool's connection timeout. No message holds a password.
 */
public class ConnectionFailure extends StorageException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#CONNECTION_FAILURE}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.CONNECTION_FAILURE;
    }

    /**
     * Creates the exception.
     *
     * @param message the cause and what to do
     * @param sqlState the SQLSTATE the server or driver reported, or null
     * @param cause the driver's or pool's exception, or null
     */
    public ConnectionFailure(String message, @Nullable String sqlState, @Nullable Throwable cause) {
        super(message, sqlState, cause);
    }
}
