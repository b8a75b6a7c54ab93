package io.libres.context;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one instance a context keeps of a cached service, made on first use.
 *
 * <p>Creation locks this holder only, not the context, so a factory may ask
 * its context (or another) for other services without risking a deadlock
 * between contexts.
 */
final class CachedService {

    private static final Logger LOG = LoggerFactory.getLogger(CachedService.class);

    private final ServiceEntry entry;
    private Object instance;

    CachedService(ServiceEntry entry) {
        this.entry = entry;
    }

    ServiceEntry entry() {
        return entry;
    }

    synchronized Object get(Context context) {
        if (instance == null) {
            instance = entry.create(context);
        }
        return instance;
    }

    synchronized void stop(Context context) {
        stopIfStoppable(instance, entry.name(), context);
    }

    static void stopIfStoppable(Object discarded, String name, Context context) {
        if (discarded instanceof StoppableService stoppable) {
            try {
                stoppable.stopService();
            } catch (RuntimeException e) {
                // The replacement is already in place; failing here would leave the caller unsure of that.
                LOG.warn("Stopping the discarded service '{}' of context '{}' failed", name, context.name(), e);
            }
        }
    }
}
