package io.libres.errors;

/**
 * Thrown when a setting of a context is given a value it cannot hold (a {@code uuid_namespace} that is
 * not a UUID, a {@code dsn} that is not a JDBC URL, ...); nothing is changed.
 */
public class InvalidSetting extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#INVALID_SETTING}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_SETTING;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public InvalidSetting(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public InvalidSetting(String message, Throwable cause) {
        super(message, cause);
    }
}
