package io.libres.jooq.internal;

import static io.libres.jooq.internal.schema.Tables.ALLOCATIONS;
import static io.libres.jooq.internal.schema.Tables.RESERVATIONS;
import static io.libres.jooq.internal.schema.Tables.RESERVATION_BLOCKERS;
import static io.libres.jooq.internal.schema.Tables.RESERVED_SLOTS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import io.libres.db.models.Allocation;
import io.libres.db.query.QueryResult;
import io.libres.errors.OverlappingAllocationError;
import io.libres.jooq.internal.schema.tables.Allocations;
import io.libres.postgres.AllocationInserts;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.AllocationStore;
import io.libres.time.Timespan;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.InsertValuesStep14;
import org.jooq.Record;
import org.jooq.Row2;
import org.jooq.RowN;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import io.libres.jooq.internal.schema.tables.records.AllocationsRecord;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The allocations table through jOOQ: every method is one statement, inserts at most two. */
final class JooqAllocationStore implements AllocationStore {

    private static final Allocations A = ALLOCATIONS;

    /** The columns an insert or update writes, in the order of the VALUES rows. */
    private static final List<TableField<AllocationsRecord, ?>> WRITTEN = List.of(A.RESOURCE, A.TYPE, A.MIRROR_OF,
            A.GROUP, A.QUOTA, A.QUOTA_LIMIT, A.PARTLY_AVAILABLE, A.APPROVE_MANUALLY, A.TIMEZONE, A.DATA, A._START,
            A._END, A._RASTER);

    private final JooqUnitOfWork work;

    JooqAllocationStore(JooqUnitOfWork work) {
        this.work = work;
    }

    private record Key(UUID resource, Instant start) {
    }

    @Override
    public List<Allocation> insert(List<Allocation> allocations) {
        if (allocations.isEmpty()) {
            return List.of();
        }
        // the decisions are the shared recipe's (AllocationInserts); the SQL is jOOQ's, so listeners see it
        Optional<OverlappingAllocationError> twin = AllocationInserts.twin(allocations);
        if (twin.isPresent()) {
            throw twin.get();
        }
        Map<Key, Allocation> batch = new HashMap<>();
        for (Allocation a : allocations) {
            batch.put(new Key(a.resource(), a.start()), a);
        }
        Optional<Allocation> clash = clash(allocations);
        if (clash.isPresent()) {
            Allocation existing = clash.get();
            Allocation wanted = batch.get(new Key(existing.resource(), existing.start()));
            throw new OverlappingAllocationError(wanted.start(), wanted.end(), existing);
        }
        Instant created = work.now();
        LocalDateTime createdUtc = Times.utc(created);
        Map<Key, Integer> ids = new HashMap<>();
        for (List<Allocation> chunk : Chunks.of(allocations, WRITTEN.size() + 1)) {
            InsertValuesStep14<AllocationsRecord, UUID, String, UUID, UUID, Integer, Integer, Boolean, Boolean, String,
                    org.jooq.JSONB, LocalDateTime, LocalDateTime, Integer, LocalDateTime> insert = work.dsl()
                    .insertInto(A, A.RESOURCE, A.TYPE, A.MIRROR_OF, A.GROUP, A.QUOTA, A.QUOTA_LIMIT,
                            A.PARTLY_AVAILABLE, A.APPROVE_MANUALLY, A.TIMEZONE, A.DATA, A._START, A._END, A._RASTER,
                            A.CREATED);
            for (Allocation a : chunk) {
                insert = insert.values(a.resource(), a.type(), a.mirrorOf(), a.group(), a.quota(), a.quotaLimit(),
                        a.partlyAvailable(), a.approveManually(), a.timezone().orElse(null),
                        work.json().write(a.data()), Times.utc(a.start()), Times.utc(a.end()), a.raster().minutes(),
                        createdUtc);
            }
            var statement = insert.returning(A.ID, A.RESOURCE, A._START);
            Errors.translating("inserting allocations", statement::fetch, AllocationInserts::translate)
                    .forEach(r -> ids.put(new Key(r.get(A.RESOURCE), Times.instant(r.get(A._START))), r.get(A.ID)));
        }
        List<Allocation> stored = new ArrayList<>(allocations.size());
        for (Allocation a : allocations) {
            Integer id = ids.get(new Key(a.resource(), a.start()));
            stored.add(a.toBuilder().id(id).created(created).modified(null).buildAsStored());
        }
        return stored;
    }

    private Optional<Allocation> clash(List<Allocation> allocations) {
        List<Row2<UUID, LocalDateTime>> keys = new ArrayList<>(allocations.size());
        for (Allocation a : allocations) {
            keys.add(row(val(a.resource(), A.RESOURCE), val(Times.utc(a.start()), A._START)));
        }
        return Errors.translating("checking allocations for clashes", () -> work.dsl()
                .select(A.fields()).from(A).where(row(A.RESOURCE, A._START).in(keys))
                .orderBy(A._START, A.ID).limit(org.jooq.impl.DSL.inline(1))
                .fetchOptional(Rows.allocations(work.json())));
    }

    @Override
    public void update(List<Allocation> allocations) {
        if (allocations.isEmpty()) {
            return;
        }
        LocalDateTime modified = Times.utc(work.now());
        for (List<Allocation> chunk : Chunks.of(allocations, WRITTEN.size() + 1)) {
            List<RowN> rows = new ArrayList<>(chunk.size());
            for (Allocation a : chunk) {
                rows.add(Values.row(val(a.requireId(), A.ID), val(a.resource(), A.RESOURCE), val(a.type(), A.TYPE),
                        val(a.mirrorOf(), A.MIRROR_OF), val(a.group(), A.GROUP), val(a.quota(), A.QUOTA),
                        val(a.quotaLimit(), A.QUOTA_LIMIT), val(a.partlyAvailable(), A.PARTLY_AVAILABLE),
                        val(a.approveManually(), A.APPROVE_MANUALLY), val(a.timezone().orElse(null), A.TIMEZONE),
                        val(work.json().write(a.data()), A.DATA), val(Times.utc(a.start()), A._START),
                        val(Times.utc(a.end()), A._END), val(a.raster().minutes(), A._RASTER)));
            }
            Table<Record> x = Values.table("x", rows, A.ID, WRITTEN);
            var update = work.dsl().update(A)
                    .set(A.MODIFIED, modified);
            Map<Field<?>, Field<?>> sets = new java.util.LinkedHashMap<>();
            for (TableField<AllocationsRecord, ?> column : WRITTEN) {
                sets.put(column, x.field(column.getName(), column.getDataType()));
            }
            var statement = update.set(sets).from(x).where(A.ID.eq(x.field(A.ID.getName(), Integer.class)));
            Errors.run("updating allocations", statement::execute);
        }
    }

    @Override
    public QueryResult<Allocation> find(AllocationCriteria criteria) {
        return new JooqResult<>(work, "allocation matching " + criteria, List.of(A.fields()), A, where(criteria),
                List.of(A._START, A.ID), Rows.allocations(work.json()));
    }

    @Override
    public int delete(AllocationCriteria criteria) {
        Condition where = where(criteria);
        return Errors.translating("deleting allocations", () -> work.dsl().deleteFrom(A).where(where).execute());
    }

    @Override
    public boolean isInGroup(UUID resource, UUID group) {
        return Errors.translating("reading an allocation group", () -> work.dsl().fetchCount(
                selectOne().from(A).where(A.RESOURCE.eq(resource)).and(A.GROUP.eq(group)).limit(org.jooq.impl.DSL.inline(2))) > 1);
    }

    @Override
    public Map<UUID, Integer> groupSizes(UUID resource, Collection<UUID> groups) {
        if (groups.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Integer> sizes = new HashMap<>();
        Errors.run("counting the members of allocation groups", () -> work.dsl()
                .select(A.GROUP, count()).from(A)
                .where(A.RESOURCE.eq(resource)).and(A.GROUP.eq(DSL.any(ArrayBinding.uuids(Set.copyOf(groups)))))
                .groupBy(A.GROUP)
                .fetch()
                .forEach(r -> sizes.put(r.value1(), r.value2())));
        return sizes;
    }

    @Override
    public Map<UUID, Integer> groupSizes(Collection<UUID> resources, Collection<UUID> groups) {
        if (groups.isEmpty() || resources.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Integer> sizes = new HashMap<>();
        Errors.run("counting the members of allocation groups", () -> work.dsl()
                .select(A.GROUP, count()).from(A)
                .where(A.RESOURCE.eq(DSL.any(ArrayBinding.uuids(Set.copyOf(resources)))))
                .and(A.GROUP.eq(DSL.any(ArrayBinding.uuids(Set.copyOf(groups)))))
                .groupBy(A.GROUP)
                .fetch()
                .forEach(r -> sizes.put(r.value1(), r.value2())));
        return sizes;
    }

    /**
     * The window of {@code ix_allocations_start} from the earliest master in progress at the
     * span's start (one backward step of {@code resource_start_ix} per resource) to the span's
     * end, materialized so that the planner does not AND it with the bitmaps of
     * {@code mirror_of} and {@code _end}, which would read a year of index entries; then the
     * exact overlap and resource tests on what the window holds.
     */
    @Override
    public List<Allocation> findOverlapping(Collection<UUID> realResources, Timespan span) {
        if (realResources.isEmpty()) {
            return List.of();
        }
        // bound through createArrayOf: jOOQ's own array binding sends text, whose cast to uuid[]
        // PostgreSQL then evaluates again for every row the filter tests (5 ms for 500 rows)
        Set<UUID> resources = Set.copyOf(realResources);
        LocalDateTime start = Times.utc(span.start());
        LocalDateTime end = Times.utc(span.end());
        Allocations b = A.as("b");
        Table<?> r = DSL.unnest(ArrayBinding.uuids(resources)).as("r", "m");
        Field<UUID> m = r.field("m", UUID.class);
        Table<?> p = DSL.lateral(DSL.select(b._START, b._END).from(b)
                .where(b.RESOURCE.eq(m)).and(b._START.lt(start))
                .orderBy(b._START.desc()).limit(org.jooq.impl.DSL.inline(1))).as("p");
        Field<LocalDateTime> inProgress = DSL.field(DSL.select(DSL.min(p.field(b._START)))
                .from(r).crossJoin(p).where(p.field(b._END).ge(start)));
        org.jooq.CommonTableExpression<?> w = DSL.name("w").asMaterialized(DSL.select(A.fields()).from(A)
                .where(A._START.le(end)).and(A._START.ge(DSL.coalesce(inProgress, val(start)))));
        Field<UUID> mirrorOf = w.field(A.MIRROR_OF);
        return Collections.unmodifiableList(Errors.translating("reading the allocations overlapping " + span,
                () -> work.dsl().with(w).select(w.fields()).from(w)
                        .where(mirrorOf.eq(DSL.any(ArrayBinding.uuids(resources)))).and(w.field(A._END).ge(start))
                        .orderBy(w.field(A._START), w.field(A.ID))
                        .fetch(aliased())));
    }

    @Override
    public QueryResult<Allocation> findUnused(UUID mirrorOf, Timespan range, boolean singlesOnly) {
        Allocations a = A.as("a");
        Allocations o = A.as("o");
        LocalDateTime start = Times.utc(range.start());
        LocalDateTime end = Times.utc(range.end());
        Condition outside = o._START.lt(start).or(o._END.gt(end));
        if (singlesOnly) {
            outside = outside.or(o.ID.ne(a.ID));
        }
        Condition where = a.MIRROR_OF.eq(mirrorOf)
                .and(a._START.ge(start))
                .and(a._END.le(end))
                .and(notExists(selectOne().from(RESERVED_SLOTS).where(RESERVED_SLOTS.ALLOCATION_ID.eq(a.ID))))
                .and(notExists(selectOne().from(RESERVATIONS)
                        .where(RESERVATIONS.RESOURCE.eq(mirrorOf)).and(RESERVATIONS.TARGET.eq(a.GROUP))))
                .and(notExists(selectOne().from(RESERVATION_BLOCKERS)
                        .where(RESERVATION_BLOCKERS.RESOURCE.eq(mirrorOf)).and(RESERVATION_BLOCKERS.TARGET.eq(a.GROUP))))
                .and(notExists(selectOne().from(o)
                        .where(o.MIRROR_OF.eq(mirrorOf)).and(o.GROUP.eq(a.GROUP)).and(outside)));
        return new JooqResult<>(work, "unused allocation of " + mirrorOf, List.of(a.fields()), a, where,
                List.of(a._START, a.ID), aliased());
    }

    /** Maps the rows of an aliased allocations table (the mapper finds the columns by name). */
    private org.jooq.RecordMapper<Record, Allocation> aliased() {
        return Rows.allocations(work.json());
    }

    private static Condition where(AllocationCriteria c) {
        Conditions where = new Conditions()
                .in(A.MIRROR_OF, c.mirrorOf(), UUID.class)
                .in(A.RESOURCE, c.resources(), UUID.class)
                .in(A.ID, c.ids(), Integer.class)
                .in(A.GROUP, c.groups(), UUID.class)
                .equal(A._START, Times.utc(c.startsAt()))
                .equal(A.APPROVE_MANUALLY, c.approveManually())
                .equal(A.PARTLY_AVAILABLE, c.partlyAvailable())
                .overlappingAny(A._START, A._END, c.overlapping());
        if (c.mastersOnly()) {
            where.add(A.RESOURCE.eq(A.MIRROR_OF));
        }
        return where.all();
    }
}
