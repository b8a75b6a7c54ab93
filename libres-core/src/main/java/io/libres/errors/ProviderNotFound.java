package io.libres.errors;

/**
 * Thrown when a context needs a port (JSON, storage, ...) that no service on the context provides and
 * no usable provider was discovered; the message names the Maven module to add and lists providers that
 * failed to load.
 */
public class ProviderNotFound extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#PROVIDER_NOT_FOUND}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.PROVIDER_NOT_FOUND;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public ProviderNotFound(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public ProviderNotFound(String message, Throwable cause) {
        super(message, cause);
    }
}
