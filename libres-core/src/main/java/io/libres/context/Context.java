package io.libres.context;

import org.jspecify.annotations.Nullable;

import io.libres.errors.AmbiguousProviders;
import io.libres.errors.ContextIsLocked;
import io.libres.errors.InvalidService;
import io.libres.errors.InvalidSetting;
import io.libres.errors.ProviderNotFound;
import io.libres.errors.UnknownService;
import io.libres.internal.Arguments;
import io.libres.spi.Port;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The settings and services one consumer of libres works with.
 *
 * <p>A context is made by its {@link Registry} ({@link Registry#registerContext(String)}).
 * What a context does not set itself it inherits from its parent, the master
 * context, which holds the defaults and is locked. Several consumers in one JVM
 * each register a context of their own, so their settings never mix.
 *
 * <p>Settings are values by name ({@code uuid_namespace}, {@code dsn}, or any of
 * the application's own). Services are {@link ServiceFactory factories} by name:
 * an uncached service is made anew each time it is asked for; a cached one once
 * per context that asks for it. The ports of {@link io.libres.spi} are services
 * that a context can also discover ({@link #getService(Port)}).
 *
 * <p>Thread-safety and lifecycle: a context is safe to use from several threads
 * and is meant to be set up once (settings, services, then {@link #lock()} if it
 * must not change) and held for the application's life, shared by every request.
 * Classes that use one may keep what they got from it, so change a context before
 * handing it out, not after. What belongs to one request is a unit of work
 * ({@code io.libres.db.Work}), never the context. At shutdown,
 * {@link #stopServices()} closes what the context's services hold (the
 * storage's connection pool).
 */
public final class Context {

    private final String name;
    private final Registry registry;
    private final Context parent;
    private final Object lock = new Object();
    private final Map<String, Object> settings = new HashMap<>();
    private final Map<String, ServiceEntry> services = new HashMap<>();
    private final ServiceInstances instances = new ServiceInstances(this);
    private ClassLoader discoveryClassLoader;
    private volatile boolean locked;

    Context(String name, Registry registry, Context parent) {
        this.name = name;
        this.registry = registry;
        this.parent = parent;
    }

    /**
     * The context's name, unique within its registry.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The registry that made this context.
     *
     * @return the registry
     */
    public Registry registry() {
        return registry;
    }

    /**
     * The context this one inherits settings and services from.
     *
     * @return the master context, or empty for the master context itself
     */
    public Optional<Context> parent() {
        return Optional.ofNullable(parent);
    }

    /**
     * Tells whether the context refuses changes.
     *
     * @return {@code true} if locked
     */
    public boolean isLocked() {
        return locked;
    }

    /**
     * Locks the context: from now on, changing a setting or a service of it, or
     * replacing it in its registry, throws {@link ContextIsLocked}.
     */
    public void lock() {
        synchronized (lock) {
            locked = true;
        }
    }

    /**
     * Unlocks the context, so its settings and services can be changed again.
     */
    public void unlock() {
        synchronized (lock) {
            locked = false;
        }
    }

    /**
     * Makes this context the current context of this thread until the returned
     * scope is closed; see {@link Registry#context(String)}.
     *
     * @return the scope to close (with try-with-resources)
     * @throws io.libres.errors.UnknownContext if this context was replaced in its registry
     */
    public ContextScope asCurrentContext() {
        return registry.context(name);
    }

    /**
     * Makes this context the current context of this thread, for good; see
     * {@link Registry#switchContext(String)}.
     *
     * @throws io.libres.errors.UnknownContext if this context was replaced in its registry
     */
    public void switchTo() {
        registry.switchContext(name);
    }

    // ---------------------------------------------------------------- settings

    /**
     * Tells whether a setting is set on this context or on one it inherits from.
     *
     * @param settingName the setting's name
     * @return {@code true} if set (possibly to {@code null})
     */
    public boolean hasSetting(String settingName) {
        Arguments.requireNonNull(settingName, "setting name must not be null");
        for (Context context = this; context != null; context = context.parent) {
            synchronized (context.lock) {
                if (context.settings.containsKey(settingName)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The value of a setting: the one set on this context, else the one set on
     * the context it inherits from.
     *
     * @param settingName the setting's name, for example {@code "dsn"}
     * @return the value, or {@code null} if it is {@code null} or set nowhere
     *     (use {@link #hasSetting(String)} to tell these apart)
     */
    public @Nullable Object getSetting(String settingName) {
        Arguments.requireNonNull(settingName, "setting name must not be null");
        for (Context context = this; context != null; context = context.parent) {
            synchronized (context.lock) {
                if (context.settings.containsKey(settingName)) {
                    return context.settings.get(settingName);
                }
            }
        }
        return null;
    }

    /**
     * The value of a typed setting: the one set on this context, else the one set
     * on the context it inherits from, else the setting's default.
     *
     * @param setting the setting, for example {@link Settings#UUID_NAMESPACE}
     * @param <T> the type of the value
     * @return the value
     * @throws InvalidSetting if the value set is not of the setting's type (possible
     *     only for a setting declared by an application after its value was set by name)
     */
    public <T> T getSetting(Setting<T> setting) {
        Arguments.requireNonNull(setting, "setting must not be null");
        if (!hasSetting(setting.name())) {
            return setting.defaultValue();
        }
        return setting.validate(getSetting(setting.name()));
    }

    /**
     * Sets a setting on this context; contexts inheriting from it see the new value
     * unless they set their own. A setting of libres ({@link Settings#all()}) is
     * checked first.
     *
     * @param settingName the setting's name
     * @param value the value; {@code null} only where the setting allows it
     * @throws ContextIsLocked if this context is locked
     * @throws InvalidSetting if the setting is one of libres' and the value does not fit it;
     *     nothing is changed
     */
    public void setSetting(String settingName, @Nullable Object value) {
        Arguments.requireNonNull(settingName, "setting name must not be null");
        Optional<Setting<?>> known = Settings.byName(settingName);
        Object checked = known.isPresent() ? known.get().validate(value) : value;
        synchronized (lock) {
            requireUnlocked("its setting '" + settingName + "'");
            settings.put(settingName, checked);
        }
    }

    /**
     * Sets a typed setting on this context.
     *
     * @param setting the setting, for example {@link Settings#DSN}
     * @param value the value; {@code null} only if the setting is nullable
     * @param <T> the type of the value
     * @throws ContextIsLocked if this context is locked
     * @throws InvalidSetting if the value does not fit the setting; nothing is changed
     */
    public <T> void setSetting(Setting<T> setting, @Nullable T value) {
        Arguments.requireNonNull(setting, "setting must not be null");
        Object checked = setting.validate(value);
        synchronized (lock) {
            requireUnlocked("its setting '" + setting.name() + "'");
            settings.put(setting.name(), checked);
        }
    }

    /**
     * The {@code uuid_namespace} setting of this context.
     *
     * @return the namespace resource UUIDs are derived from
     */
    public UUID uuidNamespace() {
        return getSetting(Settings.UUID_NAMESPACE);
    }

    /**
     * The {@code dsn} setting of this context.
     *
     * @return the JDBC URL of the database, or empty if none is set
     */
    public Optional<String> dsn() {
        return Optional.ofNullable(getSetting(Settings.DSN));
    }

    // ---------------------------------------------------------------- services

    /**
     * Sets an uncached service on this context: the factory makes a new instance
     * each time the service is asked for.
     *
     * @param serviceName the service's name
     * @param factory makes the service for the context it is asked from
     * @throws ContextIsLocked if this context is locked
     * @see #setService(String, ServiceFactory, boolean)
     */
    public void setService(String serviceName, ServiceFactory<?> factory) {
        setService(serviceName, factory, false);
    }

    /**
     * Stops the services this context made and keeps (its cached instances) that are
     * {@link StoppableService}s, and forgets them: the connection pool a storage made from the
     * {@code dsn} is closed, for example. Call it when the application shuts down; a later use of
     * the context makes the services anew. Contexts inheriting from this one keep their own.
     */
    public void stopServices() {
        for (CachedService discarded : instances.discardAll()) {
            discarded.stop(this);
        }
    }

    /**
     * Sets a service on this context, replacing any set here under the same name.
     *
     * <p>A cached service is made once per context that asks for it (this one or
     * one inheriting from it) and that instance is returned from then on. The
     * replaced factory and the instance this context cached from it are stopped
     * if they are {@link StoppableService}s.
     *
     * @param serviceName the service's name
     * @param factory makes the service for the context it is asked from
     * @param cached whether each context keeps the first instance it gets
     * @throws ContextIsLocked if this context is locked; nothing is changed
     */
    public void setService(String serviceName, ServiceFactory<?> factory, boolean cached) {
        Arguments.requireNonNull(serviceName, "service name must not be null");
        Arguments.requireNonNull(factory, "service factory must not be null");
        ServiceEntry replaced;
        CachedService discarded;
        synchronized (lock) {
            requireUnlocked("its service '" + serviceName + "'");
            replaced = services.put(serviceName, new ServiceEntry(serviceName, factory, cached));
        }
        discarded = instances.discard(serviceName);
        if (replaced != null) {
            CachedService.stopIfStoppable(replaced.factory(), serviceName, this);
        }
        if (discarded != null) {
            discarded.stop(this);
        }
    }

    /**
     * Sets an uncached, typed service on this context.
     *
     * @param key the service's key, for example {@link DefaultServices#EMAIL_VALIDATOR}
     * @param factory makes the service for the context it is asked from
     * @param <S> the type of the service
     * @throws ContextIsLocked if this context is locked
     */
    public <S> void setService(ServiceKey<S> key, ServiceFactory<? extends S> factory) {
        setService(key, factory, false);
    }

    /**
     * Sets a typed service on this context; see {@link #setService(String, ServiceFactory, boolean)}.
     *
     * @param key the service's key, for example {@code Ports.JSON.key()}
     * @param factory makes the service for the context it is asked from
     * @param cached whether each context keeps the first instance it gets
     * @param <S> the type of the service
     * @throws ContextIsLocked if this context is locked
     */
    public <S> void setService(ServiceKey<S> key, ServiceFactory<? extends S> factory, boolean cached) {
        Arguments.requireNonNull(key, "service key must not be null");
        setService(key.name(), factory, cached);
    }

    /**
     * Tells whether a service is set on this context or on one it inherits from.
     * Ports a context would discover do not count until set explicitly.
     *
     * @param serviceName the service's name
     * @return {@code true} if set
     */
    public boolean hasService(String serviceName) {
        Arguments.requireNonNull(serviceName, "service name must not be null");
        return findEntry(serviceName) != null;
    }

    /**
     * Gets a service: from the factory set on this context, else on the context it
     * inherits from; a cached service comes from this context's cache.
     *
     * @param serviceName the service's name, for example {@code "email_validator"}
     * @return the service
     * @throws UnknownService if neither this context nor one it inherits from sets the service
     * @throws InvalidService if the factory returns {@code null}
     */
    public Object getService(String serviceName) {
        Arguments.requireNonNull(serviceName, "service name must not be null");
        ServiceEntry entry = findEntry(serviceName);
        if (entry == null) {
            throw new UnknownService("Context '" + name + "' has no service '" + serviceName
                    + "', nor does any context it inherits from; expected one of the known services: " + knownServices());
        }
        return instances.instanceOf(entry);
    }

    /**
     * Gets a service and checks its type.
     *
     * @param serviceName the service's name
     * @param type the type the service must have
     * @param <S> the type of the service
     * @return the service
     * @throws UnknownService if neither this context nor one it inherits from sets the service
     * @throws InvalidService if the factory returns {@code null} or an object of another type
     */
    public <S> S getService(String serviceName, Class<S> type) {
        Arguments.requireNonNull(type, "service type must not be null");
        return typed(serviceName, type, getService(serviceName));
    }

    /**
     * Gets a typed service.
     *
     * @param key the service's key, for example {@link DefaultServices#UUID_GENERATOR}
     * @param <S> the type of the service
     * @return the service
     * @throws UnknownService if neither this context nor one it inherits from sets the service
     * @throws InvalidService if the factory returns {@code null} or an object of another type
     */
    public <S> S getService(ServiceKey<S> key) {
        Arguments.requireNonNull(key, "service key must not be null");
        return getService(key.name(), key.type());
    }

    /**
     * Gets the service of a port: the service set under the port's name on this
     * context or one it inherits from, else the one this context's provider of
     * the port makes.
     *
     * <p>The provider is discovered once per context, with
     * {@link java.util.ServiceLoader} on {@link #discoveryClassLoader()}: the one
     * whose name the setting of the port's service name gives (for example
     * {@code context.setSetting("storage", "jooq")} when both SQL adapters are on
     * the class path), else the single usable provider, else the one of highest
     * priority. Providers that fail to load are logged and skipped. The service is cached in this context
     * if the port says so ({@link Port#cached()}).
     *
     * @param port the port, for example {@link io.libres.spi.Ports#JSON}
     * @param <S> the type of the service
     * @return the service
     * @throws ProviderNotFound if nothing is set and no usable provider is found, or none of the
     *     name the setting gives; the message names the Maven module to add, the providers found
     *     and those that failed to load
     * @throws AmbiguousProviders if nothing is set, no provider is named and several providers
     *     share the highest priority; the message lists them and says how to choose
     * @throws InvalidSetting if the setting of the port's service name is not a provider's name
     * @throws InvalidService if the service set or made is {@code null} or not of the port's type
     */
    public <S> S getService(Port<?, S> port) {
        Arguments.requireNonNull(port, "port must not be null");
        ServiceEntry entry = findEntry(port.serviceName());
        if (entry == null) {
            entry = instances.discoveredEntry(port);
        }
        return typed(port.serviceName(), port.serviceType(), instances.instanceOf(entry));
    }

    /**
     * The class loader whose {@code META-INF/services} this context discovers
     * providers in: the one set on this context, else on the context it inherits
     * from, else the class loader of libres-core.
     *
     * @return the class loader
     */
    public ClassLoader discoveryClassLoader() {
        for (Context context = this; context != null; context = context.parent) {
            synchronized (context.lock) {
                if (context.discoveryClassLoader != null) {
                    return context.discoveryClassLoader;
                }
            }
        }
        ClassLoader own = Context.class.getClassLoader();
        return own != null ? own : ClassLoader.getSystemClassLoader();
    }

    /**
     * Sets the class loader this context (and the contexts inheriting from it)
     * discovers providers in, for applications whose adapters live in another
     * class loader than libres-core (plugins, application servers). Ports
     * this context has already discovered keep their provider.
     *
     * @param classLoader the class loader
     * @throws ContextIsLocked if this context is locked
     */
    public void setDiscoveryClassLoader(ClassLoader classLoader) {
        Arguments.requireNonNull(classLoader, "class loader must not be null");
        synchronized (lock) {
            requireUnlocked("its discovery class loader");
            discoveryClassLoader = classLoader;
        }
    }

    /**
     * Describes the context by its name, as libres does.
     *
     * @return for example {@code Context[name=my_app]}
     */
    @Override
    public String toString() {
        return "Context[name=" + name + "]";
    }

    // ---------------------------------------------------------------- internals

    private void requireUnlocked(String what) {
        if (locked) {
            throw new ContextIsLocked("Context '" + name + "' is locked, so " + what
                    + " cannot be changed; expected a context of your own (register one and change that)"
                    + (parent == null ? "" : ", or unlock this one first"));
        }
    }

    private ServiceEntry findEntry(String serviceName) {
        for (Context context = this; context != null; context = context.parent) {
            synchronized (context.lock) {
                ServiceEntry entry = context.services.get(serviceName);
                if (entry != null) {
                    return entry;
                }
            }
        }
        return null;
    }

    private TreeSet<String> knownServices() {
        TreeSet<String> names = new TreeSet<>();
        for (Context context = this; context != null; context = context.parent) {
            synchronized (context.lock) {
                names.addAll(context.services.keySet());
            }
        }
        return names;
    }

    private <S> S typed(String serviceName, Class<S> type, Object service) {
        if (!type.isInstance(service)) {
            throw new InvalidService("Service '" + serviceName + "' of context '" + name + "' is a "
                    + service.getClass().getName() + ", expected a " + type.getName());
        }
        return type.cast(service);
    }
}
