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
     * <p>Guidance: the built-in adapters ({@code libres-jdbi-adapter}, {@code libres-jooq-adapter})
     * and JSON modules keep {@code 0}, so two of them on one class path are a tie that the
     * application resolves by choosing one explicitly. A third-party provider keeps {@code 0} too
     * unless it means to win over the built-in ones whenever both are present (then a positive
     * value, {@code 100} say, and say so in its documentation); a fallback that should only be used
     * when nothing else is there takes a negative value. Never pick the value to break a tie by
     * accident: a tie is an error that names both, which is what the user needs to see.
     *
     * @return the priority, {@code 0} unless the provider says otherwise
     */
    default int priority() {
        return 0;
    }
}
