package io.libres.errors;

/**
 * Thrown when no reservation has the given token (and id, where one is given).
 */
public class InvalidReservationToken extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#INVALID_RESERVATION_TOKEN}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_RESERVATION_TOKEN;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public InvalidReservationToken(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public InvalidReservationToken(String message, Throwable cause) {
        super(message, cause);
    }
}
