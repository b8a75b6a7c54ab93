package io.libres.spi;

import io.libres.db.models.Allocation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.query.QueryResult;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reserved_slots table within one unit of work. Each method is answerable with one statement.
 */
public interface ReservedSlotStore {

    /**
     * Inserts slots in one batch; atomically, none or all. After a duplicate the unit of work
     * stays usable (a SQL storage sets a savepoint around the insert).
     *
     * @param slots the new slots
     * @throws io.libres.errors.AlreadyReservedError if a slot with the same (resource, start) is
     *     stored, by this unit of work or a committed one; nothing is inserted
     * @throws io.libres.errors.SerializationFailure if a concurrent unit of work holds the slot
     */
    void insert(List<ReservedSlot> slots);

    /**
     * The slots matching the criteria, ordered by start, then resource.
     *
     * @param criteria which slots
     * @return the slots
     */
    QueryResult<ReservedSlot> find(SlotCriteria criteria);

    /**
     * The slots of the given allocations, grouped by allocation id.
     *
     * @param allocationIds the allocations
     * @return for each allocation with slots, its slots ordered by start
     */
    Map<Integer, List<ReservedSlot>> byAllocation(Collection<Integer> allocationIds);

    /**
     * Deletes the slots matching the criteria.
     *
     * @param criteria which slots
     * @return how many were deleted
     */
    int delete(SlotCriteria criteria);

    /**
     * Moves every slot of one allocation to another, changing their resource and allocation id
     * (mirrors being reorganised after a quota change).
     *
     * @param fromAllocationId the allocation whose slots move
     * @param toResource the resource of the allocation taking them over
     * @param toAllocationId the id of the allocation taking them over
     * @return how many slots moved
     */
    int reassign(int fromAllocationId, UUID toResource, int toAllocationId);

    /**
     * Moves the slots of several allocations at once, in one statement: every slot of each key
     * allocation goes to the stored allocation it maps to (its resource and id). The moves are
     * decided on the slots as they were before the call, so a slot moves at most once and a slot
     * may arrive where another one leaves (a quota change shifts mirrors down by one). A SQL
     * storage needs two statements (delete the moving slots, insert them moved), because its key
     * is checked row by row.
     *
     * @param moves for each allocation id whose slots move, the stored allocation taking them over
     * @return how many slots moved
     * @throws io.libres.errors.AlreadyReservedError if a destination holds a slot that stays at the
     *     start of a slot moving there; the caller then rolls back (to a savepoint), as the
     *     moving slots may be half gone
     */
    int reassign(Map<Integer, Allocation> moves);
}
