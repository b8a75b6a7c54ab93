package io.libres.jooq.internal;

import static io.libres.jooq.internal.schema.Tables.LIBRES_JAVA_BLOCKER_DATA;
import static io.libres.jooq.internal.schema.Tables.RESERVATION_BLOCKERS;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.val;

import io.libres.db.models.ReservationBlocker;
import io.libres.db.query.QueryResult;
import io.libres.jooq.internal.schema.enums.ReservationBlockerTargetType;
import io.libres.jooq.internal.schema.tables.LibresJavaBlockerData;
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
import java.util.Optional;
import java.util.UUID;

/**
 * The reservation_blockers table, and the blocker data in libres_java_blocker_data, through jOOQ:
 * one statement per method, inserts at most two.
 */
final class JooqBlockerStore implements BlockerStore {

    private static final ReservationBlockers B = RESERVATION_BLOCKERS;
    private static final LibresJavaBlockerData D = LIBRES_JAVA_BLOCKER_DATA;

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
        // One statement: the data of the tokens left without blockers goes with them. The
        // statement's snapshot still sees the deleted blockers, hence the check against "gone".
        return Errors.translating("deleting blockers", () -> work.dsl().resultQuery(
                "WITH gone AS (DELETE FROM {0} WHERE {1} RETURNING id, resource, token),"
                        + " orphans AS (DELETE FROM {2} d USING (SELECT DISTINCT resource, token FROM gone) g"
                        + " WHERE d.resource = g.resource AND d.token = g.token"
                        + " AND NOT EXISTS (SELECT 1 FROM {0} b WHERE b.resource = g.resource"
                        + " AND b.token = g.token AND b.id NOT IN (SELECT id FROM gone)))"
                        + " SELECT count(*) FROM gone", B, where, D).fetchOne(0, Integer.class));
    }

    @Override
    public boolean keepData(UUID resource, UUID token, Map<String, Object> data) {
        return Errors.translating("keeping the data of blockers", () -> work.dsl()
                .insertInto(D, D.RESOURCE, D.TOKEN, D.DATA)
                .select(org.jooq.impl.DSL.select(val(resource, D.RESOURCE), val(token, D.TOKEN),
                        val(work.json().write(data), D.DATA))
                        .whereExists(org.jooq.impl.DSL.selectOne().from(B)
                                .where(B.RESOURCE.eq(resource)).and(B.TOKEN.eq(token))))
                .onConflict(D.RESOURCE, D.TOKEN)
                .doUpdate()
                .set(D.DATA, work.json().write(data))
                .execute()) > 0;
    }

    @Override
    public Optional<Map<String, Object>> data(UUID resource, UUID token) {
        return Errors.translating("reading the data of blockers", () -> work.dsl().select(D.DATA).from(D)
                .where(D.RESOURCE.eq(resource)).and(D.TOKEN.eq(token))
                .fetchOptional(D.DATA)
                .map(json -> work.json().read(json)));
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
