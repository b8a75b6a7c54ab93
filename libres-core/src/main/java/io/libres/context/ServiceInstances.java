package io.libres.context;

import io.libres.context.internal.ProviderDiscovery;
import io.libres.spi.LibresProvider;
import io.libres.spi.Port;
import java.util.HashMap;
import java.util.Map;

/**
 * What one context keeps of its services: the instances of cached services it
 * made, and the providers it discovered for ports.
 *
 * <p>A cached instance remembers the entry it was made from; when the context
 * (or one it inherits from) sets another entry under that name, the old instance
 * is stopped and a new one made on the next request.
 */
final class ServiceInstances {

    private final Context owner;
    private final Object lock = new Object();
    private final Map<String, CachedService> cache = new HashMap<>();
    private final Map<Port<?, ?>, Discovered> discovered = new HashMap<>();

    /** A port's discovered entry and the provider name the context's setting named then (or null). */
    private record Discovered(String chosenName, ServiceEntry entry) {
    }

    ServiceInstances(Context owner) {
        this.owner = owner;
    }

    /** The service an entry gives this context: a new instance, or the cached one. */
    Object instanceOf(ServiceEntry entry) {
        if (!entry.cached()) {
            return entry.create(owner);
        }
        CachedService holder;
        CachedService stale = null;
        synchronized (lock) {
            holder = cache.get(entry.name());
            if (holder == null || holder.entry() != entry) {
                stale = holder;
                holder = new CachedService(entry);
                cache.put(entry.name(), holder);
            }
        }
        if (stale != null) {
            stale.stop(owner);
        }
        return holder.get(owner);
    }

    /** Forgets the cached instance of a service, returning it so the caller can stop it. */
    CachedService discard(String serviceName) {
        synchronized (lock) {
            return cache.remove(serviceName);
        }
    }

    /** Forgets every cached instance, returning them so the caller can stop them. */
    java.util.List<CachedService> discardAll() {
        synchronized (lock) {
            java.util.List<CachedService> all = new java.util.ArrayList<>(cache.values());
            cache.clear();
            return all;
        }
    }

    /**
     * The entry of a port's discovered provider, discovering it on first use, and again when the
     * setting that names the provider changed since.
     */
    ServiceEntry discoveredEntry(Port<?, ?> port) {
        String chosenName = chosenProvider(port);
        synchronized (lock) {
            Discovered known = discovered.get(port);
            if (known != null && java.util.Objects.equals(known.chosenName(), chosenName)) {
                return known.entry();
            }
        }
        // Discovery runs outside the lock: it loads classes and runs provider constructors.
        ServiceEntry found = discover(port, chosenName);
        synchronized (lock) {
            Discovered known = discovered.get(port);
            if (known != null && java.util.Objects.equals(known.chosenName(), chosenName)) {
                return known.entry();
            }
            discovered.put(port, new Discovered(chosenName, found));
            return found;
        }
    }

    /** The provider name set under the port's service name on the context, for example storage = "jooq". */
    private String chosenProvider(Port<?, ?> port) {
        Object value = owner.getSetting(port.serviceName());
        if (value == null) {
            return null;
        }
        if (!(value instanceof String) || ((String) value).isBlank()) {
            throw new io.libres.errors.InvalidSetting("the '" + port.serviceName() + "' setting of context '"
                    + owner.name() + "' is " + value + "; expected the name of a provider of the '"
                    + port.serviceName() + "' port, for example \"jooq\" or \"jdbi\" for the storage");
        }
        return (String) value;
    }

    private <P extends LibresProvider, S> ServiceEntry discover(Port<P, S> port, String chosenName) {
        P provider = ProviderDiscovery.select(port, owner.discoveryClassLoader(), owner.name(), chosenName);
        ServiceFactory<S> factory = context -> port.create(provider, context);
        return new ServiceEntry(port.serviceName(), factory, port.cached());
    }
}
