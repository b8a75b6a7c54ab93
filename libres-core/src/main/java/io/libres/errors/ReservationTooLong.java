package io.libres.errors;

/**
 * Thrown when a reservation spans more than one day, which libres does not allow for a single timespan.
 */
public class ReservationTooLong extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#RESERVATION_TOO_LONG}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.RESERVATION_TOO_LONG;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public ReservationTooLong(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public ReservationTooLong(String message, Throwable cause) {
        super(message, cause);
    }
}
