package io.libres.spi;

import io.libres.db.models.Allocation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.query.QueryResult;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reserved_slots table within one unit of work. Its key (resource, start) is what makes double
 * booking impossible.
 *
 * <p>Each method says how many statements it may send; the number never grows with the rows
 * involved. Writes are seen at once by every read of the same unit of work.
 */
public interface ReservedSlotStore {

    /**
     * Inserts slots in one batch; atomically, none or all. Each gets {@code created} = the unit of
     * work's time, {@code modified} unset. One statement, two when a duplicate was met (a SQL storage
     * undoes the inserted part); none for an empty list. {@code ReservedSlotInserts} of
     * {@code libres-postgres-support} is the recipe on PostgreSQL.
     *
     * <p>Three cases of a taken key, each with its own outcome:
     * <ul>
     *   <li>a slot visible to the unit of work (its own, or committed before its snapshot):
     *       {@link io.libres.errors.AlreadyReservedError};</li>
     *   <li>two slots of the batch with the same key (batch twins):
     *       {@link io.libres.errors.AlreadyReservedError};</li>
     *   <li>a slot of a concurrent unit of work that this one cannot see (committed after its
     *       snapshot, or not committed yet): {@link io.libres.errors.SerializationFailure}, at the
     *       insert or at the latest at commit, never {@link io.libres.errors.AlreadyReservedError}
     *       (run again, the unit of work sees the slot and decides anew).</li>
     * </ul>
     * After {@link io.libres.errors.AlreadyReservedError} nothing of the batch is stored and the unit
     * of work stays usable (a plain SQL {@code INSERT} would abort the transaction).
     *
     * @param slots the new slots
     * @throws io.libres.errors.AlreadyReservedError if a slot with the same (resource, start) is
     *     visible to the unit of work, or the batch holds two; nothing is inserted
     * @throws io.libres.errors.SerializationFailure if a concurrent, invisible unit of work holds the slot
     * @throws io.libres.errors.StorageException with SQLSTATE 23503 if a slot's allocation is not stored
     */
    void insert(List<ReservedSlot> slots);

    /**
     * The slots matching every criterion given, ordered by start, then resource (as PostgreSQL
     * orders uuids: by their text form). A {@link QueryResult} is lazy: nothing is sent until
     * one of its terminal methods ({@code stream}, {@code list}, {@code count}, {@code first},
     * {@code one}, {@code exists}) runs, and each sends one statement.
     *
     * @param criteria which slots
     * @return the slots
     */
    QueryResult<ReservedSlot> find(SlotCriteria criteria);

    /**
     * The slots of the given allocations, grouped by allocation id. One statement; none for an
     * empty collection.
     *
     * @param allocationIds the allocations
     * @return for each allocation with slots, its slots ordered by start
     */
    Map<Integer, List<ReservedSlot>> byAllocation(Collection<Integer> allocationIds);

    /**
     * The slots of some resources (their own {@code resource} column: master or mirror resources)
     * that start within a span, both ends inclusive, ordered by start, then resource. One
     * statement; none for an empty collection. Unlike {@link SlotCriteria#overlapping}, the span
     * bounds the slots' start on both sides, so a SQL storage reads a range of the primary key
     * {@code (resource, start)} per resource, however many slots lie before the span. The default
     * asks {@link #find} for the overlapping slots and keeps those starting within the span: the
     * same answer, without the bounded scan.
     *
     * @param resources the slots' resources
     * @param span the span their start lies in
     * @return the slots
     */
    default List<ReservedSlot> findStartingWithin(Collection<UUID> resources, io.libres.time.Timespan span) {
        if (resources.isEmpty()) {
            return List.of();
        }
        return find(SlotCriteria.any().withResources(resources).overlapping(span)).stream()
                .filter(slot -> !slot.start().isBefore(span.start()) && !slot.start().isAfter(span.end()))
                .collect(java.util.stream.Collectors.toUnmodifiableList());
    }

    /**
     * Deletes the slots matching the criteria. One statement.
     *
     * @param criteria which slots
     * @return how many were deleted
     */
    int delete(SlotCriteria criteria);

    /**
     * Moves every slot of one allocation to another, changing their resource and allocation id
     * (mirrors being reorganised after a quota change); moved slots keep {@code created} and get
     * {@code modified} = the unit of work's time. One statement.
     *
     * @param fromAllocationId the allocation whose slots move
     * @param toResource the resource of the allocation taking them over
     * @param toAllocationId the id of the allocation taking them over
     * @return how many slots moved
     */
    int reassign(int fromAllocationId, UUID toResource, int toAllocationId);

    /**
     * Moves the slots of several allocations at once: every slot of each key allocation goes to the
     * stored allocation it maps to (its resource and id), keeping {@code created}, with
     * {@code modified} = the unit of work's time. The moves are decided on the slots as they were
     * before the call, so a slot moves at most once and a slot may arrive where another one leaves (a
     * quota change shifts mirrors down by one). At most two statements (a SQL storage deletes the
     * moving slots, then inserts them moved with {@code ReservedSlotInserts.insertMoved}, because one
     * {@code UPDATE} checks the key row by row); none for an empty map.
     *
     * @param moves for each allocation id whose slots move, the stored allocation taking them over
     * @return how many slots moved
     * @throws io.libres.errors.AlreadyReservedError if a destination holds a slot that stays at the
     *     start of a slot moving there; the caller then rolls back (to a savepoint), as the
     *     moving slots may be half gone
     */
    int reassign(Map<Integer, Allocation> moves);
}
