package io.libres.errors;

/**
 * Thrown when an argument or option is missing or out of range and libres 1.2 has no more specific
 * error for it (libres failed with an assertion or a Python type error there), for example a
 * missing options object, a negative minimum of spots or an unknown weekday abbreviation.
 */
public class InvalidArgument extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#INVALID_ARGUMENT}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_ARGUMENT;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public InvalidArgument(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public InvalidArgument(String message, Throwable cause) {
        super(message, cause);
    }
}
