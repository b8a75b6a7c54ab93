package io.libres.errors;

/**
 * Thrown when exactly one record was asked for ({@code one()}) and several matched, for
 * example when changing a reservation that targets a group of allocations.
 */
public class MultipleResultsFound extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#MULTIPLE_RESULTS_FOUND}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.MULTIPLE_RESULTS_FOUND;
    }

    /**
     * Creates the exception.
     *
     * @param message what was looked for and why one was expected
     */
    public MultipleResultsFound(String message) {
        super(message);
    }
}
