package io.libres.jdbi.internal;

import io.libres.db.models.ReservationBlocker;
import io.libres.db.query.QueryResult;
import io.libres.spi.BlockerCriteria;
import io.libres.spi.BlockerStore;
import org.jdbi.v3.core.statement.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The reservation_blockers table, and the blocker data in libres_java_blocker_data, through JDBI:
 * one statement per method, inserts at most two.
 */
final class JdbiBlockerStore implements BlockerStore {

    private static final String VALUES = "FROM unnest(:id, :k, :g, :tt, :r, :s, :e, :tz, :re)"
            + " AS x(id, k, g, tt, r, s, e, tz, re)";

    private final JdbiUnitOfWork work;

    JdbiBlockerStore(JdbiUnitOfWork work) {
        this.work = work;
    }

    @Override
    public List<ReservationBlocker> insert(List<ReservationBlocker> blockers) {
        if (blockers.isEmpty()) {
            return List.of();
        }
        Iterator<Integer> fresh = Sequences.next(work, "reservation_blockers",
                (int) blockers.stream().filter(b -> b.id().isEmpty()).count()).iterator();
        Instant created = work.now();
        List<ReservationBlocker> stored = new ArrayList<>(blockers.size());
        for (ReservationBlocker b : blockers) {
            int id = b.id().isPresent() ? b.requireId() : fresh.next();
            stored.add(new ReservationBlocker(id, b.token(), b.target(), b.targetType(), b.resource(), b.start(),
                    b.end(), b.timezone(), b.reason(), b.id().isPresent() && b.created() != null ? b.created() : created,
                    null));
        }
        Errors.run("inserting blockers", () -> bindColumns(work.handle().createUpdate(
                "INSERT INTO reservation_blockers (id, token, target, target_type, resource, start, \"end\", timezone,"
                        + " reason, created)"
                        + " SELECT id, k, g, CAST(tt AS reservation_blocker_target_type), r, CAST(s AS timestamp),"
                        + " CAST(e AS timestamp), tz, re, CAST(c[n] AS timestamp)"
                        + " FROM unnest(:id, :k, :g, :tt, :r, :s, :e, :tz, :re) WITH ORDINALITY"
                        + " AS x(id, k, g, tt, r, s, e, tz, re, n), (SELECT :c AS c) AS cs"), stored)
                .bind("c", Binds.timestampTexts(stored.stream().map(ReservationBlocker::created).toList()))
                .execute());
        return stored;
    }

    @Override
    public void update(List<ReservationBlocker> blockers) {
        if (blockers.isEmpty()) {
            return;
        }
        Errors.run("updating blockers", () -> bindColumns(work.handle().createUpdate(
                "UPDATE reservation_blockers o SET token = x.k, target = x.g,"
                        + " target_type = CAST(x.tt AS reservation_blocker_target_type), resource = x.r,"
                        + " start = CAST(x.s AS timestamp), \"end\" = CAST(x.e AS timestamp), timezone = x.tz,"
                        + " reason = x.re, modified = :modified " + VALUES + " WHERE o.id = x.id"), blockers)
                .bind("modified", Binds.timestamp(work.now()))
                .execute());
    }

    private static Update bindColumns(Update update, List<ReservationBlocker> rows) {
        return update
                .bind("id", Binds.array("integer", column(rows, ReservationBlocker::requireId)))
                .bind("k", Binds.array("uuid", column(rows, ReservationBlocker::token)))
                .bind("g", Binds.array("uuid", column(rows, ReservationBlocker::target)))
                .bind("tt", Binds.array("text", column(rows, b -> b.targetType().dbValue())))
                .bind("r", Binds.array("uuid", column(rows, ReservationBlocker::resource)))
                .bind("s", Binds.timestampTexts(column(rows, ReservationBlocker::start)))
                .bind("e", Binds.timestampTexts(column(rows, ReservationBlocker::end)))
                .bind("tz", Binds.array("text", column(rows, ReservationBlocker::timezone)))
                .bind("re", Binds.array("text", column(rows, ReservationBlocker::reason)));
    }

    @Override
    public QueryResult<ReservationBlocker> find(BlockerCriteria criteria) {
        return new SqlResult<>(work, "blocker matching " + criteria, Rows.BLOCKER_COLUMNS, "reservation_blockers",
                where(criteria), "id", Rows.blockers());
    }

    @Override
    public int delete(BlockerCriteria criteria) {
        Where where = where(criteria);
        // One statement: the data of the tokens left without blockers goes with them. The
        // statement's snapshot still sees the deleted blockers, hence the check against "gone".
        return Errors.translating("deleting blockers", () -> where.bindTo(work.handle().createQuery(
                "WITH gone AS (DELETE FROM reservation_blockers" + where.sql() + " RETURNING id, resource, token),"
                        + " orphans AS (DELETE FROM libres_java_blocker_data d"
                        + " USING (SELECT DISTINCT resource, token FROM gone) g"
                        + " WHERE d.resource = g.resource AND d.token = g.token"
                        + " AND NOT EXISTS (SELECT 1 FROM reservation_blockers b WHERE b.resource = g.resource"
                        + " AND b.token = g.token AND b.id NOT IN (SELECT id FROM gone)))"
                        + " SELECT count(*) FROM gone"))
                .mapTo(Integer.class).one());
    }

    @Override
    public boolean keepData(UUID resource, UUID token, Map<String, Object> data) {
        return Errors.translating("keeping the data of blockers", () -> work.handle().createUpdate(
                "INSERT INTO libres_java_blocker_data (resource, token, data)"
                        + " SELECT :resource, :token, CAST(:data AS jsonb) WHERE EXISTS (SELECT 1 FROM"
                        + " reservation_blockers WHERE resource = :resource AND token = :token)"
                        + " ON CONFLICT (resource, token) DO UPDATE SET data = EXCLUDED.data")
                .bind("resource", resource)
                .bind("token", token)
                .bind("data", work.json().write(data))
                .execute()) > 0;
    }

    @Override
    public Optional<Map<String, Object>> data(UUID resource, UUID token) {
        return Errors.translating("reading the data of blockers", () -> work.handle().createQuery(
                "SELECT data::text FROM libres_java_blocker_data WHERE resource = :resource AND token = :token")
                .bind("resource", resource)
                .bind("token", token)
                .mapTo(String.class)
                .findOne()
                .map(json -> work.json().read(json)));
    }

    private static Where where(BlockerCriteria c) {
        return new Where()
                .in("resource", "uuid", c.resources())
                .in("token", "uuid", c.tokens())
                .in("id", "integer", c.ids())
                .in("target", "uuid", c.targets());
    }

    private static <T> List<T> column(List<ReservationBlocker> rows, Function<ReservationBlocker, T> value) {
        List<T> values = new ArrayList<>(rows.size());
        for (ReservationBlocker b : rows) {
            values.add(value.apply(b));
        }
        return values;
    }
}
