package io.libres.testkit.postgres;

import io.libres.errors.ErrorCode;
import io.libres.errors.LibresException;

import java.util.List;

/**
 * No PostgreSQL server could be provided for the tests. The message lists every attempt
 * (external URL, Docker, embedded) with the reason it was skipped or failed, and says
 * what to set; the failures themselves are attached as suppressed exceptions.
 */
public class PostgresUnavailableException extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#POSTGRES_UNAVAILABLE}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.POSTGRES_UNAVAILABLE;
    }

    /** The attempts, one line each. */
    private final List<String> attempts;

    /**
     * Creates the exception.
     *
     * @param message what was tried and what to set
     * @param attempts one line per attempt, in order
     */
    public PostgresUnavailableException(String message, List<String> attempts) {
        super(message);
        this.attempts = List.copyOf(attempts);
    }

    /**
     * Lists what was tried.
     *
     * @return one line per attempt, in the order tried
     */
    public List<String> attempts() {
        return attempts;
    }
}
