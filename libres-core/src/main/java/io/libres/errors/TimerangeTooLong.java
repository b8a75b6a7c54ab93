package io.libres.errors;

/**
 * Thrown when a timespan is longer than libres allows for the operation, for example a whole-day allocation spanning more than a day.
 */
public class TimerangeTooLong extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#TIMERANGE_TOO_LONG}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.TIMERANGE_TOO_LONG;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public TimerangeTooLong(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public TimerangeTooLong(String message, Throwable cause) {
        super(message, cause);
    }
}
