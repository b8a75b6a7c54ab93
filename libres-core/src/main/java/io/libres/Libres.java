package io.libres;

import io.libres.context.Registry;

/**
 * The entry point of libres for Java: the global registry of contexts.
 *
 * <pre>{@code
 * Context myApp = Libres.registry().registerContext("my_app");
 * }</pre>
 *
 * <p>Code that avoids global state makes a registry of its own with
 * {@link Registry#createDefault()} instead.
 */
public final class Libres {

    private Libres() {
    }

    /**
     * The global registry, made with {@link Registry#createDefault()} on first use;
     * every call, from any thread, returns the same one.
     *
     * @return the global registry
     */
    public static Registry registry() {
        return GlobalRegistry.INSTANCE;
    }

    /** Holds the registry; the JVM initialises it once, lazily and thread-safely, on first access. */
    private static final class GlobalRegistry {
        static final Registry INSTANCE = Registry.createDefault();
    }
}
