package io.libres.recurrence;

import io.libres.errors.ErrorCode;
import io.libres.errors.LibresException;

/**
 * Thrown when a recurrence is not valid: an RRULE lib-recur refuses, a rule without COUNT or UNTIL, a missing first day, start time or duration, or a duration that is not positive.
 */
public class InvalidRecurrenceRule extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#INVALID_RECURRENCE_RULE}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_RECURRENCE_RULE;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public InvalidRecurrenceRule(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public InvalidRecurrenceRule(String message, Throwable cause) {
        super(message, cause);
    }
}
