package io.libres.db.models;

import io.libres.db.query.QueryResult;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access to the stored records that model methods need, bound to one unit of work.
 * A scheduler hands one out ({@code scheduler.lookup()}); each method is one query.
 */
public interface Lookup {

    /**
     * The reserved slots of the given allocations.
     *
     * @param allocationIds ids of stored allocations
     * @return for each id that has slots, its slots ordered by start; ids without slots are absent
     */
    Map<Integer, List<ReservedSlot>> reservedSlotsByAllocation(Collection<Integer> allocationIds);

    /**
     * The stored allocations that share a master: same {@code mirror_of}, same start. The master
     * itself is included.
     *
     * @param mirrorOf the master's resource
     * @param start the master's start
     * @return the stored allocations, in no particular order
     */
    List<Allocation> storedSiblings(UUID mirrorOf, Instant start);

    /**
     * Tells whether another allocation with the same resource shares the allocation's group.
     *
     * @param allocation the allocation
     * @return true if at least two allocations of the resource have the group
     */
    boolean isInGroup(Allocation allocation);

    /**
     * The allocations of a group.
     *
     * @param group the group
     * @param mastersOnly true to leave out mirrors
     * @return the allocations ordered by start
     */
    List<Allocation> allocationsByGroup(UUID group, boolean mastersOnly);

    /**
     * The pending reservations that target a group.
     *
     * @param group the group
     * @return the pending reservations ordered by id
     */
    QueryResult<Reservation> pendingReservations(UUID group);

    /**
     * The allocation of a resource starting at an instant.
     *
     * @param resource the resource
     * @param start the start
     * @return the allocation, empty if none is stored
     */
    Optional<Allocation> allocationAt(UUID resource, Instant start);

    /**
     * The stored allocation (master or mirror, of any resource) with an id: the allocation a
     * reserved slot names by {@link ReservedSlot#allocationId()}.
     *
     * @param id the allocation's id
     * @return the allocation, empty if none is stored with the id
     */
    Optional<Allocation> allocationById(int id);
}
