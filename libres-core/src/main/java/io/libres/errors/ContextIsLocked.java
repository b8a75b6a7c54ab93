package io.libres.errors;

/**
 * Thrown when a setting or service of a locked context (the master context, for one) is changed.
 */
public class ContextIsLocked extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#CONTEXT_IS_LOCKED}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.CONTEXT_IS_LOCKED;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public ContextIsLocked(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public ContextIsLocked(String message, Throwable cause) {
        super(message, cause);
    }
}
