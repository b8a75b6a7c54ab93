package io.libres.errors;

/**
 * Thrown when a timespan starts and ends at the same moment.
 */
public class DatesMayNotBeEqualError extends LibresException {

    private static final long serialVersionUID = 1L;

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
