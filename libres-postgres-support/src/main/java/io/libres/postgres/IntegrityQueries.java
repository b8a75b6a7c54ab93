package io.libres.postgres;

import org.jspecify.annotations.Nullable;

import io.libres.db.IntegrityViolation;
import io.libres.db.IntegrityViolation.Kind;
import io.libres.db.IntegrityViolation.SlotKey;
import io.libres.spi.IntegrityScope;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The integrity check on PostgreSQL in plain SQL: the recipe a JDBC-based storage answers
 * {@link io.libres.spi.UnitOfWork#checkIntegrity(IntegrityScope)} with. Two statements whatever
 * the number of rows: the masters' largest quotas (PostgreSQL has no uuid5, so the valid mirror
 * resources are derived in Java from them), then every rule at once, returning only the violating
 * rows. It agrees with {@link io.libres.spi.IntegrityRules}, the reference (the kits check both).
 */
public final class IntegrityQueries {

    /** The masters (of the scope) with stored mirrors, and their largest quota. */
    static final String MASTER_QUOTAS = """
            SELECT m.resource, max(m.quota) AS quota FROM allocations m
            WHERE m.resource = m.mirror_of AND m.quota > 1 AND (? OR m.mirror_of = ANY(?::uuid[]))
              AND EXISTS (SELECT 1 FROM allocations x WHERE x.mirror_of = m.resource AND x.resource <> x.mirror_of)
            GROUP BY m.resource""";

    /**
     * Every rule, one branch each. rs(t, r), libres' rasterize_start, is written out as
     * {@code date_trunc('minute', t) - make_interval(mins => extract(minute FROM t)::int % r)}; the
     * end of a slot is its start plus the raster minus one microsecond, as libres stores ends.
     */
    static final String VIOLATIONS = """
            WITH p AS (SELECT ?::boolean AS everything, ?::uuid[] AS res,
                              ?::uuid[] AS key_master, ?::uuid[] AS key_resource, ?::int[] AS key_n),
            a AS (SELECT al.* FROM allocations al, p WHERE p.everything OR al.mirror_of = ANY(p.res)),
            m AS (SELECT * FROM a WHERE a.resource = a.mirror_of),
            r AS (SELECT re.* FROM reservations re, p WHERE p.everything OR re.resource = ANY(p.res)),
            b AS (SELECT bl.* FROM reservation_blockers bl, p WHERE p.everything OR bl.resource = ANY(p.res)),
            s AS (SELECT sl.*, al.id AS a_id, al.resource AS a_resource, al.partly_available AS a_partly,
                         al._start AS a_start, al._end AS a_end, al._raster AS a_raster
                  FROM reserved_slots sl LEFT JOIN allocations al ON al.id = sl.allocation_id, p
                  WHERE (al.id IS NULL AND p.everything) OR (al.id IS NOT NULL AND (p.everything OR al.mirror_of = ANY(p.res)))),
            fam AS (SELECT a.*, mm.id AS master_id, mm.quota AS master_quota, mm._end AS m_end, mm."group" AS m_group,
                           mm.partly_available AS m_partly, mm._raster AS m_raster,
                           EXISTS (SELECT 1 FROM reserved_slots x WHERE x.allocation_id = a.id) AS holds
                    FROM a LEFT JOIN allocations mm ON mm.resource = a.mirror_of AND mm.mirror_of = a.mirror_of
                                                   AND mm._start = a._start),
            exp AS (SELECT r.id AS rid, m.id AS master, r.target_type = 'group' AND m.partly_available AS optional, g.start,
                           CASE WHEN m.partly_available THEN g.start + make_interval(mins => m._raster) - interval '1 microsecond'
                                ELSE m._end END AS "end"
                    FROM r JOIN m ON m."group" = r.target AND m.mirror_of = r.resource
                    CROSS JOIN LATERAL (
                        SELECT CASE WHEN r.target_type = 'allocation' THEN greatest(r.start, m._start) ELSE m._start END AS s,
                               CASE WHEN r.target_type = 'allocation' THEN least(r."end", m._end) ELSE m._end END AS e) span
                    CROSS JOIN LATERAL (
                        SELECT generate_series(
                                   date_trunc('minute', span.s) - make_interval(mins => extract(minute FROM span.s)::int % m._raster),
                                   CASE WHEN extract(minute FROM span.e)::int % m._raster <> 0
                                        THEN date_trunc('minute', span.e) - make_interval(mins => extract(minute FROM span.e)::int % m._raster)
                                             + make_interval(mins => m._raster) - interval '1 microsecond'
                                        ELSE span.e - interval '1 microsecond' END,
                                   make_interval(mins => m._raster)) AS start
                        WHERE m.partly_available
                        UNION ALL SELECT m._start WHERE NOT m.partly_available) g
                    WHERE r.status = 'approved'
                      AND (r.target_type = 'group' OR (r.start IS NOT NULL AND r."end" IS NOT NULL
                           AND m._start <= CASE WHEN extract(minute FROM r."end")::int % m._raster <> 0
                                    THEN date_trunc('minute', r."end") - make_interval(mins => extract(minute FROM r."end")::int % m._raster)
                                         + make_interval(mins => m._raster) - interval '1 microsecond'
                                    ELSE r."end" - interval '1 microsecond' END
                           AND m._end >= date_trunc('minute', r.start)
                               - make_interval(mins => extract(minute FROM r.start)::int % m._raster)))),
            -- a partly available master of a group target: any non-empty part of its steps will do
            -- (moving the allocation keeps the slots libres wrote), see IntegrityRules
            held AS (SELECT r.id AS rid, r.quota, r.target, r.resource AS r_resource, sl.start, sl."end", sl.resource,
                            sl.allocation_id, al.id AS a_id, al."group" AS a_group, al.mirror_of AS a_mirror_of
                     FROM r JOIN reserved_slots sl ON sl.source_type = 'reservation' AND sl.reservation_token = r.token
                                                  AND sl.source_id = r.id
                     LEFT JOIN allocations al ON al.id = sl.allocation_id
                     WHERE r.status = 'approved'),
            bad AS (SELECT e.rid FROM exp e WHERE NOT e.optional
                      AND NOT EXISTS (SELECT 1 FROM held h WHERE h.rid = e.rid AND h.start = e.start)
                    UNION
                    SELECT e.rid FROM exp e WHERE e.optional GROUP BY e.rid, e.master
                    HAVING NOT bool_or(EXISTS (SELECT 1 FROM held h WHERE h.rid = e.rid AND h.start = e.start))
                    UNION
                    SELECT h.rid FROM held h LEFT JOIN exp e ON e.rid = h.rid AND e.start = h.start
                    WHERE e.rid IS NULL OR h."end" <> e."end" OR h.a_id IS NULL OR h.a_group <> h.target
                       OR h.a_mirror_of <> h.r_resource
                    UNION
                    SELECT h.rid FROM held h GROUP BY h.rid, h.start, h.quota
                    HAVING count(*) <> h.quota OR count(DISTINCT h.allocation_id) <> h.quota)
            SELECT 'DUPLICATE_SLOT' AS kind, array_agg(s.allocation_id) AS allocation_ids, NULL::int[] AS reservation_ids,
                   NULL::int[] AS blocker_ids, ARRAY[s.resource] AS slot_resources, ARRAY[s.start::text] AS slot_starts
            FROM s GROUP BY s.resource, s.start HAVING count(*) > 1
            UNION ALL
            SELECT 'SLOT_WITHOUT_ALLOCATION', ARRAY[s.allocation_id], NULL, NULL, ARRAY[s.resource], ARRAY[s.start::text]
            FROM s WHERE s.a_id IS NULL OR s.a_resource <> s.resource
            UNION ALL
            SELECT 'SLOT_OUTSIDE_ALLOCATION', ARRAY[s.allocation_id], NULL, NULL, ARRAY[s.resource], ARRAY[s.start::text]
            FROM s WHERE s.a_id IS NOT NULL AND s.a_resource = s.resource AND NOT CASE WHEN s.a_partly
                THEN s.start >= s.a_start AND s."end" <= s.a_end
                     AND s.start = date_trunc('minute', s.start) - make_interval(mins => extract(minute FROM s.start)::int % s.a_raster)
                     AND s."end" = s.start + make_interval(mins => s.a_raster) - interval '1 microsecond'
                ELSE s.start = s.a_start AND s."end" = s.a_end END
            UNION ALL
            SELECT 'SLOT_WITHOUT_SOURCE', ARRAY[s.allocation_id], NULL, NULL, ARRAY[s.resource], ARRAY[s.start::text]
            FROM s WHERE (s.source_type = 'reservation' AND NOT EXISTS (SELECT 1 FROM reservations x
                              WHERE x.id = s.source_id AND x.token = s.reservation_token))
                      OR (s.source_type = 'blocker' AND NOT EXISTS (SELECT 1 FROM reservation_blockers x
                              WHERE x.id = s.source_id AND x.token = s.reservation_token))
            UNION ALL
            SELECT 'PENDING_RESERVATION_HOLDS_SLOTS', NULL, ARRAY[x.id], NULL, ARRAY[s.resource], ARRAY[s.start::text]
            FROM s JOIN reservations x ON x.id = s.source_id AND x.token = s.reservation_token
            WHERE s.source_type = 'reservation' AND x.status = 'pending'
            UNION ALL
            SELECT 'APPROVED_RESERVATION_SLOTS_MISMATCH', NULL, ARRAY[r.id], NULL,
                   (SELECT array_agg(h.resource ORDER BY h.start, h.resource::text) FROM held h WHERE h.rid = r.id),
                   (SELECT array_agg(h.start::text ORDER BY h.start, h.resource::text) FROM held h WHERE h.rid = r.id)
            FROM r WHERE r.id IN (SELECT rid FROM bad)
            UNION ALL
            SELECT 'QUOTA_EXCEEDED', array_agg(f.id), NULL, NULL, NULL, NULL
            FROM fam f WHERE f.master_id IS NOT NULL AND f.holds
            GROUP BY f.mirror_of, f._start, f.master_quota HAVING count(*) > f.master_quota
            UNION ALL
            SELECT 'TOO_MANY_MIRRORS', array_agg(f.id), NULL, NULL, NULL, NULL
            FROM fam f WHERE f.master_id IS NOT NULL
            GROUP BY f.mirror_of, f._start, f.master_quota HAVING count(*) > f.master_quota
            UNION ALL
            SELECT 'MIRROR_WITHOUT_MASTER', ARRAY[f.id], NULL, NULL, NULL, NULL FROM fam f WHERE f.master_id IS NULL
            UNION ALL
            SELECT 'MIRROR_MISMATCH', ARRAY[f.master_id, f.id], NULL, NULL, NULL, NULL
            FROM fam f WHERE f.master_id IS NOT NULL AND f.id <> f.master_id
              AND (f._end <> f.m_end OR f."group" <> f.m_group OR f.partly_available <> f.m_partly OR f._raster <> f.m_raster)
            UNION ALL
            SELECT 'MIRROR_RESOURCE_INVALID', ARRAY[f.id], NULL, NULL, NULL, NULL
            FROM fam f, p WHERE f.master_id IS NOT NULL AND f.id <> f.master_id
              AND NOT EXISTS (SELECT 1 FROM unnest(p.key_master, p.key_resource, p.key_n) AS k(master, resource, n)
                              WHERE k.master = f.mirror_of AND k.resource = f.resource AND k.n < f.master_quota)
            UNION ALL
            SELECT 'TARGET_WITHOUT_MASTER', NULL, ARRAY[r.id], NULL, NULL, NULL
            FROM r WHERE NOT EXISTS (SELECT 1 FROM m WHERE m.mirror_of = r.resource AND m."group" = r.target)
            UNION ALL
            SELECT 'TARGET_WITHOUT_MASTER', NULL, NULL, ARRAY[b.id], NULL, NULL
            FROM b WHERE NOT EXISTS (SELECT 1 FROM m WHERE m.mirror_of = b.resource AND m."group" = b.target)
            UNION ALL
            SELECT 'BLOCKER_WITHOUT_SLOTS', NULL, NULL, ARRAY[b.id], NULL, NULL
            FROM b WHERE NOT EXISTS (SELECT 1 FROM reserved_slots x WHERE x.source_type = 'blocker'
                                     AND x.reservation_token = b.token AND x.source_id = b.id)""";

    private IntegrityQueries() {
    }

    /**
     * Runs the check on a connection inside the caller's transaction, in two statements.
     *
     * @param connection the unit of work's connection
     * @param scope which records to check
     * @return the violations in {@link IntegrityViolation#ORDER}
     * @throws io.libres.errors.LibresException translated from the database's error
     */
    public static List<IntegrityViolation> check(Connection connection, IntegrityScope scope) {
        try {
            boolean everything = scope.limitedTo().isEmpty();
            Object[] resources = scope.limitedTo().map(r -> r.toArray()).orElse(new Object[0]);
            Map<UUID, Integer> quotas = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(MASTER_QUOTAS)) {
                statement.setBoolean(1, everything);
                statement.setArray(2, connection.createArrayOf("uuid", resources));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        quotas.put(rows.getObject(1, UUID.class), rows.getInt(2));
                    }
                }
            }
            List<Object> masters = new ArrayList<>();
            List<Object> mirrors = new ArrayList<>();
            List<Object> numbers = new ArrayList<>();
            quotas.forEach((master, quota) -> {
                for (int n = 1; n < quota; n++) {
                    masters.add(master);
                    mirrors.add(IntegrityScope.mirrorResource(master, n));
                    numbers.add(n);
                }
            });
            List<IntegrityViolation> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(VIOLATIONS)) {
                statement.setBoolean(1, everything);
                statement.setArray(2, connection.createArrayOf("uuid", resources));
                statement.setArray(3, connection.createArrayOf("uuid", masters.toArray()));
                statement.setArray(4, connection.createArrayOf("uuid", mirrors.toArray()));
                statement.setArray(5, connection.createArrayOf("int4", numbers.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(violation(rows.getString(1), ints(rows.getArray(2)), ints(rows.getArray(3)),
                                ints(rows.getArray(4)), rows.getArray(5), rows.getArray(6)));
                    }
                }
            }
            return IntegrityViolation.sorted(found);
        } catch (SQLException e) {
            throw SqlErrors.translate("checking integrity", e);
        }
    }

    /**
     * Builds a violation from the columns a set-based check returns, the slot keys as parallel
     * lists of resources and starts: shared by the SQL adapters so that all report alike.
     *
     * @param kind the kind's name
     * @param allocationIds the allocations, may be null
     * @param reservationIds the reservations, may be null
     * @param blockerIds the blockers, may be null
     * @param slotResources the slots' resources, may be null
     * @param slotStarts the slots' starts as PostgreSQL's timestamp text, parallel to the resources
     * @return the violation
     */
    public static IntegrityViolation violation(String kind, @Nullable List<Integer> allocationIds, @Nullable List<Integer> reservationIds,
            @Nullable List<Integer> blockerIds, @Nullable List<UUID> slotResources, List<String> slotStarts) {
        List<SlotKey> keys = new ArrayList<>();
        if (slotResources != null) {
            for (int i = 0; i < slotResources.size(); i++) {
                keys.add(new SlotKey(slotResources.get(i), timestamp(slotStarts.get(i))));
            }
        }
        return IntegrityViolation.of(Kind.valueOf(kind), orEmpty(allocationIds), orEmpty(reservationIds),
                orEmpty(blockerIds), keys);
    }

    private static IntegrityViolation violation(String kind, List<Integer> allocationIds, List<Integer> reservationIds,
            List<Integer> blockerIds, Array resources, Array starts) throws SQLException {
        List<UUID> slotResources = resources == null ? null : Arrays.asList((UUID[]) resources.getArray());
        List<String> slotStarts = starts == null ? null : Arrays.asList((String[]) starts.getArray());
        return violation(kind, allocationIds, reservationIds, blockerIds, slotResources, slotStarts);
    }

    private static List<Integer> ints(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((Integer[]) array.getArray());
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    /** PostgreSQL's text of a timestamp without time zone ("2024-05-01 08:00:00.5"), read as UTC. */
    private static java.time.Instant timestamp(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
}
