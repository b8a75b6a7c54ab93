package io.libres.errors;

/**
 * Thrown when an allocation is sold out: none of its spots (or fewer than the quota asked for) is
 * free for the span, so nothing can be reserved there however the spot is chosen. It is an
 * {@link AlreadyReservedError}, which libres raises in this case too, so code catching that keeps
 * working; catch this type, or switch on {@link ErrorCode#NO_FREE_SPOT}, to tell "full" from
 * "this very slot is taken" ({@link ErrorCode#ALREADY_RESERVED}).
 */
public class NoFreeSpot extends AlreadyReservedError {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#NO_FREE_SPOT}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.NO_FREE_SPOT;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public NoFreeSpot(String message) {
        super(message);
    }
}
