package io.libres.errors;

/**
 * Thrown when a utility is asked for that is not registered; kept for parity with libres 1.2.
 */
public class UnknownUtility extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#UNKNOWN_UTILITY}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.UNKNOWN_UTILITY;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public UnknownUtility(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public UnknownUtility(String message, Throwable cause) {
        super(message, cause);
    }
}
