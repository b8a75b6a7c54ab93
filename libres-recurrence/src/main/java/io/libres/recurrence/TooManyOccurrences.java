package io.libres.recurrence;

import io.libres.errors.ErrorCode;
import io.libres.errors.LibresException;

/**
 * Thrown when a recurrence yields more occurrences than the occurrence limit of one call allows; nothing was written.
 */
public class TooManyOccurrences extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#TOO_MANY_OCCURRENCES}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.TOO_MANY_OCCURRENCES;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public TooManyOccurrences(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public TooManyOccurrences(String message, Throwable cause) {
        super(message, cause);
    }
}
