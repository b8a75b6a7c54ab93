package io.libres.jdbi.internal;

import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationStatus;
import io.libres.db.query.QueryResult;
import io.libres.spi.ReservationCriteria;
import io.libres.spi.ReservationStore;
import org.jdbi.v3.core.statement.Update;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The reservations table through JDBI: one statement per method, inserts at most two. */
final class JdbiReservationStore implements ReservationStore {

    private static final String VALUES = "FROM unnest(:id, :k, :g, :tt, :ty, :r, :s, :e, :tz, :st, :d, :em, :si, :q)"
            + " AS x(id, k, g, tt, ty, r, s, e, tz, st, d, em, si, q)";

    private final JdbiUnitOfWork work;

    JdbiReservationStore(JdbiUnitOfWork work) {
        this.work = work;
    }

    @Override
    public List<Reservation> insert(List<Reservation> reservations) {
        if (reservations.isEmpty()) {
            return List.of();
        }
        Iterator<Integer> fresh = Sequences.next(work, "reservations",
                (int) reservations.stream().filter(r -> r.id().isEmpty()).count()).iterator();
        Instant created = work.now();
        List<Reservation> stored = new ArrayList<>(reservations.size());
        for (Reservation r : reservations) {
            int id = r.id().isPresent() ? r.id().getAsInt() : fresh.next();
            // a record put back under its id keeps its creation time
            Instant kept = r.id().isPresent() && r.created().isPresent() ? r.created().get() : created;
            stored.add(r.toBuilder().id(id).created(kept).modified(null).build());
        }
        Errors.run("inserting reservations", () -> bindColumns(work.handle().createUpdate(
                "INSERT INTO reservations (id, token, target, target_type, type, resource, start, \"end\", timezone,"
                        + " status, data, email, session_id, quota, created)"
                        + " SELECT id, k, g, CAST(tt AS reservation_target_type), ty, r, CAST(s AS timestamp),"
                        + " CAST(e AS timestamp), tz, CAST(st AS reservation_status), CAST(d AS jsonb), em, si, q,"
                        + " CAST(c[n] AS timestamp) FROM unnest(:id, :k, :g, :tt, :ty, :r, :s, :e, :tz, :st, :d, :em, :si, :q)"
                        + " WITH ORDINALITY AS x(id, k, g, tt, ty, r, s, e, tz, st, d, em, si, q, n), (SELECT :c AS c) AS cs"),
                stored)
                .bind("c", Binds.timestampTexts(column(stored, r -> r.created().orElseThrow())))
                .execute());
        return stored;
    }

    @Override
    public void update(List<Reservation> reservations) {
        if (reservations.isEmpty()) {
            return;
        }
        Errors.run("updating reservations", () -> bindColumns(work.handle().createUpdate(
                "UPDATE reservations o SET token = x.k, target = x.g, target_type = CAST(x.tt AS reservation_target_type),"
                        + " type = x.ty, resource = x.r, start = CAST(x.s AS timestamp), \"end\" = CAST(x.e AS timestamp),"
                        + " timezone = x.tz, status = CAST(x.st AS reservation_status), data = CAST(x.d AS jsonb),"
                        + " email = x.em, session_id = x.si, quota = x.q, modified = :modified "
                        + VALUES + " WHERE o.id = x.id"), reservations)
                .bind("modified", Binds.timestamp(work.now()))
                .execute());
    }

    private Update bindColumns(Update update, List<Reservation> rows) {
        return update
                .bind("id", Binds.array("integer", column(rows, Reservation::requireId)))
                .bind("k", Binds.array("uuid", column(rows, Reservation::token)))
                .bind("g", Binds.array("uuid", column(rows, Reservation::target)))
                .bind("tt", Binds.array("text", column(rows, r -> r.targetType().dbValue())))
                .bind("ty", Binds.array("text", column(rows, Reservation::type)))
                .bind("r", Binds.array("uuid", column(rows, Reservation::resource)))
                .bind("s", Binds.timestampTexts(column(rows, r -> r.start().orElse(null))))
                .bind("e", Binds.timestampTexts(column(rows, r -> r.end().orElse(null))))
                .bind("tz", Binds.array("text", column(rows, r -> r.timezone().orElse(null))))
                .bind("st", Binds.array("text", column(rows, r -> r.status().dbValue())))
                .bind("d", Binds.array("text", column(rows, r -> work.json().write(r.data()))))
                .bind("em", Binds.array("text", column(rows, Reservation::email)))
                .bind("si", Binds.array("uuid", column(rows, r -> r.sessionId().orElse(null))))
                .bind("q", Binds.array("integer", column(rows, Reservation::quota)));
    }

    @Override
    public QueryResult<Reservation> find(ReservationCriteria criteria) {
        return new SqlResult<>(work, "reservation matching " + criteria, Rows.RESERVATION_COLUMNS, "reservations",
                where(criteria), "id", Rows.reservations(work.json()));
    }

    @Override
    public int delete(ReservationCriteria criteria) {
        Where where = where(criteria);
        return Errors.translating("deleting reservations", () -> where.bindTo(work.handle()
                .createUpdate("DELETE FROM reservations" + where.sql())).execute());
    }

    @Override
    public int touchSession(UUID sessionId, Instant when) {
        return Errors.translating("touching a session", () -> work.handle().createUpdate(
                "UPDATE reservations SET modified = :when WHERE session_id = :session")
                .bind("when", Binds.timestamp(when.truncatedTo(ChronoUnit.MICROS)))
                .bind("session", sessionId)
                .execute());
    }

    @Override
    public int touchSession(UUID sessionId, java.util.Collection<UUID> resources, Instant when) {
        return Errors.translating("touching a session", () -> work.handle().createUpdate(
                "UPDATE reservations SET modified = :when WHERE session_id = :session AND resource = ANY(:resources)")
                .bind("when", Binds.timestamp(when.truncatedTo(ChronoUnit.MICROS)))
                .bind("session", sessionId)
                .bind("resources", Binds.array("uuid", resources))
                .execute());
    }

    @Override
    public List<UUID> expiredSessions(Instant before) {
        return Errors.translating("finding expired sessions", () -> work.handle().createQuery(
                "SELECT session_id FROM reservations WHERE session_id IS NOT NULL"
                        + " AND status = CAST('pending' AS reservation_status)"
                        + " GROUP BY session_id HAVING max(GREATEST(created, COALESCE(modified, created))) < :before"
                        + " ORDER BY session_id")
                .bind("before", Binds.timestamp(before))
                .mapTo(UUID.class)
                .list());
    }

    private static Where where(ReservationCriteria c) {
        ReservationStatus status = c.status();
        return new Where()
                .in("resource", "uuid", c.resources())
                .in("token", "uuid", c.tokens())
                .in("id", "integer", c.ids())
                .in("target", "uuid", c.targets())
                .equalCast("status", status == null ? null : status.dbValue(), "reservation_status")
                .equalCast("target_type", c.targetType() == null ? null : c.targetType().dbValue(),
                        "reservation_target_type")
                .in("session_id", "uuid", c.sessionIds());
    }

    private static <T> List<T> column(List<Reservation> rows, Function<Reservation, T> value) {
        List<T> values = new ArrayList<>(rows.size());
        for (Reservation r : rows) {
            values.add(value.apply(r));
        }
        return values;
    }
}
