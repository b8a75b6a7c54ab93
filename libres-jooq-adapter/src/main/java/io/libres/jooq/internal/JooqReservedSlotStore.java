package io.libres.jooq.internal;

import static io.libres.jooq.internal.schema.Tables.ALLOCATIONS;
import static io.libres.jooq.internal.schema.Tables.RESERVED_SLOTS;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import io.libres.db.models.Allocation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.query.QueryResult;
import io.libres.errors.AlreadyReservedError;
import io.libres.jooq.internal.schema.enums.ReservedSlotSourceType;
import io.libres.jooq.internal.schema.tables.ReservedSlots;
import io.libres.jooq.internal.schema.tables.records.ReservedSlotsRecord;
import io.libres.postgres.ReservedSlotInserts;
import io.libres.postgres.ReservedSlotInserts.Key;
import io.libres.spi.ReservedSlotStore;
import io.libres.spi.SlotCriteria;
import org.jooq.Condition;
import org.jooq.InsertValuesStep8;
import org.jooq.InsertValuesStep9;
import org.jooq.Row2;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The reserved_slots table through jOOQ. Its primary key (resource, start) is what makes double
 * booking impossible: an insert that meets a stored slot inserts nothing and reports
 * {@link AlreadyReservedError}, while the unit of work stays usable.
 */
final class JooqReservedSlotStore implements ReservedSlotStore {

    private static final ReservedSlots S = RESERVED_SLOTS;
    private static final int COLUMNS = 9;

    private final JooqUnitOfWork work;

    JooqReservedSlotStore(JooqUnitOfWork work) {
        this.work = work;
    }

    @Override
    public void insert(List<ReservedSlot> slots) {
        if (slots.isEmpty()) {
            return;
        }
        LocalDateTime created = Times.utc(work.now());
        List<Key> inserted = new ArrayList<>(slots.size());
        for (List<ReservedSlot> chunk : Chunks.of(slots, COLUMNS)) {
            InsertValuesStep8<ReservedSlotsRecord, UUID, LocalDateTime, LocalDateTime, Integer, ReservedSlotSourceType,
                    UUID, Integer, LocalDateTime> insert = work.dsl().insertInto(S, S.RESOURCE, S.START, S.END,
                            S.ALLOCATION_ID, S.SOURCE_TYPE, S.RESERVATION_TOKEN, S.SOURCE_ID, S.CREATED);
            for (ReservedSlot s : chunk) {
                insert = insert.values(s.resource(), Times.utc(s.start()), Times.utc(s.end()), s.allocationId(),
                        Rows.source(s.source()), s.reservationToken(), s.sourceId(), created);
            }
            // ON CONFLICT DO NOTHING keeps the transaction usable; under SERIALIZABLE a slot held by a
            // concurrent, invisible transaction still fails with a serialization failure.
            var statement = insert.onConflictOnConstraint(io.libres.jooq.internal.schema.Keys.RESERVED_SLOTS_PKEY)
                    .doNothing().returning(S.RESOURCE, S.START);
            Errors.translating("inserting reserved slots", statement::fetch)
                    .forEach(r -> inserted.add(new Key(r.get(S.RESOURCE), Times.instant(r.get(S.START)))));
        }
        // the decision is the shared recipe's (ReservedSlotInserts); the SQL is jOOQ's, so listeners see it
        Optional<AlreadyReservedError> duplicate = ReservedSlotInserts.skipped(slots, inserted, "inserting reserved slots");
        if (duplicate.isPresent()) {
            undo(inserted);
            throw duplicate.get();
        }
    }

    private void undo(List<Key> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        List<Row2<UUID, LocalDateTime>> keys = new ArrayList<>(inserted.size());
        for (Key k : inserted) {
            keys.add(row(val(k.resource(), S.RESOURCE), val(Times.utc(k.start()), S.START)));
        }
        Errors.run("undoing a partial slot insert", () -> work.dsl().deleteFrom(S)
                .where(row(S.RESOURCE, S.START).in(keys)).execute());
    }

    @Override
    public QueryResult<ReservedSlot> find(SlotCriteria criteria) {
        return new JooqResult<>(work, "reserved slot matching " + criteria, List.of(S.fields()), S, where(criteria),
                List.of(S.START, S.RESOURCE), Rows.slots());
    }

    @Override
    public Map<Integer, List<ReservedSlot>> byAllocation(Collection<Integer> allocationIds) {
        Map<Integer, List<ReservedSlot>> result = new LinkedHashMap<>();
        if (allocationIds.isEmpty()) {
            return result;
        }
        List<ReservedSlot> slots = new JooqResult<>(work, "reserved slots by allocation", List.of(S.fields()), S,
                new Conditions().in(S.ALLOCATION_ID, Set.copyOf(allocationIds), Integer.class).all(),
                List.of(S.START, S.RESOURCE), Rows.slots()).list();
        for (ReservedSlot slot : slots) {
            result.computeIfAbsent(slot.allocationId(), id -> new ArrayList<>()).add(slot);
        }
        return result;
    }

    @Override
    public List<ReservedSlot> findStartingWithin(Collection<UUID> resources, io.libres.time.Timespan span) {
        if (resources.isEmpty()) {
            return List.of();
        }
        Condition where = new Conditions().in(S.RESOURCE, Set.copyOf(resources), UUID.class).all()
                .and(S.START.between(Times.utc(span.start()), Times.utc(span.end())));
        return new JooqResult<>(work, "reserved slots starting within " + span, List.of(S.fields()), S, where,
                List.of(S.START, S.RESOURCE), Rows.slots()).list();
    }

    @Override
    public int delete(SlotCriteria criteria) {
        Condition where = where(criteria);
        return Errors.translating("deleting reserved slots", () -> work.dsl().deleteFrom(S).where(where).execute());
    }

    @Override
    public int reassign(int fromAllocationId, UUID toResource, int toAllocationId) {
        return Errors.translating("moving reserved slots", () -> work.dsl().update(S)
                .set(S.RESOURCE, toResource)
                .set(S.ALLOCATION_ID, toAllocationId)
                .set(S.MODIFIED, Times.utc(work.now()))
                .where(S.ALLOCATION_ID.eq(fromAllocationId))
                .execute());
    }

    @Override
    public int reassign(Map<Integer, Allocation> moves) {
        if (moves.isEmpty()) {
            return 0;
        }
        // Deleted first, then inserted moved: one UPDATE would check the key row by row and fail
        // when a slot arrives where another one has not left yet.
        List<ReservedSlot> leaving = Errors.translating("taking up reserved slots to move", () -> work.dsl()
                .deleteFrom(S)
                .where(S.ALLOCATION_ID.eq(org.jooq.impl.DSL.any(ArrayBinding.integers(moves.keySet()))))
                .returning(S.fields())
                .fetch(Rows.slots()));
        if (leaving.isEmpty()) {
            return 0;
        }
        List<ReservedSlot> moved = new ArrayList<>(leaving.size());
        for (ReservedSlot slot : leaving) {
            moved.add(slot.movedTo(moves.get(slot.allocationId())));
        }
        LocalDateTime modified = Times.utc(work.now());
        List<Key> arrived = new ArrayList<>(moved.size());
        for (List<ReservedSlot> chunk : Chunks.of(moved, COLUMNS)) {
            InsertValuesStep9<ReservedSlotsRecord, UUID, LocalDateTime, LocalDateTime, Integer, ReservedSlotSourceType,
                    UUID, Integer, LocalDateTime, LocalDateTime> insert = work.dsl().insertInto(S, S.RESOURCE,
                            S.START, S.END, S.ALLOCATION_ID, S.SOURCE_TYPE, S.RESERVATION_TOKEN, S.SOURCE_ID,
                            S.CREATED, S.MODIFIED);
            for (ReservedSlot s : chunk) {
                insert = insert.values(s.resource(), Times.utc(s.start()), Times.utc(s.end()), s.allocationId(),
                        Rows.source(s.source()), s.reservationToken(), s.sourceId(), Times.utc(s.created()),
                        modified);
            }
            // ON CONFLICT DO NOTHING: a visible slot at a destination is skipped (AlreadyReservedError below),
            // an invisible one fails with a serialization failure, as for new slots
            var statement = insert.onConflictOnConstraint(io.libres.jooq.internal.schema.Keys.RESERVED_SLOTS_PKEY)
                    .doNothing().returning(S.RESOURCE, S.START);
            Errors.translating("moving reserved slots", statement::fetch)
                    .forEach(r -> arrived.add(new Key(r.get(S.RESOURCE), Times.instant(r.get(S.START)))));
        }
        Optional<AlreadyReservedError> duplicate = ReservedSlotInserts.skipped(moved, arrived, "moving reserved slots");
        if (duplicate.isPresent()) {
            throw duplicate.get();
        }
        return moved.size();
    }

    private static Condition where(SlotCriteria c) {
        Conditions where = new Conditions()
                .in(S.ALLOCATION_ID, c.allocationIds(), Integer.class)
                .in(S.RESERVATION_TOKEN, c.tokens(), UUID.class)
                .equal(S.SOURCE_TYPE, Rows.source(c.source()))
                .in(S.SOURCE_ID, c.sourceIds(), Integer.class)
                .in(S.RESOURCE, c.resources(), UUID.class);
        if (c.during() != null) {
            where.add(S.START.le(Times.utc(c.during().end()))).add(S.END.ge(Times.utc(c.during().start())));
        }
        if (c.mirrorOf() != null) {
            where.add(S.ALLOCATION_ID.in(select(ALLOCATIONS.ID).from(ALLOCATIONS)
                    .where(new Conditions().in(ALLOCATIONS.MIRROR_OF, c.mirrorOf(), UUID.class).all())));
        }
        return where.all();
    }
}
