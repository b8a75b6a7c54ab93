package io.libres.testkit.internal;

/**
 * A kit subclass that cannot work as written (no {@code @WithPostgres} for its database field,
 * a capability flag contradicting its hooks, {@code newStorage()} returning null): the message
 * says what to change. {@link KitPreflight} reports it once per kit subclass. Not API.
 */
public final class KitMisconfigured extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what is wrong and what to change
     */
    public KitMisconfigured(String message) {
        super(message);
    }

    /**
     * Creates the error with its cause.
     *
     * @param message what is wrong and what to change
     * @param cause what the subclass threw
     */
    public KitMisconfigured(String message, Throwable cause) {
        super(message, cause);
    }
}
