package io.libres.recurrence;

import io.libres.errors.ErrorCode;
import io.libres.errors.LibresException;

/**
 * Thrown when records read as a series carry no series (no {@link SeriesData#KEY} in their data).
 */
public class NotASeries extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#NOT_A_SERIES}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.NOT_A_SERIES;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public NotASeries(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public NotASeries(String message, Throwable cause) {
        super(message, cause);
    }
}
