package io.libres.jdbi.internal;

import io.libres.db.models.Allocation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.query.QueryResult;
import io.libres.postgres.ReservedSlotInserts;
import io.libres.spi.ReservedSlotStore;
import io.libres.spi.SlotCriteria;
import io.libres.time.Timespan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The reserved_slots table through JDBI. Its primary key (resource, start) is what makes double
 * booking impossible; inserts go through {@link ReservedSlotInserts}, the one recipe shared by the
 * SQL adapters.
 */
final class JdbiReservedSlotStore implements ReservedSlotStore {

    private static final String ORDER = "start, resource";

    private final JdbiUnitOfWork work;

    JdbiReservedSlotStore(JdbiUnitOfWork work) {
        this.work = work;
    }

    @Override
    public void insert(List<ReservedSlot> slots) {
        // the recipe tells a visible duplicate (AlreadyReservedError) from an invisible one (SerializationFailure)
        ReservedSlotInserts.insert(work.handle().getConnection(), slots, work.now());
    }

    @Override
    public QueryResult<ReservedSlot> find(SlotCriteria criteria) {
        return new SqlResult<>(work, "reserved slot matching " + criteria, Rows.SLOT_COLUMNS, "reserved_slots",
                where(criteria), ORDER, Rows.slots());
    }

    @Override
    public Map<Integer, List<ReservedSlot>> byAllocation(Collection<Integer> allocationIds) {
        Map<Integer, List<ReservedSlot>> result = new LinkedHashMap<>();
        if (allocationIds.isEmpty()) {
            return result;
        }
        List<ReservedSlot> slots = new SqlResult<>(work, "reserved slots by allocation", Rows.SLOT_COLUMNS,
                "reserved_slots", new Where().in("allocation_id", "integer", Set.copyOf(allocationIds)), ORDER,
                Rows.slots()).list();
        for (ReservedSlot slot : slots) {
            result.computeIfAbsent(slot.allocationId(), id -> new ArrayList<>()).add(slot);
        }
        return result;
    }

    @Override
    public List<ReservedSlot> findStartingWithin(Collection<UUID> resources, Timespan span) {
        if (resources.isEmpty()) {
            return List.of();
        }
        Where where = new Where().in("resource", "uuid", Set.copyOf(resources));
        String s = where.bind(span.start());
        String e = where.bind(span.end());
        where.add("start >= :" + s).add("start <= :" + e);
        return new SqlResult<>(work, "reserved slots starting within " + span, Rows.SLOT_COLUMNS, "reserved_slots",
                where, ORDER, Rows.slots()).list();
    }

    @Override
    public int delete(SlotCriteria criteria) {
        Where where = where(criteria);
        return Errors.translating("deleting reserved slots", () -> where.bindTo(work.handle()
                .createUpdate("DELETE FROM reserved_slots" + where.sql())).execute());
    }

    @Override
    public int reassign(int fromAllocationId, UUID toResource, int toAllocationId) {
        return Errors.translating("moving reserved slots", () -> work.handle().createUpdate(
                "UPDATE reserved_slots SET resource = :resource, allocation_id = :to, modified = :modified"
                        + " WHERE allocation_id = :from")
                .bind("resource", toResource)
                .bind("to", toAllocationId)
                .bind("from", fromAllocationId)
                .bind("modified", Binds.timestamp(work.now()))
                .execute());
    }

    @Override
    public int reassign(Map<Integer, Allocation> moves) {
        if (moves.isEmpty()) {
            return 0;
        }
        // Deleted first, then inserted moved: one UPDATE would check the key row by row and fail
        // when a slot arrives where another one has not left yet.
        List<ReservedSlot> leaving = Errors.translating("taking up reserved slots to move", () -> work.handle()
                .createQuery("DELETE FROM reserved_slots WHERE allocation_id = ANY(:from) RETURNING " + Rows.SLOT_COLUMNS)
                .bind("from", Binds.array("integer", List.copyOf(moves.keySet())))
                .map(Rows.slots())
                .list());
        if (leaving.isEmpty()) {
            return 0;
        }
        List<ReservedSlot> moved = new ArrayList<>(leaving.size());
        for (ReservedSlot slot : leaving) {
            moved.add(slot.movedTo(moves.get(slot.allocationId())));
        }
        ReservedSlotInserts.insertMoved(work.handle().getConnection(), moved, work.now());
        return moved.size();
    }

    private static Where where(SlotCriteria c) {
        Where where = new Where()
                .in("allocation_id", "integer", c.allocationIds())
                .in("reservation_token", "uuid", c.tokens())
                .equalCast("source_type", c.source() == null ? null : c.source().dbValue(), "reserved_slot_source_type")
                .in("source_id", "integer", c.sourceIds())
                .in("resource", "uuid", c.resources());
        if (c.during() != null) {
            String s = where.bind(c.during().start());
            String e = where.bind(c.during().end());
            where.add("start <= :" + e).add("\"end\" >= :" + s);
        }
        if (c.mirrorOf() != null) {
            String m = where.bindArray("uuid", c.mirrorOf());
            where.add("allocation_id IN (SELECT id FROM allocations WHERE mirror_of = ANY(:" + m + "))");
        }
        return where;
    }
}
