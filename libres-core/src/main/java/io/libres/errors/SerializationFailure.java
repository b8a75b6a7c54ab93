package io.libres.errors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a unit of work conflicts with a concurrent one (SQLSTATE 40001
 * serialization_failure or 40P01 deadlock_detected). Nothing of the unit of work was written;
 * rolling back and running it again may succeed.
 */
public class SerializationFailure extends StorageException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#SERIALIZATION_FAILURE}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.SERIALIZATION_FAILURE;
    }

    /** SQLSTATE of a serialization failure. */
    public static final String SERIALIZATION_FAILURE = "40001";

    /** SQLSTATE of a detected deadlock. */
    public static final String DEADLOCK_DETECTED = "40P01";

    /**
     * Creates the exception.
     *
     * @param message what conflicted
     * @param sqlState the SQLSTATE, {@value #SERIALIZATION_FAILURE} or {@value #DEADLOCK_DETECTED}
     *     for SQL storages, null for others
     * @param cause the storage's own exception, or null
     */
    public SerializationFailure(String message, @Nullable String sqlState, @Nullable Throwable cause) {
        super(message, sqlState, cause);
    }

    /**
     * Tells whether a SQLSTATE means a serialization failure.
     *
     * @param sqlState the code, may be null
     * @return true for 40001 and 40P01
     */
    public static boolean isSerializationState(@Nullable String sqlState) {
        return SERIALIZATION_FAILURE.equals(sqlState) || DEADLOCK_DETECTED.equals(sqlState);
    }

    /**
     * Always true: the unit of work may be retried.
     *
     * @return true
     */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
