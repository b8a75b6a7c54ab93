package io.libres.db;

import io.libres.db.models.Allocation;
import io.libres.db.models.Partition;

import java.util.List;

/**
 * A master allocation with its availability and availability partitions, as
 * {@link Scheduler#allocationsWithAvailabilityByRange} computes them (blocking resources included).
 *
 * @param allocation the master allocation
 * @param availability 0 to 100 percent
 * @param partitions the free and reserved blocks, summing to 100
 */
public record AllocationAvailability(Allocation allocation, double availability, List<Partition> partitions) {

    /**
     * Copies the partitions.
     *
     * @param allocation the master allocation
     * @param availability 0 to 100 percent
     * @param partitions the free and reserved blocks, summing to 100; never null, copied
     */
    public AllocationAvailability {
        partitions = List.copyOf(partitions);
    }
}
