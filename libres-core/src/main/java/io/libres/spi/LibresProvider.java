package io.libres.spi;

/**
 * What every provider of a port has in common: a name to report and a priority
 * to choose by.
 *
 * <p>Adapters announce their providers through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/<port provider interface>}). A context takes the
 * service set on it explicitly, else the single provider discovered, else the
 * one with the highest priority; a tie at the top is an error that lists the
 * candidates.
 */
public interface LibresProvider {

    /**
     * A short name for messages and logs, for example {@code "jackson"}.
     *
     * @return the provider's name, never blank
     */
    String name();

    /**
     * The priority among providers of the same port; the highest wins.
     *
     * <p>Guidance for a third-party provider: the built-in storage adapters
     * ({@code libres-jdbi-adapter}, {@code libres-jooq-adapter}) keep {@code 0}, so two of them on
     * one class path are a tie that the application resolves by naming one (the context setting
     * named after the port, {@code storage = "jooq"} say); the JSON modules rank Jackson
     * ({@code 20}) above Gson ({@code 10}) because both store the same JSON, so either choice is
     * harmless. A storage adapter of your own keeps {@code 0} too: next to a built-in one the user
     * then gets an error listing both and saying how to choose, instead of a silent switch of
     * database code. Take a positive value ({@code 100} say, and document it) only when your
     * provider must win whenever it is present, and a negative one for a fallback to use only
     * when nothing else is there. Never pick a value just to break a tie you met in your own
     * tests: name the provider there instead ({@code @LibresTest(storage = "<name>")}).
     *
     * @return the priority, {@code 0} unless the provider says otherwise
     */
    default int priority() {
        return 0;
    }
}
