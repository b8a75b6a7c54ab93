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
    private final Map<Port<?, ?>, ServiceEntry> discovered = new HashMap<>();

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

    /** The entry of a port's discovered provider, discovering it on first use. */
    ServiceEntry discoveredEntry(Port<?, ?> port) {
        synchronized (lock) {
            ServiceEntry known = discovered.get(port);
            if (known != null) {
                return known;
            }
        }
        // Discovery runs outside the lock: it loads classes and runs provider constructors.
        ServiceEntry found = discover(port);
        synchronized (lock) {
            return discovered.computeIfAbsent(port, key -> found);
        }
    }

    private <P extends LibresProvider, S> ServiceEntry discover(Port<P, S> port) {
        P provider = ProviderDiscovery.select(port, owner.discoveryClassLoader(), owner.name());
        ServiceFactory<S> factory = context -> port.create(provider, context);
        return new ServiceEntry(port.serviceName(), factory, port.cached());
    }
}
