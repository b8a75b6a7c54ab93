package io.libres.jooq.internal;

import static io.libres.jooq.internal.schema.Tables.RESERVATION_BLOCKERS;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.val;

import io.libres.db.models.ReservationBlocker;
import io.libres.db.query.QueryResult;
import io.libres.jooq.internal.schema.enums.ReservationBlockerTargetType;
import io.libres.jooq.internal.schema.tables.ReservationBlockers;
import io.libres.jooq.internal.schema.tables.records.ReservationBlockersRecord;
import io.libres.spi.BlockerCriteria;
import io.libres.spi.BlockerStore;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.InsertValuesStep10;
import org.jooq.Record;
import org.jooq.RowN;
import org.jooq.Table;
import org.jooq.TableField;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The reservation_blockers table through jOOQ: one statement per method, inserts at most two. */
final class JooqBlockerStore implements BlockerStore {

    private static final ReservationBlockers B = RESERVATION_BLOCKERS;

    /** The columns an update writes, in the order of the VALUES rows after the id. */
    private static final List<TableField<ReservationBlockersRecord, ?>> WRITTEN = List.of(B.TOKEN, B.TARGET,
            B.TARGET_TYPE, B.RESOURCE, B.START, B.END, B.TIMEZONE, B.REASON);

    private final JooqUnitOfWork work;

    JooqBlockerStore(JooqUnitOfWork work) {
        this.work = work;
    }

    @Override
    public List<ReservationBlocker> insert(List<ReservationBlocker> blockers) {
        if (blockers.isEmpty()) {
            return List.of();
        }
        Iterator<Integer> fresh = Sequences.next(work, B,
                (int) blockers.stream().filter(b -> b.id().isEmpty()).count()).iterator();
        Instant created = work.now();
        List<ReservationBlocker> stored = new ArrayList<>(blockers.size());
        for (ReservationBlocker b : blockers) {
            int id = b.id().isPresent() ? b.requireId() : fresh.next();
            stored.add(new ReservationBlocker(id, b.token(), b.target(), b.targetType(), b.resource(), b.start(),
                    b.end(), b.timezone(), b.reason(), b.id().isPresent() && b.created() != null ? b.created() : created,
                    null));
        }
        for (List<ReservationBlocker> chunk : Chunks.of(stored, WRITTEN.size() + 2)) {
            InsertValuesStep10<ReservationBlockersRecord, Integer, UUID, UUID, ReservationBlockerTargetType, UUID,
                    LocalDateTime, LocalDateTime, String, String, LocalDateTime> insert = work.dsl().insertInto(B,
                            B.ID, B.TOKEN, B.TARGET, B.TARGET_TYPE, B.RESOURCE, B.START, B.END, B.TIMEZONE, B.REASON,
                            B.CREATED);
            for (ReservationBlocker b : chunk) {
                insert = insert.values(b.requireId(), b.token(), b.target(), Rows.blockerTarget(b.targetType()), b.resource(),
                        Times.utc(b.start()), Times.utc(b.end()), b.timezone(), b.reason(), Times.utc(b.created()));
            }
            var statement = insert;
            Errors.run("inserting blockers", statement::execute);
        }
        return stored;
    }

    @Override
    public void update(List<ReservationBlocker> blockers) {
        if (blockers.isEmpty()) {
            return;
        }
        LocalDateTime modified = Times.utc(work.now());
        for (List<ReservationBlocker> chunk : Chunks.of(blockers, WRITTEN.size() + 1)) {
            List<RowN> rows = new ArrayList<>(chunk.size());
            for (ReservationBlocker b : chunk) {
                rows.add(Values.row(val(b.requireId(), B.ID), val(b.token(), B.TOKEN), val(b.target(), B.TARGET),
                        val(Rows.blockerTarget(b.targetType()), B.TARGET_TYPE), val(b.resource(), B.RESOURCE),
                        val(Times.utc(b.start()), B.START), val(Times.utc(b.end()), B.END),
                        val(b.timezone(), B.TIMEZONE), val(b.reason(), B.REASON)));
            }
            Table<Record> x = Values.table("x", rows, B.ID, WRITTEN);
            Map<Field<?>, Field<?>> sets = new LinkedHashMap<>();
            for (TableField<ReservationBlockersRecord, ?> column : WRITTEN) {
                sets.put(column, x.field(column.getName(), column.getDataType()));
            }
            var statement = work.dsl().update(B).set(B.MODIFIED, modified).set(sets).from(x)
                    .where(B.ID.eq(x.field(B.ID.getName(), Integer.class)));
            Errors.run("updating blockers", statement::execute);
        }
    }

    @Override
    public QueryResult<ReservationBlocker> find(BlockerCriteria criteria) {
        return new JooqResult<>(work, "blocker matching " + criteria, List.of(B.fields()), B, where(criteria),
                List.of(B.ID), Rows.blockers());
    }

    @Override
    public int delete(BlockerCriteria criteria) {
        Condition where = where(criteria);
        return Errors.translating("deleting blockers", () -> work.dsl().deleteFrom(B).where(where).execute());
    }

    private static Condition where(BlockerCriteria c) {
        return new Conditions()
                .in(B.RESOURCE, c.resources(), UUID.class)
                .in(B.TOKEN, c.tokens(), UUID.class)
                .in(B.ID, c.ids(), Integer.class)
                .in(B.TARGET, c.targets(), UUID.class)
                .all();
    }
}
