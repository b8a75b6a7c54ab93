package io.libres.errors;

/**
 * Thrown when an allocation cannot be created or changed as asked, for example because its dates do not fit its raster or a group is incomplete.
 */
public class InvalidAllocationError extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#INVALID_ALLOCATION}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_ALLOCATION;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public InvalidAllocationError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public InvalidAllocationError(String message, Throwable cause) {
        super(message, cause);
    }
}
