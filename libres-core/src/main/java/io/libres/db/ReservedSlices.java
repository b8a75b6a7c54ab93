package io.libres.db;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The reserved slots of a resource and its blocking resources in slices of the smallest raster
 * (five minutes), as {@link Scheduler#reservedSlotsByRange} returns them.
 *
 * @param reserved for each slice start, how many reservation slots cover it
 * @param blocked the slice starts covered by a blocker (which takes the whole quota)
 */
public record ReservedSlices(Map<Instant, Integer> reserved, Set<Instant> blocked) {

    /**
     * Copies the lookups.
     *
     * @param reserved for each slice start, how many reservation slots cover it; never null, copied
     * @param blocked the slice starts covered by a blocker (which takes the whole quota); never null, copied
     */
    public ReservedSlices {
        reserved = Map.copyOf(reserved);
        blocked = Set.copyOf(blocked);
    }
}
