package io.libres.jooq.internal;

import static io.libres.jooq.internal.schema.Tables.ALLOCATIONS;
import static io.libres.jooq.internal.schema.Tables.RESERVATIONS;
import static io.libres.jooq.internal.schema.Tables.RESERVATION_BLOCKERS;
import static io.libres.jooq.internal.schema.Tables.RESERVED_SLOTS;
import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.castNull;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.localDateTimeSub;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.when;

import io.libres.db.IntegrityViolation;
import io.libres.db.IntegrityViolation.Kind;
import io.libres.jooq.internal.schema.enums.ReservationStatus;
import io.libres.jooq.internal.schema.enums.ReservationTargetType;
import io.libres.jooq.internal.schema.enums.ReservedSlotSourceType;
import io.libres.jooq.internal.schema.tables.Allocations;
import io.libres.jooq.internal.schema.tables.ReservationBlockers;
import io.libres.jooq.internal.schema.tables.Reservations;
import io.libres.jooq.internal.schema.tables.ReservedSlots;
import io.libres.postgres.IntegrityQueries;
import io.libres.spi.IntegrityScope;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record6;
import org.jooq.Select;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The integrity check in jOOQ's DSL on the generated table references, in two statements whatever
 * the number of rows: the masters' largest quotas (the valid mirror resources are derived from them
 * in Java, PostgreSQL having no uuid5), then every rule as one branch of a {@code UNION ALL},
 * returning only the violating rows. Rule for rule the same as {@code IntegrityQueries} of
 * {@code libres-postgres-support} (the JDBI adapter's plain SQL) and {@code IntegrityRules} (the
 * reference); the kits hold all three to the same planted corruptions.
 */
final class JooqIntegrity {

    private static final Field<Integer[]> NO_INTS = castNull(SQLDataType.INTEGER.array());
    private static final Field<UUID[]> NO_UUIDS = castNull(SQLDataType.UUID.array());
    private static final Field<String[]> NO_TEXTS = castNull(SQLDataType.VARCHAR.array());

    private final DSLContext dsl;
    private final UUID[] resources;

    private JooqIntegrity(DSLContext dsl, IntegrityScope scope) {
        this.dsl = dsl;
        this.resources = scope.limitedTo().map(r -> r.toArray(new UUID[0])).orElse(null);
    }

    static List<IntegrityViolation> check(DSLContext dsl, IntegrityScope scope) {
        return Errors.translating("checking integrity", () -> new JooqIntegrity(dsl, scope).run());
    }

    private Condition inScope(Field<UUID> resource) {
        return resources == null ? noCondition() : resource.eq(DSL.any(ArrayBinding.uuids(Set.of(resources))));
    }

    // ------------------------------------------------------------------ what the DSL cannot say

    /*
     * jOOQ has no date_trunc for LocalDateTime fields nor a timestamp generate_series, and PostgreSQL's
     * unnest of several arrays has no DSL form: these three templates are the only hand-written SQL,
     * each over typed fields. rasterStart is libres' rasterize_start: minutes floored to the raster.
     */
    private static Field<LocalDateTime> rasterStart(Field<LocalDateTime> t, Field<Integer> raster) {
        return field("(date_trunc('minute', {0}) - make_interval(mins => extract(minute FROM {0})::int % {1}))",
                SQLDataType.LOCALDATETIME, t, raster);
    }

    /** libres' rasterize_end: the stored end of the raster slot holding t (t minus 1 µs on a raster minute). */
    private static Field<LocalDateTime> rasterEnd(Field<LocalDateTime> t, Field<Integer> raster) {
        return field("(CASE WHEN extract(minute FROM {0})::int % {1} <> 0 THEN {2} + make_interval(mins => {1})"
                + " - interval '1 microsecond' ELSE {0} - interval '1 microsecond' END)",
                SQLDataType.LOCALDATETIME, t, raster, rasterStart(t, raster));
    }

    /** The stored end of the raster step starting at t. */
    private static Field<LocalDateTime> stepEnd(Field<LocalDateTime> t, Field<Integer> raster) {
        return field("({0} + make_interval(mins => {1}) - interval '1 microsecond')", SQLDataType.LOCALDATETIME, t,
                raster);
    }

    private static Table<?> series(Field<LocalDateTime> from, Field<LocalDateTime> to, Field<Integer> raster) {
        return DSL.table("generate_series({0}, {1}, make_interval(mins => {2}))", from, to, raster).as("g", "start");
    }

    private static Table<?> keys(List<UUID> masters, List<UUID> mirrors, List<Integer> numbers) {
        return DSL.table("unnest({0}, {1}, {2})", ArrayBinding.uuids(masters), ArrayBinding.uuids(mirrors),
                ArrayBinding.integers(numbers)).as("k", "master", "resource", "n");
    }

    // ------------------------------------------------------------------ the statements

    private List<IntegrityViolation> run() {
        Allocations m = ALLOCATIONS.as("m");
        Allocations x = ALLOCATIONS.as("x");
        Map<UUID, Integer> quotas = new LinkedHashMap<>();
        dsl.select(m.RESOURCE, max(m.QUOTA)).from(m)
                .where(m.RESOURCE.eq(m.MIRROR_OF)).and(m.QUOTA.gt(1)).and(inScope(m.MIRROR_OF))
                .andExists(selectOne().from(x).where(x.MIRROR_OF.eq(m.RESOURCE)).and(x.RESOURCE.ne(x.MIRROR_OF)))
                .groupBy(m.RESOURCE).fetch().forEach(r -> quotas.put(r.value1(), r.value2()));
        List<UUID> masters = new ArrayList<>();
        List<UUID> mirrors = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        quotas.forEach((master, quota) -> {
            for (int n = 1; n < quota; n++) {
                masters.add(master);
                mirrors.add(IntegrityScope.mirrorResource(master, n));
                numbers.add(n);
            }
        });
        List<IntegrityViolation> found = new ArrayList<>();
        for (Record6<String, Integer[], Integer[], Integer[], UUID[], String[]> row
                : violations(masters, mirrors, numbers).fetch()) {
            found.add(IntegrityQueries.violation(row.value1(), list(row.value2()), list(row.value3()),
                    list(row.value4()), list(row.value5()), list(row.value6())));
        }
        return IntegrityViolation.sorted(found);
    }

    private static <T> List<T> list(T[] values) {
        return values == null ? null : Arrays.asList(values);
    }

    private static Field<String> text(Field<LocalDateTime> t) {
        return t.cast(SQLDataType.VARCHAR);
    }

    private org.jooq.ResultQuery<Record6<String, Integer[], Integer[], Integer[], UUID[], String[]>> violations(
            List<UUID> masters, List<UUID> mirrors, List<Integer> numbers) {
        ReservedSlots s = RESERVED_SLOTS.as("s");
        Allocations sa = ALLOCATIONS.as("sa");
        Reservations xr = RESERVATIONS.as("xr");
        ReservationBlockers xb = RESERVATION_BLOCKERS.as("xb");
        Condition slotScope = resources == null ? noCondition() : inScope(sa.MIRROR_OF);
        Table<?> slots = s.leftJoin(sa).on(sa.ID.eq(s.ALLOCATION_ID));

        var withoutAllocation = select(inline(Kind.SLOT_WITHOUT_ALLOCATION.name()), array(s.ALLOCATION_ID), NO_INTS,
                NO_INTS, array(s.RESOURCE), array(text(s.START)))
                .from(slots).where(slotScope).and(sa.ID.isNull().or(sa.RESOURCE.ne(s.RESOURCE)));
        Condition partlyFits = s.START.ge(sa._START).and(s.END.le(sa._END))
                .and(s.START.eq(rasterStart(s.START, sa._RASTER))).and(s.END.eq(stepEnd(s.START, sa._RASTER)));
        Condition wholeFits = s.START.eq(sa._START).and(s.END.eq(sa._END));
        var outside = select(inline(Kind.SLOT_OUTSIDE_ALLOCATION.name()), array(s.ALLOCATION_ID), NO_INTS, NO_INTS,
                array(s.RESOURCE), array(text(s.START)))
                .from(slots).where(slotScope).and(sa.ID.isNotNull()).and(sa.RESOURCE.eq(s.RESOURCE))
                .and(not(sa.PARTLY_AVAILABLE.isTrue().and(partlyFits).or(sa.PARTLY_AVAILABLE.isFalse().and(wholeFits))));
        var withoutSource = select(inline(Kind.SLOT_WITHOUT_SOURCE.name()), array(s.ALLOCATION_ID), NO_INTS, NO_INTS,
                array(s.RESOURCE), array(text(s.START)))
                .from(slots).where(slotScope).and(
                        s.SOURCE_TYPE.eq(ReservedSlotSourceType.reservation).andNotExists(selectOne().from(xr)
                                .where(xr.ID.eq(s.SOURCE_ID)).and(xr.TOKEN.eq(s.RESERVATION_TOKEN)))
                        .or(s.SOURCE_TYPE.eq(ReservedSlotSourceType.blocker).andNotExists(selectOne().from(xb)
                                .where(xb.ID.eq(s.SOURCE_ID)).and(xb.TOKEN.eq(s.RESERVATION_TOKEN)))));
        var pending = select(inline(Kind.PENDING_RESERVATION_HOLDS_SLOTS.name()), NO_INTS, array(xr.ID), NO_INTS,
                array(s.RESOURCE), array(text(s.START)))
                .from(slots).join(xr).on(xr.ID.eq(s.SOURCE_ID)).and(xr.TOKEN.eq(s.RESERVATION_TOKEN))
                .where(slotScope).and(s.SOURCE_TYPE.eq(ReservedSlotSourceType.reservation))
                .and(xr.STATUS.eq(ReservationStatus.pending));

        // approved reservations: the slots they must hold (exp) against those they hold (held)
        Reservations r = RESERVATIONS.as("r");
        Allocations em = ALLOCATIONS.as("em");
        Field<LocalDateTime> spanStart = when(r.TARGET_TYPE.eq(ReservationTargetType.allocation),
                greatest(r.START, em._START)).otherwise(em._START);
        Field<LocalDateTime> spanEnd = when(r.TARGET_TYPE.eq(ReservationTargetType.allocation),
                least(r.END, em._END)).otherwise(em._END);
        Table<?> g = series(when(em.PARTLY_AVAILABLE.isTrue(), rasterStart(spanStart, em._RASTER)).otherwise(em._START),
                when(em.PARTLY_AVAILABLE.isTrue(), rasterEnd(spanEnd, em._RASTER)).otherwise(em._START), em._RASTER);
        Field<LocalDateTime> gStart = field(name("g", "start"), SQLDataType.LOCALDATETIME);
        // a partly available master of a group target: any non-empty part of its steps will do (see IntegrityRules)
        CommonTableExpression<?> exp = name("exp").as(select(r.ID.as("rid"), em.ID.as("master"),
                field(r.TARGET_TYPE.eq(ReservationTargetType.group).and(em.PARTLY_AVAILABLE.isTrue())).as("optional"),
                gStart.as("start"),
                when(em.PARTLY_AVAILABLE.isTrue(), stepEnd(gStart, em._RASTER)).otherwise(em._END).as("end"))
                .from(r).join(em).on(em.GROUP.eq(r.TARGET)).and(em.MIRROR_OF.eq(r.RESOURCE))
                .and(em.RESOURCE.eq(em.MIRROR_OF))
                .crossJoin(DSL.lateral(g))
                .where(r.STATUS.eq(ReservationStatus.approved)).and(inScope(r.RESOURCE))
                .and(r.TARGET_TYPE.eq(ReservationTargetType.group).or(r.START.isNotNull().and(r.END.isNotNull())
                        .and(em._START.le(rasterEnd(r.END, em._RASTER)))
                        .and(em._END.ge(rasterStart(r.START, em._RASTER))))));
        Reservations hr = RESERVATIONS.as("hr");
        ReservedSlots hs = RESERVED_SLOTS.as("hs");
        Allocations ha = ALLOCATIONS.as("ha");
        CommonTableExpression<?> held = name("held").as(select(hr.ID.as("rid"), hr.QUOTA.as("quota"),
                hr.TARGET.as("target"), hr.RESOURCE.as("r_resource"), hs.START.as("start"), hs.END.as("end"),
                hs.RESOURCE.as("resource"), hs.ALLOCATION_ID.as("allocation_id"), ha.ID.as("a_id"),
                ha.GROUP.as("a_group"), ha.MIRROR_OF.as("a_mirror_of"))
                .from(hr).join(hs).on(hs.SOURCE_TYPE.eq(ReservedSlotSourceType.reservation))
                .and(hs.RESERVATION_TOKEN.eq(hr.TOKEN)).and(hs.SOURCE_ID.eq(hr.ID))
                .leftJoin(ha).on(ha.ID.eq(hs.ALLOCATION_ID))
                .where(hr.STATUS.eq(ReservationStatus.approved)).and(inScope(hr.RESOURCE)));
        Field<Integer> eRid = exp.field("rid", Integer.class);
        Field<LocalDateTime> eStart = exp.field("start", LocalDateTime.class);
        Field<LocalDateTime> eEnd = exp.field("end", LocalDateTime.class);
        Field<Integer> hRid = held.field("rid", Integer.class);
        Field<Integer> hQuota = held.field("quota", Integer.class);
        Field<LocalDateTime> hStart = held.field("start", LocalDateTime.class);
        Field<LocalDateTime> hEnd = held.field("end", LocalDateTime.class);
        Field<UUID> hResource = held.field("resource", UUID.class);
        Field<Integer> hAllocation = held.field("allocation_id", Integer.class);
        Field<Boolean> eOptional = exp.field("optional", Boolean.class);
        var bad = select(eRid).from(exp).where(eOptional.isFalse())
                .andNotExists(selectOne().from(held).where(hRid.eq(eRid)).and(hStart.eq(eStart)))
                .union(select(eRid).from(exp).where(eOptional.isTrue()).groupBy(eRid, exp.field("master", Integer.class))
                        .having(not(DSL.boolOr(exists(selectOne().from(held).where(hRid.eq(eRid))
                                .and(hStart.eq(eStart)))))))
                .union(select(hRid).from(held).leftJoin(exp).on(eRid.eq(hRid)).and(eStart.eq(hStart))
                        .where(eRid.isNull()).or(hEnd.ne(eEnd)).or(held.field("a_id", Integer.class).isNull())
                        .or(held.field("a_group", UUID.class).ne(held.field("target", UUID.class)))
                        .or(held.field("a_mirror_of", UUID.class).ne(held.field("r_resource", UUID.class))))
                .union(select(hRid).from(held).groupBy(hRid, hStart, hQuota)
                        .having(count().ne(hQuota)).or(countDistinct(hAllocation).ne(hQuota)));
        Reservations ar = RESERVATIONS.as("ar");
        var approved = select(inline(Kind.APPROVED_RESERVATION_SLOTS_MISMATCH.name()), NO_INTS, array(ar.ID), NO_INTS,
                field(select(arrayAgg(hResource).orderBy(hStart, hResource.cast(SQLDataType.VARCHAR))).from(held)
                        .where(hRid.eq(ar.ID))),
                field(select(arrayAgg(text(hStart)).orderBy(hStart, hResource.cast(SQLDataType.VARCHAR))).from(held)
                        .where(hRid.eq(ar.ID))))
                .from(ar).where(inScope(ar.RESOURCE)).and(ar.ID.in(bad));

        // masters and their mirrors, each allocation of the scope with its master (same mirror_of and start)
        Allocations fa = ALLOCATIONS.as("fa");
        Allocations mm = ALLOCATIONS.as("mm");
        ReservedSlots xs = RESERVED_SLOTS.as("xs");
        CommonTableExpression<?> fam = name("fam").as(select(fa.ID.as("id"), fa.RESOURCE.as("resource"),
                fa.MIRROR_OF.as("mirror_of"), fa._START.as("start"), fa._END.as("end"), fa.GROUP.as("grp"),
                fa.PARTLY_AVAILABLE.as("partly"), fa._RASTER.as("raster"), mm.ID.as("master_id"),
                mm.QUOTA.as("master_quota"), mm._END.as("m_end"), mm.GROUP.as("m_group"),
                mm.PARTLY_AVAILABLE.as("m_partly"), mm._RASTER.as("m_raster"),
                field(exists(selectOne().from(xs).where(xs.ALLOCATION_ID.eq(fa.ID)))).as("holds"))
                .from(fa).leftJoin(mm).on(mm.RESOURCE.eq(fa.MIRROR_OF)).and(mm.MIRROR_OF.eq(fa.MIRROR_OF))
                .and(mm._START.eq(fa._START))
                .where(inScope(fa.MIRROR_OF)));
        Field<Integer> fId = fam.field("id", Integer.class);
        Field<UUID> fResource = fam.field("resource", UUID.class);
        Field<UUID> fMirrorOf = fam.field("mirror_of", UUID.class);
        Field<LocalDateTime> fStart = fam.field("start", LocalDateTime.class);
        Field<Integer> fMaster = fam.field("master_id", Integer.class);
        Field<Integer> fQuota = fam.field("master_quota", Integer.class);
        var exceeded = select(inline(Kind.QUOTA_EXCEEDED.name()), arrayAgg(fId), NO_INTS, NO_INTS, NO_UUIDS, NO_TEXTS)
                .from(fam).where(fMaster.isNotNull()).and(fam.field("holds", Boolean.class).isTrue())
                .groupBy(fMirrorOf, fStart, fQuota).having(count().gt(fQuota));
        var tooMany = select(inline(Kind.TOO_MANY_MIRRORS.name()), arrayAgg(fId), NO_INTS, NO_INTS, NO_UUIDS, NO_TEXTS)
                .from(fam).where(fMaster.isNotNull()).groupBy(fMirrorOf, fStart, fQuota).having(count().gt(fQuota));
        var orphan = select(inline(Kind.MIRROR_WITHOUT_MASTER.name()), array(fId), NO_INTS, NO_INTS, NO_UUIDS, NO_TEXTS)
                .from(fam).where(fMaster.isNull());
        var mismatch = select(inline(Kind.MIRROR_MISMATCH.name()), array(fMaster, fId), NO_INTS, NO_INTS, NO_UUIDS,
                NO_TEXTS)
                .from(fam).where(fMaster.isNotNull()).and(fId.ne(fMaster))
                .and(fam.field("end", LocalDateTime.class).ne(fam.field("m_end", LocalDateTime.class))
                        .or(fam.field("grp", UUID.class).ne(fam.field("m_group", UUID.class)))
                        .or(fam.field("partly", Boolean.class).ne(fam.field("m_partly", Boolean.class)))
                        .or(fam.field("raster", Integer.class).ne(fam.field("m_raster", Integer.class))));
        Table<?> k = keys(masters, mirrors, numbers);
        var invalid = select(inline(Kind.MIRROR_RESOURCE_INVALID.name()), array(fId), NO_INTS, NO_INTS, NO_UUIDS,
                NO_TEXTS)
                .from(fam).where(fMaster.isNotNull()).and(fId.ne(fMaster))
                .andNotExists(selectOne().from(k).where(field(name("k", "master"), SQLDataType.UUID).eq(fMirrorOf))
                        .and(field(name("k", "resource"), SQLDataType.UUID).eq(fResource))
                        .and(field(name("k", "n"), SQLDataType.INTEGER).lt(fQuota)));

        Reservations tr = RESERVATIONS.as("tr");
        ReservationBlockers tb = RESERVATION_BLOCKERS.as("tb");
        Allocations tm = ALLOCATIONS.as("tm");
        var reservationTarget = select(inline(Kind.TARGET_WITHOUT_MASTER.name()), NO_INTS, array(tr.ID), NO_INTS,
                NO_UUIDS, NO_TEXTS)
                .from(tr).where(inScope(tr.RESOURCE)).andNotExists(selectOne().from(tm)
                        .where(tm.RESOURCE.eq(tm.MIRROR_OF)).and(tm.MIRROR_OF.eq(tr.RESOURCE)).and(tm.GROUP.eq(tr.TARGET)));
        var blockerTarget = select(inline(Kind.TARGET_WITHOUT_MASTER.name()), NO_INTS, NO_INTS, array(tb.ID),
                NO_UUIDS, NO_TEXTS)
                .from(tb).where(inScope(tb.RESOURCE)).andNotExists(selectOne().from(tm)
                        .where(tm.RESOURCE.eq(tm.MIRROR_OF)).and(tm.MIRROR_OF.eq(tb.RESOURCE)).and(tm.GROUP.eq(tb.TARGET)));
        var blockerSlots = select(inline(Kind.BLOCKER_WITHOUT_SLOTS.name()), NO_INTS, NO_INTS, array(tb.ID), NO_UUIDS,
                NO_TEXTS)
                .from(tb).where(inScope(tb.RESOURCE)).andNotExists(selectOne().from(xs)
                        .where(xs.SOURCE_TYPE.eq(ReservedSlotSourceType.blocker)).and(xs.RESERVATION_TOKEN.eq(tb.TOKEN))
                        .and(xs.SOURCE_ID.eq(tb.ID)));

        return dsl.with(exp, held, fam)
                .select(inline(Kind.DUPLICATE_SLOT.name()), arrayAgg(s.ALLOCATION_ID), NO_INTS, NO_INTS,
                        array(s.RESOURCE), array(text(s.START)))
                .from(slots).where(slotScope).groupBy(s.RESOURCE, s.START).having(count().gt(1))
                .unionAll(withoutAllocation).unionAll(outside).unionAll(withoutSource).unionAll(pending)
                .unionAll(approved).unionAll(exceeded).unionAll(tooMany).unionAll(orphan).unionAll(mismatch)
                .unionAll(invalid).unionAll(reservationTarget).unionAll(blockerTarget).unionAll(blockerSlots);
    }
}
