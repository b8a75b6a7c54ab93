package io.libres.errors;

/**
 * Thrown when a context is registered under a name that is already taken and replacing it was not asked for.
 */
public class ContextAlreadyExists extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#CONTEXT_ALREADY_EXISTS}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.CONTEXT_ALREADY_EXISTS;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public ContextAlreadyExists(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public ContextAlreadyExists(String message, Throwable cause) {
        super(message, cause);
    }
}
