package io.libres.jooq.internal;

import static io.libres.jooq.internal.schema.Tables.RESERVATIONS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.val;

import io.libres.db.models.Reservation;
import io.libres.db.query.QueryResult;
import io.libres.jooq.internal.schema.enums.ReservationStatus;
import io.libres.jooq.internal.schema.enums.ReservationTargetType;
import io.libres.jooq.internal.schema.tables.Reservations;
import io.libres.jooq.internal.schema.tables.records.ReservationsRecord;
import io.libres.spi.ReservationCriteria;
import io.libres.spi.ReservationStore;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.InsertValuesStep16;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.RowN;
import org.jooq.Table;
import org.jooq.TableField;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The reservations table through jOOQ: one statement per method, inserts at most two. */
final class JooqReservationStore implements ReservationStore {

    private static final Reservations R = RESERVATIONS;

    /** The columns an update writes, in the order of the VALUES rows after the id. */
    private static final List<TableField<ReservationsRecord, ?>> WRITTEN = List.of(R.TOKEN, R.TARGET, R.TARGET_TYPE,
            R.TYPE, R.RESOURCE, R.START, R.END, R.TIMEZONE, R.STATUS, R.DATA, R.EMAIL, R.SESSION_ID, R.QUOTA);

    private final JooqUnitOfWork work;

    JooqReservationStore(JooqUnitOfWork work) {
        this.work = work;
    }

    @Override
    public List<Reservation> insert(List<Reservation> reservations) {
        if (reservations.isEmpty()) {
            return List.of();
        }
        Iterator<Integer> fresh = Sequences.next(work, R,
                (int) reservations.stream().filter(r -> r.id().isEmpty()).count()).iterator();
        Instant created = work.now();
        List<Reservation> stored = new ArrayList<>(reservations.size());
        for (Reservation r : reservations) {
            int id = r.id().isPresent() ? r.id().getAsInt() : fresh.next();
            // a record put back under its id keeps its creation time
            Instant kept = r.id().isPresent() && r.created().isPresent() ? r.created().get() : created;
            stored.add(r.toBuilder().id(id).created(kept).modified(null).build());
        }
        for (List<Reservation> chunk : Chunks.of(stored, WRITTEN.size() + 2)) {
            InsertValuesStep16<ReservationsRecord, Integer, UUID, UUID, ReservationTargetType, String, UUID,
                    LocalDateTime, LocalDateTime, String, ReservationStatus, JSONB, String, UUID, Integer,
                    LocalDateTime, LocalDateTime> insert = work.dsl().insertInto(R, R.ID, R.TOKEN, R.TARGET,
                            R.TARGET_TYPE, R.TYPE, R.RESOURCE, R.START, R.END, R.TIMEZONE, R.STATUS, R.DATA, R.EMAIL,
                            R.SESSION_ID, R.QUOTA, R.CREATED, R.MODIFIED);
            for (Reservation r : chunk) {
                insert = insert.values(r.requireId(), r.token(), r.target(), Rows.reservationTarget(r.targetType()),
                        r.type(), r.resource(), Times.utc(r.start().orElse(null)), Times.utc(r.end().orElse(null)),
                        r.timezone().orElse(null), Rows.status(r.status()), work.json().write(r.data()), r.email(),
                        r.sessionId().orElse(null), r.quota(), Times.utc(r.created().orElseThrow()), null);
            }
            var statement = insert;
            Errors.run("inserting reservations", statement::execute);
        }
        return stored;
    }

    @Override
    public void update(List<Reservation> reservations) {
        if (reservations.isEmpty()) {
            return;
        }
        LocalDateTime modified = Times.utc(work.now());
        for (List<Reservation> chunk : Chunks.of(reservations, WRITTEN.size() + 1)) {
            List<RowN> rows = new ArrayList<>(chunk.size());
            for (Reservation r : chunk) {
                rows.add(Values.row(val(r.requireId(), R.ID), val(r.token(), R.TOKEN), val(r.target(), R.TARGET),
                        val(Rows.reservationTarget(r.targetType()), R.TARGET_TYPE), val(r.type(), R.TYPE),
                        val(r.resource(), R.RESOURCE), val(Times.utc(r.start().orElse(null)), R.START),
                        val(Times.utc(r.end().orElse(null)), R.END), val(r.timezone().orElse(null), R.TIMEZONE),
                        val(Rows.status(r.status()), R.STATUS), val(work.json().write(r.data()), R.DATA),
                        val(r.email(), R.EMAIL), val(r.sessionId().orElse(null), R.SESSION_ID),
                        val(r.quota(), R.QUOTA)));
            }
            Table<Record> x = Values.table("x", rows, R.ID, WRITTEN);
            Map<Field<?>, Field<?>> sets = new LinkedHashMap<>();
            for (TableField<ReservationsRecord, ?> column : WRITTEN) {
                sets.put(column, x.field(column.getName(), column.getDataType()));
            }
            var statement = work.dsl().update(R).set(R.MODIFIED, modified).set(sets).from(x)
                    .where(R.ID.eq(x.field(R.ID.getName(), Integer.class)));
            Errors.run("updating reservations", statement::execute);
        }
    }

    @Override
    public QueryResult<Reservation> find(ReservationCriteria criteria) {
        return new JooqResult<>(work, "reservation matching " + criteria, List.of(R.fields()), R, where(criteria),
                List.of(R.ID), Rows.reservations(work.json()));
    }

    @Override
    public int delete(ReservationCriteria criteria) {
        Condition where = where(criteria);
        return Errors.translating("deleting reservations", () -> work.dsl().deleteFrom(R).where(where).execute());
    }

    @Override
    public int touchSession(UUID sessionId, Instant when) {
        return Errors.translating("touching a session", () -> work.dsl().update(R)
                .set(R.MODIFIED, Times.utc(when.truncatedTo(ChronoUnit.MICROS)))
                .where(R.SESSION_ID.eq(sessionId))
                .execute());
    }

    @Override
    public int touchSession(UUID sessionId, java.util.Collection<UUID> resources, Instant when) {
        return Errors.translating("touching a session", () -> work.dsl().update(R)
                .set(R.MODIFIED, Times.utc(when.truncatedTo(ChronoUnit.MICROS)))
                .where(R.SESSION_ID.eq(sessionId)).and(R.RESOURCE.in(resources))
                .execute());
    }

    @Override
    public List<UUID> expiredSessions(Instant before) {
        return Errors.translating("finding expired sessions", () -> work.dsl()
                .select(R.SESSION_ID).from(R)
                .where(R.SESSION_ID.isNotNull()).and(R.STATUS.eq(ReservationStatus.pending))
                .groupBy(R.SESSION_ID)
                .having(max(greatest(R.CREATED, coalesce(R.MODIFIED, R.CREATED))).lt(Times.utc(before)))
                .orderBy(R.SESSION_ID)
                .fetch(R.SESSION_ID));
    }

    private static Condition where(ReservationCriteria c) {
        return new Conditions()
                .in(R.RESOURCE, c.resources(), UUID.class)
                .in(R.TOKEN, c.tokens(), UUID.class)
                .in(R.ID, c.ids(), Integer.class)
                .in(R.TARGET, c.targets(), UUID.class)
                .equal(R.STATUS, Rows.status(c.status()))
                .equal(R.TARGET_TYPE, Rows.reservationTarget(c.targetType()))
                .in(R.SESSION_ID, c.sessionIds(), UUID.class)
                .all();
    }
}
