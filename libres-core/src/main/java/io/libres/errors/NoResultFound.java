package io.libres.errors;

/**
 * Thrown when exactly one record was asked for ({@code one()}) and none matched.
 */
public class NoResultFound extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was looked for and not found
     */
    public NoResultFound(String message) {
        super(message);
    }
}
