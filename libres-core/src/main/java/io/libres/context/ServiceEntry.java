package io.libres.context;

import io.libres.errors.InvalidService;

/**
 * A service as set on one context (or found by discovery for it): its factory and
 * whether each context caches the instance the factory makes.
 */
record ServiceEntry(String name, ServiceFactory<?> factory, boolean cached) {

    Object create(Context context) {
        Object service = factory.create(context);
        if (service == null) {
            throw new InvalidService("The factory of service '" + name + "' returned null for context '"
                    + context.name() + "'; a factory must return the service");
        }
        return service;
    }
}
