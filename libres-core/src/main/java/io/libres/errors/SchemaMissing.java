package io.libres.errors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the database has no libres tables (or not all of them) yet: the storage was used
 * before {@code Scheduler#setupDatabase()} (or the storage's {@code setupDatabase()}, or the
 * migrations of libres 1.2) created them. Not retryable: create the tables first.
 */
public class SchemaMissing extends StorageException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#SCHEMA_MISSING}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.SCHEMA_MISSING;
    }

    /**
     * Creates the exception.
     *
     * @param message what was missing and how to create it
     * @param sqlState the SQLSTATE reported by the database (42P01 or 42704)
     * @param cause the storage's own exception, or null
     */
    public SchemaMissing(String message, String sqlState, @Nullable Throwable cause) {
        super(message, sqlState, cause);
    }
}
