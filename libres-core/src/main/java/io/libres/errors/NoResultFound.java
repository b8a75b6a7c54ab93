package io.libres.errors;

/**
 * Thrown when exactly one record was asked for ({@code one()}) and none matched.
 */
public class NoResultFound extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#NO_RESULT_FOUND}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.NO_RESULT_FOUND;
    }

    /**
     * Creates the exception.
     *
     * @param message what was looked for and not found
     */
    public NoResultFound(String message) {
        super(message);
    }
}
