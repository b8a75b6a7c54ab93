package io.libres.jdbi.internal;

import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.ReservationStatus;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.db.models.TargetType;
import io.libres.time.Raster;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** The columns of the four libres tables and the mappers from their rows to the core's models. */
final class Rows {

    static final String ALLOCATION_COLUMNS = "id, resource, type, mirror_of, \"group\", quota, quota_limit,"
            + " partly_available, approve_manually, timezone, data::text AS data, _start, _end, _raster, created,"
            + " modified";

    /**
     * The allocation columns plus {@code in_group}: whether another allocation of the same resource
     * shares the group, answered in the same statement so that asking it per allocation costs nothing.
     *
     * @param table the name or alias of the allocations table in the FROM clause
     * @return the select list
     */
    static String allocationColumns(String table) {
        return ALLOCATION_COLUMNS.replaceAll("(^|, )(?!data::)([a-z_\"]+)", "$1" + table + ".$2")
                .replace("data::text", table + ".data::text")
                + ", EXISTS (SELECT 1 FROM allocations sibling WHERE sibling.resource = " + table + ".resource"
                + " AND sibling.\"group\" = " + table + ".\"group\" AND sibling.id <> " + table + ".id) AS in_group";
    }

    static final String SLOT_COLUMNS = "resource, start, \"end\", allocation_id, source_type::text AS source_type,"
            + " reservation_token, source_id, created, modified";

    static final String RESERVATION_COLUMNS = "id, token, target, target_type::text AS target_type, type, resource,"
            + " start, \"end\", timezone, status::text AS status, data::text AS data, email, session_id, quota,"
            + " created, modified";

    static final String BLOCKER_COLUMNS = "id, token, target, target_type::text AS target_type, resource, start,"
            + " \"end\", timezone, reason, created, modified";

    private Rows() {
    }

    /** Maps allocation rows, handing each row's {@code in_group} to a listener. */
    static RowMapper<Allocation> allocations(JsonData json, GroupListener groups) {
        RowMapper<Allocation> plain = allocations(json);
        return (rs, ctx) -> {
            Allocation allocation = plain.map(rs, ctx);
            groups.seen(allocation.resource(), allocation.group(), rs.getBoolean("in_group"));
            return allocation;
        };
    }

    /** Learns the group membership of allocations as they are read. */
    interface GroupListener {
        void seen(UUID resource, UUID group, boolean inGroup);
    }

    static RowMapper<Allocation> allocations(JsonData json) {
        return (rs, ctx) -> Allocation.builder()
                .id(rs.getInt("id"))
                .resource(uuid(rs, "resource"))
                .type(rs.getString("type"))
                .mirrorOf(uuid(rs, "mirror_of"))
                .group(uuid(rs, "group"))
                .quota(rs.getInt("quota"))
                .quotaLimit(rs.getInt("quota_limit"))
                .partlyAvailable(rs.getBoolean("partly_available"))
                .approveManually(rs.getBoolean("approve_manually"))
                .timezone(rs.getString("timezone"))
                .data(json.read(rs.getString("data")))
                .start(instant(rs, "_start"))
                .end(instant(rs, "_end"))
                .raster(Raster.ofMinutes(rs.getInt("_raster")))
                .created(instant(rs, "created"))
                .modified(instant(rs, "modified"))
                .build();
    }

    static RowMapper<ReservedSlot> slots() {
        return (rs, ctx) -> new ReservedSlot(uuid(rs, "resource"), instant(rs, "start"), instant(rs, "end"),
                rs.getInt("allocation_id"), SlotSource.fromDbValue(rs.getString("source_type")),
                uuid(rs, "reservation_token"), rs.getInt("source_id"), instant(rs, "created"),
                instant(rs, "modified"));
    }

    static RowMapper<Reservation> reservations(JsonData json) {
        return (rs, ctx) -> Reservation.builder()
                .id(rs.getInt("id"))
                .token(uuid(rs, "token"))
                .target(uuid(rs, "target"))
                .targetType(TargetType.fromDbValue(rs.getString("target_type")))
                .type(rs.getString("type"))
                .resource(uuid(rs, "resource"))
                .start(instant(rs, "start"))
                .end(instant(rs, "end"))
                .timezone(rs.getString("timezone"))
                .status(ReservationStatus.fromDbValue(rs.getString("status")))
                .data(json.read(rs.getString("data")))
                .email(rs.getString("email"))
                .sessionId(uuid(rs, "session_id"))
                .quota(rs.getInt("quota"))
                .created(instant(rs, "created"))
                .modified(instant(rs, "modified"))
                .build();
    }

    static RowMapper<ReservationBlocker> blockers() {
        return (rs, ctx) -> new ReservationBlocker(rs.getInt("id"), uuid(rs, "token"), uuid(rs, "target"),
                TargetType.fromDbValue(rs.getString("target_type")), uuid(rs, "resource"), instant(rs, "start"),
                instant(rs, "end"), rs.getString("timezone"), rs.getString("reason"), instant(rs, "created"),
                instant(rs, "modified"));
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Binds.instant(rs.getObject(column, LocalDateTime.class));
    }
}
