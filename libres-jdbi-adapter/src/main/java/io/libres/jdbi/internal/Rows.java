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
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The columns of the four libres tables and the mappers from their rows to the core's models. */
final class Rows {

    private static final List<String> ALLOCATION_COLUMN_NAMES = List.of("id", "resource", "type", "mirror_of",
            "\"group\"", "quota", "quota_limit", "partly_available", "approve_manually", "timezone", "data", "_start",
            "_end", "_raster", "created", "modified");

    static final String ALLOCATION_COLUMNS = allocationColumns(null);

    /** The allocation columns, qualified with a table name or alias unless it is null. */
    static String allocationColumns(String table) {
        String prefix = table == null ? "" : table + ".";
        return ALLOCATION_COLUMN_NAMES.stream()
                .map(column -> column.equals("data") ? prefix + "data::text AS data" : prefix + column)
                .collect(Collectors.joining(", "));
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
                .buildAsStored();
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
