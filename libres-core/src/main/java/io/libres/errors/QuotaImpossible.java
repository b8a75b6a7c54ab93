package io.libres.errors;

/**
 * Thrown when a reservation asks for more spots than the quota of its allocation has.
 */
public class QuotaImpossible extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#QUOTA_IMPOSSIBLE}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.QUOTA_IMPOSSIBLE;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public QuotaImpossible(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public QuotaImpossible(String message, Throwable cause) {
        super(message, cause);
    }
}
