package io.libres.errors;

/**
 * Thrown when a browser session is confirmed that has no reservations.
 */
public class NoReservationsToConfirm extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#NO_RESERVATIONS_TO_CONFIRM}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.NO_RESERVATIONS_TO_CONFIRM;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public NoReservationsToConfirm(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public NoReservationsToConfirm(String message, Throwable cause) {
        super(message, cause);
    }
}
