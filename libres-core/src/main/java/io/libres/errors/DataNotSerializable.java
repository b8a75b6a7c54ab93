package io.libres.errors;

/**
 * Thrown when the {@code data} of an allocation or reservation holds something
 * that is not a JSON value, or when stored JSON text cannot be read. Raised
 * before anything is written; the message names the offending type or text.
 */
public class DataNotSerializable extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#DATA_NOT_SERIALIZABLE}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.DATA_NOT_SERIALIZABLE;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public DataNotSerializable(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was wrong and what was expected
     * @param cause the failure that led to this one
     */
    public DataNotSerializable(String message, Throwable cause) {
        super(message, cause);
    }
}
