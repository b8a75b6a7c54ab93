package io.libres.spi;

import io.libres.db.models.Allocation;
import io.libres.db.query.QueryResult;
import io.libres.time.Timespan;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The allocations table within one unit of work. Each method is answerable with one statement.
 */
public interface AllocationStore {

    /**
     * Inserts allocations in one batch.
     *
     * @param allocations transient allocations
     * @return the same allocations with ids and creation timestamps, in order
     * @throws io.libres.errors.OverlappingAllocationError if one has the same resource and start
     *     as a stored allocation (the unique key {@code resource_start_ix})
     */
    List<Allocation> insert(List<Allocation> allocations);

    /**
     * Writes every column of stored allocations, by id, and sets their modification time.
     *
     * @param allocations stored allocations
     */
    void update(List<Allocation> allocations);

    /**
     * The allocations matching the criteria, ordered by start, then id.
     *
     * @param criteria which allocations
     * @return the matching allocations
     */
    QueryResult<Allocation> find(AllocationCriteria criteria);

    /**
     * Deletes the allocations matching the criteria.
     *
     * @param criteria which allocations
     * @return how many were deleted
     */
    int delete(AllocationCriteria criteria);

    /**
     * Tells whether at least two allocations of a resource share a group.
     *
     * @param resource the resource
     * @param group the group
     * @return true if the group has another member with the same resource
     */
    boolean isInGroup(UUID resource, UUID group);

    /**
     * How many allocations of a resource each of some groups holds, in one statement: the
     * set-based form of {@link #isInGroup} (an allocation is grouped if its group holds two or
     * more allocations of its resource).
     *
     * @param resource the resource (a master's resource gives the masters of the groups)
     * @param groups the groups to count
     * @return for each group with at least one allocation of the resource, the number of them;
     *     groups without any are absent
     */
    Map<UUID, Integer> groupSizes(UUID resource, Collection<UUID> groups);

    /**
     * How many allocations of any of several resources each of some groups holds: the form of
     * {@link #groupSizes(UUID, Collection)} that questions across schedulers ask. A SQL storage
     * answers it with one statement and should override this method; the default asks
     * {@link #groupSizes(UUID, Collection)} once per resource, so it is correct but not set-based.
     *
     * @param resources the resources (masters' resources give the masters of the groups)
     * @param groups the groups to count
     * @return for each group with at least one allocation of the resources, the number of them
     *     summed over the resources; groups without any are absent
     */
    default Map<UUID, Integer> groupSizes(Collection<UUID> resources, Collection<UUID> groups) {
        Map<UUID, Integer> sizes = new java.util.HashMap<>();
        if (groups.isEmpty()) {
            return sizes;
        }
        for (UUID resource : Set.copyOf(resources)) {
            groupSizes(resource, groups).forEach((group, count) -> sizes.merge(group, count, Integer::sum));
        }
        return sizes;
    }

    /**
     * The allocations of a real resource between two instants that nothing refers to: no reserved
     * slot, no reservation and no blocker targets their group, and their whole group lies between
     * the instants (with {@code singlesOnly}, the group has one member).
     *
     * @param mirrorOf the real resource
     * @param range the instants; allocations must start and end within them
     * @param singlesOnly true to leave out grouped allocations
     * @return the unused allocations, ordered by start
     */
    QueryResult<Allocation> findUnused(UUID mirrorOf, Timespan range, boolean singlesOnly);
}
