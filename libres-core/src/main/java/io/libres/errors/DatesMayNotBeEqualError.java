package io.libres.errors;

/**
 * Thrown when a timespan starts and ends at the same moment.
 */
public class DatesMayNotBeEqualError extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#DATES_MAY_NOT_BE_EQUAL}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.DATES_MAY_NOT_BE_EQUAL;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public DatesMayNotBeEqualError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public DatesMayNotBeEqualError(String message, Throwable cause) {
        super(message, cause);
    }
}
