package io.libres.context;

import io.libres.context.internal.SimpleEmailValidator;
import io.libres.db.Exposure;
import io.libres.db.Session;
import io.libres.events.Events;
import io.libres.internal.Uuid5;

/**
 * What {@link Registry#createDefault()} puts on the master context, as libres 1.2's
 * {@code create_default_registry} does: the default settings and services, then the lock.
 */
final class DefaultRegistrySetup {

    private DefaultRegistrySetup() {
    }

    static Registry configure(Registry registry) {
        Context master = registry.masterContext();
        master.setService(DefaultServices.EMAIL_VALIDATOR, context -> SimpleEmailValidator.INSTANCE);
        // Not cached: the generator reads the namespace and name of the context it is asked from.
        master.setService(DefaultServices.UUID_GENERATOR,
                context -> name -> Uuid5.of(context.uuidNamespace(), context.name() + "/" + name));
        master.setService(Exposure.KEY, context -> Exposure.ALL);
        // Cached: each context gets its own session (one unit of work per thread) and its own events.
        master.setService(Session.KEY, Session::forContext, true);
        master.setService(Events.KEY, context -> new Events(), true);
        for (Setting<?> setting : Settings.all()) {
            master.setSetting(setting.name(), setting.defaultValue());
        }
        master.lock();
        return registry;
    }
}
