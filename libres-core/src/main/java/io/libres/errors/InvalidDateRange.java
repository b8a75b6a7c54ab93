package io.libres.errors;

/**
 * Thrown when a start or end is missing, is not a point in time, or an end lies before its start
 * where that is not allowed.
 */
public class InvalidDateRange extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#INVALID_DATE_RANGE}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_DATE_RANGE;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public InvalidDateRange(String message) {
        super(message);
    }
}
