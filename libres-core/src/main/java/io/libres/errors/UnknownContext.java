package io.libres.errors;

/**
 * Thrown when a context is looked up or switched to by a name that no context of the registry has.
 */
public class UnknownContext extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#UNKNOWN_CONTEXT}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.UNKNOWN_CONTEXT;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public UnknownContext(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public UnknownContext(String message, Throwable cause) {
        super(message, cause);
    }
}
