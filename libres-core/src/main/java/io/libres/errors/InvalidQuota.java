package io.libres.errors;

/**
 * Thrown when a quota is not a positive number, or cannot be changed as asked.
 */
public class InvalidQuota extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#INVALID_QUOTA}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_QUOTA;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public InvalidQuota(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public InvalidQuota(String message, Throwable cause) {
        super(message, cause);
    }
}
