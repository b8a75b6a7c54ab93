package io.libres.jdbi.internal;

import io.libres.db.models.Allocation;
import io.libres.db.query.QueryResult;
import io.libres.errors.OverlappingAllocationError;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.AllocationStore;
import io.libres.time.Timespan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The allocations table through JDBI: every method is one statement, inserts at most two. */
final class JdbiAllocationStore implements AllocationStore {

    private static final String ORDER = "_start, id";

    private final JdbiUnitOfWork work;

    /**
     * Group membership learnt from the allocations read in this unit of work, so that asking it per
     * allocation after a search costs no statement; forgotten on every allocation write.
     */
    private final Map<Key, Boolean> inGroup = new HashMap<>();

    JdbiAllocationStore(JdbiUnitOfWork work) {
        this.work = work;
    }

    private record Key(UUID resource, Object value) {
    }

    @Override
    public List<Allocation> insert(List<Allocation> allocations) {
        if (allocations.isEmpty()) {
            return List.of();
        }
        Map<Key, Allocation> batch = new HashMap<>();
        for (Allocation a : allocations) {
            Allocation twin = batch.putIfAbsent(new Key(a.resource(), a.start()), a);
            if (twin != null) {
                throw new OverlappingAllocationError(a.start(), a.end(), twin);
            }
        }
        Optional<Allocation> clash = clash(allocations);
        if (clash.isPresent()) {
            Allocation existing = clash.get();
            Allocation wanted = batch.get(new Key(existing.resource(), existing.start()));
            throw new OverlappingAllocationError(wanted.start(), wanted.end(), existing);
        }
        forgetGroups();
        Instant created = work.now();
        Map<Key, Integer> ids = Errors.translating("inserting allocations", () -> work.handle().createQuery(
                "INSERT INTO allocations (resource, type, mirror_of, \"group\", quota, quota_limit, partly_available,"
                        + " approve_manually, timezone, data, _start, _end, _raster, created)"
                        + " SELECT r, t, m, g, q, ql, pa, am, tz, CAST(d AS jsonb), CAST(s AS timestamp),"
                        + " CAST(e AS timestamp), ra, :created"
                        + " FROM unnest(:r, :t, :m, :g, :q, :ql, :pa, :am, :tz, :d, :s, :e, :ra) WITH ORDINALITY"
                        + " AS x(r, t, m, g, q, ql, pa, am, tz, d, s, e, ra, n) ORDER BY n"
                        + " RETURNING id, resource, _start")
                .bind("r", Binds.array("uuid", column(allocations, Allocation::resource)))
                .bind("t", Binds.array("text", column(allocations, Allocation::type)))
                .bind("m", Binds.array("uuid", column(allocations, Allocation::mirrorOf)))
                .bind("g", Binds.array("uuid", column(allocations, Allocation::group)))
                .bind("q", Binds.array("integer", column(allocations, Allocation::quota)))
                .bind("ql", Binds.array("integer", column(allocations, Allocation::quotaLimit)))
                .bind("pa", Binds.array("boolean", column(allocations, Allocation::partlyAvailable)))
                .bind("am", Binds.array("boolean", column(allocations, Allocation::approveManually)))
                .bind("tz", Binds.array("text", column(allocations, a -> a.timezone().orElse(null))))
                .bind("d", Binds.array("text", column(allocations, a -> work.json().write(a.data()))))
                .bind("s", Binds.timestampTexts(column(allocations, Allocation::start)))
                .bind("e", Binds.timestampTexts(column(allocations, Allocation::end)))
                .bind("ra", Binds.array("integer", column(allocations, a -> a.raster().minutes())))
                .bind("created", Binds.timestamp(created))
                .map((rs, ctx) -> Map.entry(new Key(rs.getObject("resource", UUID.class),
                        Binds.instant(rs.getObject("_start", java.time.LocalDateTime.class))), rs.getInt("id")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        List<Allocation> stored = new ArrayList<>(allocations.size());
        for (Allocation a : allocations) {
            Integer id = ids.get(new Key(a.resource(), a.start()));
            stored.add(a.toBuilder().id(id).created(created).modified(null).build());
        }
        return stored;
    }

    private Optional<Allocation> clash(List<Allocation> allocations) {
        return Errors.translating("checking allocations for clashes", () -> work.handle().createQuery(
                "SELECT " + Rows.ALLOCATION_COLUMNS + " FROM allocations WHERE (resource, _start) IN"
                        + " (SELECT r, CAST(s AS timestamp) FROM unnest(:r, :s) AS x(r, s)) ORDER BY " + ORDER
                        + " LIMIT 1")
                .bind("r", Binds.array("uuid", column(allocations, Allocation::resource)))
                .bind("s", Binds.timestampTexts(column(allocations, Allocation::start)))
                .map(Rows.allocations(work.json()))
                .findFirst());
    }

    @Override
    public void update(List<Allocation> allocations) {
        if (allocations.isEmpty()) {
            return;
        }
        forgetGroups();
        Errors.run("updating allocations", () -> work.handle().createUpdate(
                "UPDATE allocations a SET resource = x.r, type = x.t, mirror_of = x.m, \"group\" = x.g, quota = x.q,"
                        + " quota_limit = x.ql, partly_available = x.pa, approve_manually = x.am, timezone = x.tz,"
                        + " data = CAST(x.d AS jsonb), _start = CAST(x.s AS timestamp), _end = CAST(x.e AS timestamp),"
                        + " _raster = x.ra, modified = :modified"
                        + " FROM unnest(:id, :r, :t, :m, :g, :q, :ql, :pa, :am, :tz, :d, :s, :e, :ra)"
                        + " AS x(id, r, t, m, g, q, ql, pa, am, tz, d, s, e, ra) WHERE a.id = x.id")
                .bind("id", Binds.array("integer", column(allocations, Allocation::requireId)))
                .bind("r", Binds.array("uuid", column(allocations, Allocation::resource)))
                .bind("t", Binds.array("text", column(allocations, Allocation::type)))
                .bind("m", Binds.array("uuid", column(allocations, Allocation::mirrorOf)))
                .bind("g", Binds.array("uuid", column(allocations, Allocation::group)))
                .bind("q", Binds.array("integer", column(allocations, Allocation::quota)))
                .bind("ql", Binds.array("integer", column(allocations, Allocation::quotaLimit)))
                .bind("pa", Binds.array("boolean", column(allocations, Allocation::partlyAvailable)))
                .bind("am", Binds.array("boolean", column(allocations, Allocation::approveManually)))
                .bind("tz", Binds.array("text", column(allocations, a -> a.timezone().orElse(null))))
                .bind("d", Binds.array("text", column(allocations, a -> work.json().write(a.data()))))
                .bind("s", Binds.timestampTexts(column(allocations, Allocation::start)))
                .bind("e", Binds.timestampTexts(column(allocations, Allocation::end)))
                .bind("ra", Binds.array("integer", column(allocations, a -> a.raster().minutes())))
                .bind("modified", Binds.timestamp(work.now()))
                .execute());
    }

    @Override
    public QueryResult<Allocation> find(AllocationCriteria criteria) {
        return new SqlResult<>(work, "allocation matching " + criteria, Rows.allocationColumns("allocations"),
                "allocations", where(criteria), ORDER, mapper());
    }

    @Override
    public int delete(AllocationCriteria criteria) {
        forgetGroups();
        Where where = where(criteria);
        return Errors.translating("deleting allocations", () -> where.bindTo(work.handle()
                .createUpdate("DELETE FROM allocations" + where.sql())).execute());
    }

    @Override
    public boolean isInGroup(UUID resource, UUID group) {
        Boolean known = inGroup.get(new Key(resource, group));
        if (known != null) {
            return known;
        }
        return Errors.translating("reading an allocation group", () -> work.handle().createQuery(
                "SELECT count(*) > 1 FROM (SELECT 1 FROM allocations WHERE resource = :resource"
                        + " AND \"group\" = :group LIMIT 2) AS two")
                .bind("resource", resource)
                .bind("group", group)
                .mapTo(Boolean.class)
                .one());
    }

    @Override
    public QueryResult<Allocation> findUnused(UUID mirrorOf, Timespan range, boolean singlesOnly) {
        Where where = new Where();
        String m = where.bind(mirrorOf);
        String s = where.bind(range.start());
        String e = where.bind(range.end());
        where.add("a.mirror_of = :" + m)
                .add("a._start >= :" + s)
                .add("a._end <= :" + e)
                .add("NOT EXISTS (SELECT 1 FROM reserved_slots rs WHERE rs.allocation_id = a.id)")
                .add("NOT EXISTS (SELECT 1 FROM reservations r WHERE r.resource = :" + m + " AND r.target = a.\"group\")")
                .add("NOT EXISTS (SELECT 1 FROM reservation_blockers b WHERE b.resource = :" + m
                        + " AND b.target = a.\"group\")")
                .add("NOT EXISTS (SELECT 1 FROM allocations o WHERE o.mirror_of = :" + m
                        + " AND o.\"group\" = a.\"group\" AND (o._start < :" + s + " OR o._end > :" + e
                        + (singlesOnly ? " OR o.id <> a.id))" : "))"));
        return new SqlResult<>(work, "unused allocation of " + mirrorOf, Rows.allocationColumns("a"), "allocations a",
                where, "a._start, a.id", mapper());
    }

    private org.jdbi.v3.core.mapper.RowMapper<Allocation> mapper() {
        return Rows.allocations(work.json(), (resource, group, member) -> inGroup.put(new Key(resource, group), member));
    }

    /** Forgets what was learnt about groups: called on every write to the allocations. */
    void forgetGroups() {
        inGroup.clear();
    }

    private static Where where(AllocationCriteria c) {
        Where where = new Where()
                .in("mirror_of", "uuid", c.mirrorOf())
                .in("resource", "uuid", c.resources())
                .in("id", "integer", c.ids())
                .in("\"group\"", "uuid", c.groups())
                .equal("_start", c.startsAt())
                .equal("approve_manually", c.approveManually())
                .equal("partly_available", c.partlyAvailable())
                .overlappingAny("_start", "_end", c.overlapping());
        if (c.mastersOnly()) {
            where.add("resource = mirror_of");
        }
        return where;
    }

    private static <T> List<T> column(List<Allocation> allocations, java.util.function.Function<Allocation, T> value) {
        List<T> values = new ArrayList<>(allocations.size());
        for (Allocation a : allocations) {
            values.add(value.apply(a));
        }
        return values;
    }
}
