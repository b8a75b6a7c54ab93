package io.libres.errors;

/**
 * Thrown when a reservation would overlap another one of the same reservee where that is not allowed.
 */
public class OverlappingReservationError extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#OVERLAPPING_RESERVATION}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.OVERLAPPING_RESERVATION;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public OverlappingReservationError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public OverlappingReservationError(String message, Throwable cause) {
        super(message, cause);
    }
}
