package io.libres.context;

import io.libres.errors.ContextAlreadyExists;
import io.libres.errors.ContextIsLocked;
import io.libres.errors.UnknownContext;
import io.libres.internal.Arguments;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds named contexts: makes them, finds them, and keeps each thread's current one.
 *
 * <p>Every registry has a master context, named {@value #MASTER_CONTEXT_NAME},
 * that every other context inherits from. {@link io.libres.Libres#registry()} is
 * the global registry; {@link #createDefault()} makes a private one for code
 * that avoids global state (tests, for one).
 *
 * <pre>{@code
 * Context myApp = Libres.registry().registerContext("my_app");
 * myApp.setSetting(Settings.DSN, "jdbc:postgresql://localhost:5432/libres");
 * }</pre>
 *
 * <p>Every method is safe to call from several threads at once.
 */
public final class Registry {

    /** The name of the master context. */
    public static final String MASTER_CONTEXT_NAME = "master";

    private final Map<String, Context> contexts = new ConcurrentHashMap<>();
    private final Object registration = new Object();
    private final ThreadLocal<Context> current = new ThreadLocal<>();
    private final Context master;

    private Registry() {
        master = new Context(MASTER_CONTEXT_NAME, this, null);
        contexts.put(MASTER_CONTEXT_NAME, master);
    }

    /**
     * Makes a registry as libres does: its master context holds the default
     * {@link Settings settings} and {@link DefaultServices services} and is locked.
     *
     * @return the new registry
     */
    public static Registry createDefault() {
        return DefaultRegistrySetup.configure(new Registry());
    }

    /**
     * Makes a bare registry: its master context holds nothing and is not locked.
     * Meant for tests and for applications that set every setting and service
     * themselves; most want {@link #createDefault()}.
     *
     * @return the new registry
     */
    public static Registry createEmpty() {
        return new Registry();
    }

    /**
     * The master context, which every other context of this registry inherits from.
     *
     * @return the master context
     */
    public Context masterContext() {
        return master;
    }

    /**
     * The current context of the calling thread: the one it last switched to, or
     * the master context if it never switched.
     *
     * @return the current context
     */
    public Context currentContext() {
        Context context = current.get();
        return context != null ? context : master;
    }

    /**
     * Registers a new context that inherits from the master context.
     *
     * @param name the context's name, unique in this registry
     * @return the new context, unlocked and empty
     * @throws ContextAlreadyExists if a context of that name is registered already
     */
    public Context registerContext(String name) {
        return registerContext(name, false);
    }

    /**
     * Registers a new context that inherits from the master context, optionally
     * replacing one of the same name. A replaced context keeps its settings and
     * services, but is no longer found by name; threads for which it is current
     * keep it until they switch.
     *
     * @param name the context's name
     * @param replace whether to replace an existing context of that name
     * @return the new context, unlocked and empty
     * @throws ContextAlreadyExists if a context of that name exists and {@code replace} is
     *     {@code false}, or if the name is the master context's, which is never replaced
     * @throws ContextIsLocked if the context to replace is locked
     */
    public Context registerContext(String name, boolean replace) {
        Arguments.requireNonNull(name, "context name must not be null");
        synchronized (registration) {
            Context existing = contexts.get(name);
            if (existing != null) {
                if (!replace) {
                    throw new ContextAlreadyExists("A context named '" + name
                            + "' is registered already; expected another name, or replace=true to replace it");
                }
                if (existing.isLocked()) {
                    throw new ContextIsLocked("Context '" + name
                            + "' is locked and cannot be replaced; unlock it first, or pick another name");
                }
                if (existing == master) {
                    throw new ContextAlreadyExists("'" + MASTER_CONTEXT_NAME
                            + "' is the master context, which cannot be replaced; pick another name");
                }
            }
            Context context = new Context(name, this, master);
            contexts.put(name, context);
            return context;
        }
    }

    /**
     * Tells whether a context of that name is registered.
     *
     * @param name the name
     * @return {@code true} if registered
     */
    public boolean isExistingContext(String name) {
        Arguments.requireNonNull(name, "context name must not be null");
        return contexts.containsKey(name);
    }

    /**
     * Checks that a context of that name is registered, as libres' {@code assert_exists} does.
     *
     * @param name the name
     * @throws UnknownContext if no context of that name is registered
     */
    public void assertExists(String name) {
        getContext(name);
    }

    /**
     * Checks that a registered context is not locked, as libres' {@code assert_not_locked} does.
     *
     * @param name the context's name
     * @throws UnknownContext if no context of that name is registered
     * @throws io.libres.errors.ContextIsLocked if the context is locked (the master context of a
     *     default registry is)
     */
    public void assertNotLocked(String name) {
        Context context = getContext(name);
        if (context.isLocked()) {
            throw new io.libres.errors.ContextIsLocked("Context '" + name + "' is locked; expected an unlocked"
                    + " context (unlock() it first, or register a context of your own)");
        }
    }

    /**
     * Checks that no context of that name is registered, as libres' {@code assert_does_not_exist}
     * does.
     *
     * @param name the name
     * @throws ContextAlreadyExists if a context of that name is registered (the master context is,
     *     always)
     */
    public void assertDoesNotExist(String name) {
        Arguments.requireNonNull(name, "context name must not be null");
        if (contexts.containsKey(name)) {
            throw new ContextAlreadyExists("A context named '" + name
                    + "' is registered already; expected a name no context of this registry has");
        }
    }

    /**
     * Finds a registered context.
     *
     * @param name the context's name
     * @return the context
     * @throws UnknownContext if no context of that name is registered
     */
    public Context getContext(String name) {
        Arguments.requireNonNull(name, "context name must not be null");
        Context context = contexts.get(name);
        if (context == null) {
            throw new UnknownContext("No context named '" + name + "' is registered; known contexts: "
                    + new TreeSet<>(contexts.keySet()) + "; expected one of them, or register it first (Registry.registerContext)");
        }
        return context;
    }

    /**
     * Finds a registered context, registering it first if asked to.
     *
     * @param name the context's name
     * @param autocreate whether to register the context if it does not exist
     * @return the context
     * @throws UnknownContext if no context of that name is registered and {@code autocreate} is {@code false}
     */
    public Context getContext(String name, boolean autocreate) {
        Arguments.requireNonNull(name, "context name must not be null");
        if (!autocreate) {
            return getContext(name);
        }
        synchronized (registration) {
            Context context = contexts.get(name);
            return context != null ? context : registerContext(name);
        }
    }

    /**
     * Makes a context the current context of the calling thread, until it switches again.
     * Prefer {@link #context(String)}, which switches back by itself.
     *
     * @param name the context's name
     * @throws UnknownContext if no context of that name is registered; the current context stays
     */
    public void switchContext(String name) {
        current.set(getContext(name));
    }

    /**
     * Makes a context the current context of the calling thread until the returned
     * scope is closed, which makes the previous one current again, also when the
     * block throws.
     *
     * <pre>{@code
     * try (ContextScope scope = registry.context("my_app")) {
     *     scheduler = ...;   // works with my_app
     * }
     * }</pre>
     *
     * @param name the context's name
     * @return the scope to close (with try-with-resources)
     * @throws UnknownContext if no context of that name is registered; the current context stays
     */
    public ContextScope context(String name) {
        Context target = getContext(name);
        Context previous = currentContext();
        current.set(target);
        return new ContextScope(this, previous, target);
    }

    void restoreCurrent(String previousName) {
        Context previous = contexts.get(previousName);
        current.set(previous != null ? previous : master);
    }
}
