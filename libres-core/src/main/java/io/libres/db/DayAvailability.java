package io.libres.db;

import java.util.Set;
import java.util.UUID;

/**
 * The availability of one day, as {@link Queries#availabilityByDay} computes it.
 *
 * @param availability 0 to 100 percent
 * @param resources the real resources with allocations that day
 */
public record DayAvailability(double availability, Set<UUID> resources) {

    /**
     * Copies the resources.
     *
     * @param availability 0 to 100 percent
     * @param resources the real resources with allocations that day; never null, copied
     */
    public DayAvailability {
        resources = Set.copyOf(resources);
    }
}
