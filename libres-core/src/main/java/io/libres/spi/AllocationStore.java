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
 * The allocations table within one unit of work.
 *
 * <p>Each method says how many statements it may send; the number never grows with the rows
 * involved (the statement-count group of {@code StorageContractTest} checks it). Writes are seen at
 * once by every read of the same unit of work. {@code data} is stored as a JSON object, {@code {}}
 * when empty (never SQL NULL nor JSON null, which libres 1.2 does not expect), and reads back as an
 * empty map then.
 */
public interface AllocationStore {

    /**
     * Inserts allocations in one batch, all or none. Each gets the next id of the sequence and
     * {@code created} = the unit of work's time; {@code modified} stays unset. At most two statements
     * (a SQL storage checks for clashes, then inserts: {@code AllocationInserts} of
     * {@code libres-postgres-support}); none for an empty list.
     *
     * @param allocations transient allocations
     * @return the same allocations with ids and creation timestamps, in order
     * @throws io.libres.errors.OverlappingAllocationError if one has the same resource and start as a
     *     stored allocation visible to the unit of work (the unique key {@code resource_start_ix}), or
     *     as an earlier one of the batch (a twin); {@link io.libres.errors.OverlappingAllocationError#existing()}
     *     is that allocation, never null; nothing is inserted and the unit of work stays usable
     * @throws io.libres.errors.SerializationFailure if a concurrent unit of work, invisible to this
     *     one, stored an allocation with one's resource and start (at the insert or at commit)
     */
    List<Allocation> insert(List<Allocation> allocations);

    /**
     * Writes every column of stored allocations, by id, and sets their {@code modified} to the unit
     * of work's time; {@code created} is kept. One statement; none for an empty list.
     *
     * @param allocations stored allocations
     */
    void update(List<Allocation> allocations);

    /**
     * The allocations matching every criterion given (criteria left unset do not narrow), ordered by
     * start, then id. Sees the unit of work's own writes. A {@link QueryResult} is lazy: nothing is sent until
     * one of its terminal methods ({@code stream}, {@code list}, {@code count}, {@code first},
     * {@code one}, {@code exists}) runs, and each sends one statement.
     *
     * @param criteria which allocations
     * @return the matching allocations
     */
    QueryResult<Allocation> find(AllocationCriteria criteria);

    /**
     * Deletes the allocations matching the criteria. One statement.
     *
     * @param criteria which allocations
     * @return how many were deleted
     * @throws io.libres.errors.StorageException with SQLSTATE 23503 if a reserved slot still refers
     *     to one of them (the foreign key of {@code reserved_slots}); nothing is deleted
     */
    int delete(AllocationCriteria criteria);

    /**
     * Tells whether at least two allocations of a resource share a group. One statement.
     *
     * @param resource the resource
     * @param group the group
     * @return true if the group has another member with the same resource
     */
    boolean isInGroup(UUID resource, UUID group);

    /**
     * How many allocations of a resource each of some groups holds, in one statement: the
     * set-based form of {@link #isInGroup} (an allocation is grouped if its group holds two or
     * more allocations of its resource). None for an empty collection.
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
     * The allocations, masters and mirrors, of some real resources (by {@code mirror_of}) that
     * overlap a span, both ends inclusive, ordered by start, then id: the answer of
     * {@code find(AllocationCriteria.ofResources(realResources).overlappingAny(List.of(span)))}
     * on every table libres writes. One statement; none for an empty collection.
     *
     * <p>Why a method of its own: an interval overlap is not a range of a B-tree index, so the
     * plain criterion makes a SQL storage read every allocation of the resources that starts
     * before the span's end, a year of them for a question about a day. libres never lets the
     * masters of a resource overlap each other ({@code OverlappingAllocationError} on allocating
     * and moving) and stores each mirror with its master's start and end, so an allocation
     * overlapping the span starts within the span, or is (a mirror of) the one master per
     * resource that is in progress at the span's start. A SQL storage finds that master's start
     * with one index descent per resource ({@code resource_start_ix}) and then reads the range of
     * {@code ix_allocations_start} from the earliest such start to the span's end; the answer
     * grows with the allocations in the span, not with those before or after it. On rows that
     * break that rule (overlapping masters of one resource, a mirror without its master or with
     * another span: the integrity check reports the latter two), an allocation starting before
     * the master in progress may be missed. The default asks {@link #find}, which has no such
     * bound.
     *
     * @param realResources the real resources
     * @param span the span
     * @return the overlapping allocations
     */
    default List<Allocation> findOverlapping(Collection<UUID> realResources, Timespan span) {
        if (realResources.isEmpty()) {
            return List.of();
        }
        return find(AllocationCriteria.ofResources(realResources).overlappingAny(List.of(span))).list();
    }

    /**
     * The allocations of a real resource between two instants that nothing uses, as libres 1.2's
     * {@code remove_unused_allocations} finds them. The candidates are the allocations whose
     * {@code mirror_of} is the resource (masters and their mirrors alike) that start and end within
     * the range, and of these the ones
     *
     * <ul>
     *   <li>with no reserved slot of their own (a slot on another member of the group, a mirror say,
     *       leaves out only that member),</li>
     *   <li>whose group no reservation and no blocker of the resource targets,</li>
     *   <li>whose group, counting every allocation with that {@code mirror_of} (mirrors included),
     *       lies wholly within the range, and with {@code singlesOnly} has exactly one member: a
     *       master with a stored mirror in its group is left out.</li>
     * </ul>
     *
     * <p>Ordered by start, then id. A {@link QueryResult} is lazy: nothing is sent until
     * one of its terminal methods ({@code stream}, {@code list}, {@code count}, {@code first},
     * {@code one}, {@code exists}) runs, and each sends one statement.
     *
     * @param mirrorOf the real resource
     * @param range the instants; allocations must start and end within them
     * @param singlesOnly true to leave out grouped allocations
     * @return the unused allocations, ordered by start, then id
     */
    QueryResult<Allocation> findUnused(UUID mirrorOf, Timespan range, boolean singlesOnly);
}
