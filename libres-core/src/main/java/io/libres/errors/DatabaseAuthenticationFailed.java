package io.libres.errors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a connection cannot be had because the server refused the user or password of the {@code dsn} (SQLSTATE 28P01 or 28000): correct the credentials, or the server's {@code pg_hba.conf}.
 */
public class DatabaseAuthenticationFailed extends ConnectionFailure {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#DATABASE_AUTHENTICATION_FAILED}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.DATABASE_AUTHENTICATION_FAILED;
    }

    /**
     * Creates the exception.
     *
     * @param message the cause and what to do
     * @param sqlState the SQLSTATE the server or driver reported, or null
     * @param cause the driver's or pool's exception, or null
     */
    public DatabaseAuthenticationFailed(String message, @Nullable String sqlState, @Nullable Throwable cause) {
        super(message, sqlState, cause);
    }
}
