package io.libres.errors;

/**
 * Thrown when a reservation is made or changed with an email address the context's email validator rejects.
 */
public class InvalidEmailAddress extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#INVALID_EMAIL_ADDRESS}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_EMAIL_ADDRESS;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public InvalidEmailAddress(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public InvalidEmailAddress(String message, Throwable cause) {
        super(message, cause);
    }
}
