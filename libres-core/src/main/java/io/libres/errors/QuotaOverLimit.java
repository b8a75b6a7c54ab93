package io.libres.errors;

/**
 * Thrown when a reservation asks for more spots than the quota limit of its allocation allows.
 */
public class QuotaOverLimit extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#QUOTA_OVER_LIMIT}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.QUOTA_OVER_LIMIT;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public QuotaOverLimit(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public QuotaOverLimit(String message, Throwable cause) {
        super(message, cause);
    }
}
