package io.libres.jooq.internal;

import static io.libres.jooq.internal.schema.Tables.ALLOCATIONS;
import static io.libres.jooq.internal.schema.Tables.RESERVED_SLOTS;
import static org.jooq.impl.DSL.select;

import io.libres.db.models.Allocation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.query.QueryResult;
import io.libres.jooq.internal.schema.tables.ReservedSlots;
import io.libres.postgres.ReservedSlotInserts;
import io.libres.spi.ReservedSlotStore;
import io.libres.spi.SlotCriteria;
import org.jooq.Condition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The reserved_slots table through jOOQ. Its primary key (resource, start) is what makes double
 * booking impossible: an insert that meets a stored slot inserts nothing and reports
 * {@link AlreadyReservedError}, while the unit of work stays usable.
 */
final class JooqReservedSlotStore implements ReservedSlotStore {

    private static final ReservedSlots S = RESERVED_SLOTS;

    private final JooqUnitOfWork work;

    JooqReservedSlotStore(JooqUnitOfWork work) {
        this.work = work;
    }

    @Override
    public void insert(List<ReservedSlot> slots) {
        if (slots.isEmpty()) {
            return;
        }
        // the shared recipe tells a visible duplicate (AlreadyReservedError) from an invisible one (SerializationFailure)
        work.dsl().connection(c -> ReservedSlotInserts.insert(c, slots, work.now()));
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
                .where(S.ALLOCATION_ID.eq(org.jooq.impl.DSL.any(moves.keySet().toArray(Integer[]::new))))
                .returning(S.fields())
                .fetch(r -> Rows.slots().map(r)));
        if (leaving.isEmpty()) {
            return 0;
        }
        List<ReservedSlot> moved = new ArrayList<>(leaving.size());
        for (ReservedSlot slot : leaving) {
            moved.add(slot.movedTo(moves.get(slot.allocationId())));
        }
        work.dsl().connection(c -> ReservedSlotInserts.insertMoved(c, moved, work.now()));
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
