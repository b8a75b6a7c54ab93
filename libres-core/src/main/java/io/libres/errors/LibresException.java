package io.libres.errors;

import io.libres.db.models.Reservation;

import java.util.Optional;

/**
 * The root of every exception libres for Java throws on purpose.
 *
 * <p>All are unchecked. Catch this type to handle any libres failure, or one of
 * its named subclasses (the same names as the errors of libres 1.2) to handle a
 * particular one. A message always says what was wrong and what was expected.
 */
public class LibresException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure, to switch on instead of catching by type; each subclass
     * has its own (see {@link ErrorCode}).
     *
     * @return {@link ErrorCode#LIBRES_ERROR} for a plain {@code LibresException}, else the subclass's code
     */
    public ErrorCode code() {
        return ErrorCode.LIBRES_ERROR;
    }

    private transient Reservation reservation;

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public LibresException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public LibresException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The reservation this failure concerns, when it was raised while handling one (approving a
     * reservation, for example).
     *
     * @return the reservation, empty if the failure concerns none
     */
    public Optional<Reservation> reservation() {
        return Optional.ofNullable(reservation);
    }

    /**
     * Records the reservation this failure concerns; the scheduler calls this before rethrowing
     * a failure raised while approving.
     *
     * @param concerned the reservation
     * @return this exception, for rethrowing
     */
    public LibresException concerning(Reservation concerned) {
        this.reservation = concerned;
        return this;
    }
}
