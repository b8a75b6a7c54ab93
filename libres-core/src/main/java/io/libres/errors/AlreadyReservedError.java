package io.libres.errors;

/**
 * Thrown when a slot is already reserved, by a reservation or a blocker, and cannot be reserved again.
 */
public class AlreadyReservedError extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#ALREADY_RESERVED}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.ALREADY_RESERVED;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public AlreadyReservedError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public AlreadyReservedError(String message, Throwable cause) {
        super(message, cause);
    }
}
