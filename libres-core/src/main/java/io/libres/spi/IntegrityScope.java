package io.libres.spi;

import org.jspecify.annotations.Nullable;

import io.libres.errors.InvalidArgument;
import io.libres.internal.Uuid5;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which records an integrity check looks at: every record of the storage, or those of some real
 * (master) resources. The records of a resource are its allocations (master and mirrors:
 * {@code mirror_of} is the resource), its reservations and blockers ({@code resource} is the
 * resource) and the reserved slots on its allocations. A reserved slot whose allocation is not
 * stored belongs to no resource: only the check of the whole storage sees it.
 *
 * @param resources the real resources, or null for every record
 */
public record IntegrityScope(@Nullable Set<UUID> resources) {

    /**
     * Copies the resources.
     *
     * @param resources the real resources, or null for every record
     * @throws InvalidArgument if a resource is null
     */
    public IntegrityScope {
        if (resources != null) {
            if (resources.stream().anyMatch(r -> r == null)) {
                throw new InvalidArgument("the resources of an integrity check hold null; expected uuids");
            }
            resources = Set.copyOf(resources);
        }
    }

    /**
     * Every record of the storage.
     *
     * @return the scope
     */
    public static IntegrityScope all() {
        return new IntegrityScope(null);
    }

    /**
     * The records of some real resources.
     *
     * @param resources the real (master) resources
     * @return the scope
     * @throws InvalidArgument if the collection is missing or holds null
     */
    public static IntegrityScope ofResources(Collection<UUID> resources) {
        if (resources == null) {
            throw new InvalidArgument("the resources of an integrity check are missing; expected a collection");
        }
        return new IntegrityScope(Set.copyOf(resources));
    }

    /**
     * The real resources, empty for the whole storage.
     *
     * @return the resources, if the scope is limited to some
     */
    public Optional<Set<UUID>> limitedTo() {
        return Optional.ofNullable(resources);
    }

    /**
     * Tells whether records of a real resource are in the scope.
     *
     * @param resource the real resource ({@code mirror_of} of an allocation, {@code resource} of a
     *     reservation or blocker)
     * @return true for every resource when the scope is the whole storage
     */
    public boolean includes(UUID resource) {
        return resources == null || resources.contains(resource);
    }

    /**
     * The resource of the n-th mirror of a master resource, {@code uuid5(master, str(n))}, as
     * libres 1.2 derives it; SQL storages compute the valid mirror resources with it, since
     * PostgreSQL has no uuid5 of its own.
     *
     * @param master the master's resource
     * @param n the mirror's number, 1 or more
     * @return the mirror's resource
     * @throws InvalidArgument if the master is missing or n is below 1
     */
    public static UUID mirrorResource(UUID master, int n) {
        if (master == null || n < 1) {
            throw new InvalidArgument("a mirror resource needs a master resource and a number of 1 or more; got "
                    + master + ", " + n);
        }
        return Uuid5.of(master, Integer.toString(n));
    }
}
