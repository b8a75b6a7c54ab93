package io.libres.errors;

/**
 * Thrown when a reservation targets no existing allocation or group.
 */
public class InvalidReservationError extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#INVALID_RESERVATION}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_RESERVATION;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public InvalidReservationError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public InvalidReservationError(String message, Throwable cause) {
        super(message, cause);
    }
}
