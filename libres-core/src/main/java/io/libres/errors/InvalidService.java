package io.libres.errors;

/**
 * Thrown when a service's factory gives something the caller cannot use: {@code null}, or an object of
 * another type than the one asked for.
 */
public class InvalidService extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#INVALID_SERVICE}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_SERVICE;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public InvalidService(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public InvalidService(String message, Throwable cause) {
        super(message, cause);
    }
}
