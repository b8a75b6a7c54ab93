package io.libres.jdbi.internal;

import io.libres.db.models.Allocation;
import io.libres.db.query.QueryResult;
import io.libres.postgres.AllocationInserts;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.AllocationStore;
import io.libres.time.Timespan;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** The allocations table through JDBI: every method is one statement, inserts two ({@link AllocationInserts}). */
final class JdbiAllocationStore implements AllocationStore {

    private static final String ORDER = "_start, id";

    private final JdbiUnitOfWork work;

    JdbiAllocationStore(JdbiUnitOfWork work) {
        this.work = work;
    }

    @Override
    public List<Allocation> insert(List<Allocation> allocations) {
        RowMapper<Allocation> mapper = mapper();
        return AllocationInserts.insert(work.handle().getConnection(), allocations, work.now(), work.json()::write,
                row -> mapper.map(row, null));
    }

    /** Binds every column of the allocations as arrays {@code :r} to {@code :ra}, in the order of the list. */
    private <S extends SqlStatement<S>> S bindColumns(S statement, List<Allocation> allocations) {
        return statement
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
                .bind("ra", Binds.array("integer", column(allocations, a -> a.raster().minutes())));
    }

    @Override
    public void update(List<Allocation> allocations) {
        if (allocations.isEmpty()) {
            return;
        }
        Errors.run("updating allocations", () -> bindColumns(work.handle().createUpdate(
                "UPDATE allocations a SET resource = x.r, type = x.t, mirror_of = x.m, \"group\" = x.g, quota = x.q,"
                        + " quota_limit = x.ql, partly_available = x.pa, approve_manually = x.am, timezone = x.tz,"
                        + " data = CAST(x.d AS jsonb), _start = CAST(x.s AS timestamp), _end = CAST(x.e AS timestamp),"
                        + " _raster = x.ra, modified = :modified"
                        + " FROM unnest(:id, :r, :t, :m, :g, :q, :ql, :pa, :am, :tz, :d, :s, :e, :ra)"
                        + " AS x(id, r, t, m, g, q, ql, pa, am, tz, d, s, e, ra) WHERE a.id = x.id"), allocations)
                .bind("id", Binds.array("integer", column(allocations, Allocation::requireId)))
                .bind("modified", Binds.timestamp(work.now()))
                .execute());
    }

    @Override
    public QueryResult<Allocation> find(AllocationCriteria criteria) {
        return new SqlResult<>(work, "allocation matching " + criteria, Rows.ALLOCATION_COLUMNS,
                "allocations", where(criteria), ORDER, mapper());
    }

    @Override
    public int delete(AllocationCriteria criteria) {
        Where where = where(criteria);
        return Errors.translating("deleting allocations", () -> where.bindTo(work.handle()
                .createUpdate("DELETE FROM allocations" + where.sql())).execute());
    }

    @Override
    public boolean isInGroup(UUID resource, UUID group) {
        return Errors.translating("reading an allocation group", () -> work.handle().createQuery(
                "SELECT count(*) > 1 FROM (SELECT 1 FROM allocations WHERE resource = :resource"
                        + " AND \"group\" = :group LIMIT 2) AS two")
                .bind("resource", resource)
                .bind("group", group)
                .mapTo(Boolean.class)
                .one());
    }

    @Override
    public Map<UUID, Integer> groupSizes(UUID resource, Collection<UUID> groups) {
        if (groups.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Integer> sizes = new HashMap<>();
        Errors.run("counting the members of allocation groups", () -> work.handle().createQuery(
                "SELECT \"group\", count(*) AS members FROM allocations WHERE resource = :resource"
                        + " AND \"group\" = ANY(:groups) GROUP BY \"group\"")
                .bind("resource", resource)
                .bind("groups", Binds.array("uuid", Set.copyOf(groups)))
                .map((rs, ctx) -> Map.entry(rs.getObject("group", UUID.class), rs.getInt("members")))
                .forEach(entry -> sizes.put(entry.getKey(), entry.getValue())));
        return sizes;
    }

    @Override
    public Map<UUID, Integer> groupSizes(Collection<UUID> resources, Collection<UUID> groups) {
        if (groups.isEmpty() || resources.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Integer> sizes = new HashMap<>();
        Errors.run("counting the members of allocation groups", () -> work.handle().createQuery(
                "SELECT \"group\", count(*) AS members FROM allocations WHERE resource = ANY(:resources)"
                        + " AND \"group\" = ANY(:groups) GROUP BY \"group\"")
                .bind("resources", Binds.array("uuid", Set.copyOf(resources)))
                .bind("groups", Binds.array("uuid", Set.copyOf(groups)))
                .map((rs, ctx) -> Map.entry(rs.getObject("group", UUID.class), rs.getInt("members")))
                .forEach(entry -> sizes.put(entry.getKey(), entry.getValue())));
        return sizes;
    }

    /**
     * The window of {@code ix_allocations_start} from the earliest master in progress at the
     * span's start (one backward step of {@code resource_start_ix} per resource) to the span's
     * end, materialized so that the planner does not AND it with the bitmaps of
     * {@code mirror_of} and {@code _end}, which would read a year of index entries; then the
     * exact overlap and resource tests on what the window holds.
     */
    private static final String OVERLAPPING = "WITH w AS MATERIALIZED (SELECT " + Rows.ALLOCATION_COLUMNS
            + " FROM allocations WHERE _start <= :e AND _start >= COALESCE((SELECT min(p._start)"
            + " FROM unnest(:m) AS r(m) CROSS JOIN LATERAL (SELECT b._start, b._end FROM allocations b"
            + " WHERE b.resource = r.m AND b._start < :s ORDER BY b._start DESC LIMIT 1) AS p"
            + " WHERE p._end >= :s), :s))"
            + " SELECT * FROM w WHERE mirror_of = ANY(:m) AND _end >= :s ORDER BY " + ORDER;

    @Override
    public List<Allocation> findOverlapping(Collection<UUID> realResources, Timespan span) {
        if (realResources.isEmpty()) {
            return List.of();
        }
        return Errors.translating("reading the allocations overlapping " + span, () -> work.handle()
                .createQuery(OVERLAPPING)
                .bind("m", Binds.array("uuid", Set.copyOf(realResources)))
                .bind("s", Binds.timestamp(span.start()))
                .bind("e", Binds.timestamp(span.end()))
                .map(mapper())
                .list());
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

    private RowMapper<Allocation> mapper() {
        return Rows.allocations(work.json());
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

    private static <T> List<T> column(List<Allocation> allocations, Function<Allocation, T> value) {
        List<T> values = new ArrayList<>(allocations.size());
        for (Allocation a : allocations) {
            values.add(value.apply(a));
        }
        return values;
    }
}
