package io.libres.postgres;

import io.libres.errors.LibresException;

/**
 * Thrown when the PostgreSQL server is older than the oldest version libres for Java supports
 * ({@value PostgresServer#MINIMUM_MAJOR_VERSION}).
 */
public class UnsupportedPostgresVersion extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which version was found and which is needed
     */
    public UnsupportedPostgresVersion(String message) {
        super(message);
    }
}
