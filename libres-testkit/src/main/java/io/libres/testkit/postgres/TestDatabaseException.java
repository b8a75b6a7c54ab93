package io.libres.testkit.postgres;

import io.libres.errors.ErrorCode;
import io.libres.errors.LibresException;

/**
 * The server refused to create or drop a test database, or was asked to drop one the
 * kit did not create. The message names the database, the server and the server's reason.
 */
public class TestDatabaseException extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#TEST_DATABASE}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.TEST_DATABASE;
    }

    /**
     * Creates the exception.
     *
     * @param message what could not be done and why
     */
    public TestDatabaseException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what could not be done and why
     * @param cause the server's error
     */
    public TestDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
