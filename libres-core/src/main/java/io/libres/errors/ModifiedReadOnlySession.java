package io.libres.errors;

/**
 * Thrown when a read-only session was used to modify records; kept for parity with libres 1.2.
 */
public class ModifiedReadOnlySession extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#MODIFIED_READ_ONLY_SESSION}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.MODIFIED_READ_ONLY_SESSION;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public ModifiedReadOnlySession(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public ModifiedReadOnlySession(String message, Throwable cause) {
        super(message, cause);
    }
}
