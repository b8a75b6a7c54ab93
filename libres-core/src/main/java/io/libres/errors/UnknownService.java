package io.libres.errors;

/**
 * Thrown when a service is asked for that neither the context nor any context it inherits from provides.
 */
public class UnknownService extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#UNKNOWN_SERVICE}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.UNKNOWN_SERVICE;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public UnknownService(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public UnknownService(String message, Throwable cause) {
        super(message, cause);
    }
}
