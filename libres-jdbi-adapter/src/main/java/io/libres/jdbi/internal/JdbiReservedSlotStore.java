package io.libres.jdbi.internal;

import io.libres.db.models.Allocation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.query.QueryResult;
import io.libres.errors.AlreadyReservedError;
import io.libres.postgres.SqlErrors;
import io.libres.spi.ReservedSlotStore;
import io.libres.spi.SlotCriteria;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The reserved_slots table through JDBI. Its primary key (resource, start) is what makes double
 * booking impossible: an insert that meets a stored slot inserts nothing and reports
 * {@link AlreadyReservedError}, while the unit of work stays usable.
 */
final class JdbiReservedSlotStore implements ReservedSlotStore {

    private static final String ORDER = "start, resource";

    private final JdbiUnitOfWork work;

    JdbiReservedSlotStore(JdbiUnitOfWork work) {
        this.work = work;
    }

    private record Key(UUID resource, Instant start) {
    }

    @Override
    public void insert(List<ReservedSlot> slots) {
        if (slots.isEmpty()) {
            return;
        }
        // ON CONFLICT DO NOTHING keeps the transaction usable; under SERIALIZABLE a slot held by a
        // concurrent, invisible transaction still fails with a serialization failure.
        List<Key> inserted = Errors.translating("inserting reserved slots", () -> work.handle().createQuery(
                "INSERT INTO reserved_slots (resource, start, \"end\", allocation_id, source_type, reservation_token,"
                        + " source_id, created)"
                        + " SELECT r, CAST(s AS timestamp), CAST(e AS timestamp), a,"
                        + " CAST(t AS reserved_slot_source_type), k, i, :created"
                        + " FROM unnest(:r, :s, :e, :a, :t, :k, :i) AS x(r, s, e, a, t, k, i)"
                        + " ON CONFLICT ON CONSTRAINT reserved_slots_pkey DO NOTHING"
                        + " RETURNING resource, start")
                .bind("r", Binds.array("uuid", column(slots, ReservedSlot::resource)))
                .bind("s", Binds.timestampTexts(column(slots, ReservedSlot::start)))
                .bind("e", Binds.timestampTexts(column(slots, ReservedSlot::end)))
                .bind("a", Binds.array("integer", column(slots, ReservedSlot::allocationId)))
                .bind("t", Binds.array("text", column(slots, s -> s.source().dbValue())))
                .bind("k", Binds.array("uuid", column(slots, ReservedSlot::reservationToken)))
                .bind("i", Binds.array("integer", column(slots, ReservedSlot::sourceId)))
                .bind("created", Binds.timestamp(work.now()))
                .map((rs, ctx) -> new Key(rs.getObject("resource", UUID.class),
                        Binds.instant(rs.getObject("start", LocalDateTime.class))))
                .list());
        if (inserted.size() == slots.size()) {
            return;
        }
        undo(inserted);
        Set<Key> done = new HashSet<>(inserted);
        ReservedSlot taken = slots.stream().filter(s -> !done.remove(new Key(s.resource(), s.start()))).findFirst()
                .orElse(slots.get(0));
        throw new AlreadyReservedError("the slot of " + taken.resource() + " at " + taken.start()
                + " is already reserved (" + SqlErrors.RESERVED_SLOTS_KEY
                + "); expected a free slot; nothing was inserted");
    }

    private void undo(List<Key> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        Errors.run("undoing a partial slot insert", () -> work.handle().createUpdate(
                "DELETE FROM reserved_slots WHERE (resource, start) IN"
                        + " (SELECT r, CAST(s AS timestamp) FROM unnest(:r, :s) AS x(r, s))")
                .bind("r", Binds.array("uuid", inserted.stream().map(Key::resource).toList()))
                .bind("s", Binds.timestampTexts(inserted.stream().map(Key::start).toList()))
                .execute());
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
        Errors.run("moving reserved slots", () -> work.handle().createUpdate(
                "INSERT INTO reserved_slots (resource, start, \"end\", allocation_id, source_type, reservation_token,"
                        + " source_id, created, modified)"
                        + " SELECT r, CAST(s AS timestamp), CAST(e AS timestamp), a,"
                        + " CAST(t AS reserved_slot_source_type), k, i, CAST(c AS timestamp), :modified"
                        + " FROM unnest(:r, :s, :e, :a, :t, :k, :i, :c) AS x(r, s, e, a, t, k, i, c)")
                .bind("r", Binds.array("uuid", column(moved, ReservedSlot::resource)))
                .bind("s", Binds.timestampTexts(column(moved, ReservedSlot::start)))
                .bind("e", Binds.timestampTexts(column(moved, ReservedSlot::end)))
                .bind("a", Binds.array("integer", column(moved, ReservedSlot::allocationId)))
                .bind("t", Binds.array("text", column(moved, s -> s.source().dbValue())))
                .bind("k", Binds.array("uuid", column(moved, ReservedSlot::reservationToken)))
                .bind("i", Binds.array("integer", column(moved, ReservedSlot::sourceId)))
                .bind("c", Binds.timestampTexts(column(moved, ReservedSlot::created)))
                .bind("modified", Binds.timestamp(work.now()))
                .execute());
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

    private static <T> List<T> column(List<ReservedSlot> slots, Function<ReservedSlot, T> value) {
        List<T> values = new ArrayList<>(slots.size());
        for (ReservedSlot s : slots) {
            values.add(value.apply(s));
        }
        return values;
    }
}
