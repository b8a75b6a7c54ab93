package io.libres.errors;

/**
 * Thrown when a date-time has no time zone where one is needed; the Java API reads a LocalDateTime in the scheduler's zone, so this is raised only by adapters that meet one.
 */
public class NotTimezoneAware extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#NOT_TIMEZONE_AWARE}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.NOT_TIMEZONE_AWARE;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public NotTimezoneAware(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public NotTimezoneAware(String message, Throwable cause) {
        super(message, cause);
    }
}
