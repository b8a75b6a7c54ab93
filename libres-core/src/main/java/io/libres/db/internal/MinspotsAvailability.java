package io.libres.db.internal;

import io.libres.db.Exposure;
import io.libres.db.ReservedSlices;
import io.libres.db.models.Allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The availability a search's {@code minspots} compares against, equal to the scheduler's
 * {@code availability(allocation's span)}: without blocking resources, the availability of the
 * exposed allocations (master and stored mirrors, missing mirrors free) overlapping the span; with
 * them, the master's availability given the reserved slices of every visible resource.
 *
 * <p>Answered from the prefetched records. The overlapping allocations come from the lookup's
 * overlap index, so one answer costs the allocations it concerns, not every allocation read: a
 * search stays linear in its hits (libres 1.2 and an earlier version of this class scanned the
 * whole window for every hit).
 */
final class MinspotsAvailability {

    private final PrefetchedLookup lookup;
    private final Exposure exposure;
    private final Function<List<Allocation>, ReservedSlices> blockingSlices;
    private ReservedSlices slices;

    /**
     * Creates the availability of one search.
     *
     * @param lookup the records read for the search
     * @param exposure the context's exposure, looked up once by the caller
     * @param blockingSlices reads the reserved slices of the visible resources over the masters'
     *     span, or null for a scheduler without blocking resources
     */
    MinspotsAvailability(PrefetchedLookup lookup, Exposure exposure,
            Function<List<Allocation>, ReservedSlices> blockingSlices) {
        this.lookup = lookup;
        this.exposure = exposure;
        this.blockingSlices = blockingSlices;
    }

    /**
     * The availability of a master, 0 to 100.
     *
     * @param master a master read by the lookup
     * @return its availability
     */
    double of(Allocation master) {
        if (blockingSlices != null) {
            if (slices == null) {
                slices = blockingSlices.apply(lookup.masters());
            }
            return AvailabilityMath.withBlockingResources(List.of(master), slices, false).get(0).availability();
        }
        List<Allocation> overlapping = new ArrayList<>();
        for (Allocation candidate : lookup.allocationsOverlapping(master.timespan())) {
            if (exposure.isAllocationExposed(candidate)) {
                overlapping.add(candidate);
            }
        }
        return AvailabilityMath.availabilityByAllocations(overlapping, lookup.slots());
    }
}
