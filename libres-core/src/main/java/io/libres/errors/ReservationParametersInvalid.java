package io.libres.errors;

/**
 * Thrown when the arguments of a reservation contradict each other, for example both dates and a group, or neither.
 */
public class ReservationParametersInvalid extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#RESERVATION_PARAMETERS_INVALID}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.RESERVATION_PARAMETERS_INVALID;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public ReservationParametersInvalid(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public ReservationParametersInvalid(String message, Throwable cause) {
        super(message, cause);
    }
}
