package io.libres.errors;

import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * Thrown when the storage fails for a reason that is not the caller's input: a lost connection,
 * a constraint the domain did not foresee, a database error. Keeps the cause and, for SQL
 * storages, the SQLSTATE.
 */
public class StorageException extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#STORAGE}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.STORAGE;
    }

    /** The SQLSTATE reported by the database, or null for storages without one. */
    private final String sqlState;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param sqlState the SQLSTATE reported by the database, or null if there is none
     * @param cause the storage's own exception, or null
     */
    public StorageException(String message, @Nullable String sqlState, @Nullable Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /**
     * The SQLSTATE of the failure.
     *
     * @return the five-character code, empty for storages without one
     */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /**
     * Tells whether running the whole unit of work again may succeed.
     *
     * @return false; {@link SerializationFailure} overrides this
     */
    public boolean isRetryable() {
        return false;
    }
}
