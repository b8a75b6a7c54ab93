package io.libres.errors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a connection cannot be had because the server has no database of the name in the {@code dsn} (SQLSTATE 3D000): create it, or correct the name.
 */
public class DatabaseMissing extends ConnectionFailure {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#DATABASE_MISSING}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.DATABASE_MISSING;
    }

    /**
     * Creates the exception.
     *
     * @param message the cause and what to do
     * @param sqlState the SQLSTATE the server or driver reported, or null
     * @param cause the driver's or pool's exception, or null
     */
    public DatabaseMissing(String message, @Nullable String sqlState, @Nullable Throwable cause) {
        super(message, sqlState, cause);
    }
}
