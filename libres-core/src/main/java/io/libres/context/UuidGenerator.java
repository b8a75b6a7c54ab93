package io.libres.context;

import java.util.UUID;

/**
 * The {@code uuid_generator} service: turns a scheduler's name into the UUID of
 * its resource.
 *
 * <p>The default computes {@code uuid5(uuid_namespace, "<context name>/<name>")}
 * with the namespace and name of the context the service was asked from,
 * exactly as libres 1.2 does, so a resource created by either library is found
 * by the other.
 */
@FunctionalInterface
public interface UuidGenerator {

    /**
     * Computes the UUID for a name.
     *
     * @param name the name, usually a scheduler's
     * @return the UUID, always the same for the same context, namespace and name
     * @throws io.libres.errors.InvalidArgument if the name is null
     * @throws io.libres.errors.InvalidArgument if the name holds a lone surrogate (it has no UTF-8 form)
     */
    UUID generateUuid(String name);
}
