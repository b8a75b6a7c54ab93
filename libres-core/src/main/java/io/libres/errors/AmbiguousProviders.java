package io.libres.errors;

/**
 * Thrown when several discovered providers of one port share the highest priority, so none can be
 * chosen; the message lists every candidate with its name, class and priority.
 */
public class AmbiguousProviders extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#AMBIGUOUS_PROVIDERS}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.AMBIGUOUS_PROVIDERS;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public AmbiguousProviders(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public AmbiguousProviders(String message, Throwable cause) {
        super(message, cause);
    }
}
