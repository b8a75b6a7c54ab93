package io.libres.postgres;

import io.libres.errors.ErrorCode;
import io.libres.errors.LibresException;

/**
 * Thrown when the PostgreSQL server is older than the oldest version libres for Java supports
 * ({@value PostgresServer#MINIMUM_MAJOR_VERSION}).
 */
public class UnsupportedPostgresVersion extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#UNSUPPORTED_POSTGRES_VERSION}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.UNSUPPORTED_POSTGRES_VERSION;
    }

    /**
     * Creates the exception.
     *
     * @param message which version was found and which is needed
     */
    public UnsupportedPostgresVersion(String message) {
        super(message);
    }
}
