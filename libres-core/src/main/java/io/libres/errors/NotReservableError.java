package io.libres.errors;

/**
 * Thrown when what a reservation targets exists but cannot be reserved, for example a group member on its own.
 */
public class NotReservableError extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#NOT_RESERVABLE}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.NOT_RESERVABLE;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public NotReservableError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public NotReservableError(String message, Throwable cause) {
        super(message, cause);
    }
}
