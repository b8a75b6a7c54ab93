package io.libres.errors;

/**
 * Thrown when a reservation is shorter than the raster of the allocation it targets.
 */
public class ReservationTooShort extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#RESERVATION_TOO_SHORT}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.RESERVATION_TOO_SHORT;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public ReservationTooShort(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public ReservationTooShort(String message, Throwable cause) {
        super(message, cause);
    }
}
