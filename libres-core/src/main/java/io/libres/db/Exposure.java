package io.libres.db;

import io.libres.context.ServiceKey;
import io.libres.db.models.Allocation;

/**
 * The {@code exposure} service: tells whether an allocation is visible to the current user.
 * Searches and availability leave out allocations that are not exposed. The default exposes
 * every allocation.
 */
@FunctionalInterface
public interface Exposure {

    /** The key of the service on a context, libres' name {@code "exposure"}. */
    ServiceKey<Exposure> KEY = ServiceKey.of("exposure", Exposure.class);

    /** The default: every allocation is exposed. */
    Exposure ALL = allocation -> true;

    /**
     * Tells whether an allocation is visible.
     *
     * @param allocation the allocation
     * @return true if it is exposed
     */
    boolean isAllocationExposed(Allocation allocation);
}
