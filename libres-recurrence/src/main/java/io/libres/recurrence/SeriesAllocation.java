package io.libres.recurrence;

import io.libres.db.models.Allocation;

import java.util.List;
import java.util.UUID;

/**
 * What allocating a series did.
 *
 * @param id the series' id, kept in every allocation's data
 * @param allocations the new master allocations, in order (those skipped as overlapping left out)
 * @param expansion the occurrences of the recurrence and the days it skipped
 */
public record SeriesAllocation(UUID id, List<Allocation> allocations, Expansion expansion) {

    /**
     * Copies the list so the result stays immutable.
     *
     * @param id the id
     * @param allocations the allocations
     * @param expansion the expansion
     */
    public SeriesAllocation {
        allocations = List.copyOf(allocations);
    }
}
