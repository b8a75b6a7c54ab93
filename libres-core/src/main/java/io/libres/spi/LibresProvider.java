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
     * @return the priority, {@code 0} unless the provider says otherwise
     */
    default int priority() {
        return 0;
    }
}
