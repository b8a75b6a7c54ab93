package io.libres.jooq.internal;

import static io.libres.jooq.internal.schema.Tables.ALLOCATIONS;
import static io.libres.jooq.internal.schema.Tables.RESERVATIONS;
import static io.libres.jooq.internal.schema.Tables.RESERVATION_BLOCKERS;
import static io.libres.jooq.internal.schema.Tables.RESERVED_SLOTS;

import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.ReservationStatus;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.db.models.TargetType;
import io.libres.jooq.internal.schema.enums.ReservationBlockerTargetType;
import io.libres.jooq.internal.schema.enums.ReservationTargetType;
import io.libres.jooq.internal.schema.enums.ReservedSlotSourceType;
import io.libres.time.Raster;
import org.jooq.Record;
import org.jooq.RecordMapper;

/**
 * From the records of the four libres tables to the core's models and back for the enum columns:
 * the generated enums carry libres' literals, the core's enums their {@code dbValue}.
 */
final class Rows {

    private Rows() {
    }

    static RecordMapper<Record, Allocation> allocations(JsonData json) {
        return r -> Allocation.builder()
                .id(r.get(ALLOCATIONS.ID))
                .resource(r.get(ALLOCATIONS.RESOURCE))
                .type(r.get(ALLOCATIONS.TYPE))
                .mirrorOf(r.get(ALLOCATIONS.MIRROR_OF))
                .group(r.get(ALLOCATIONS.GROUP))
                .quota(r.get(ALLOCATIONS.QUOTA))
                .quotaLimit(r.get(ALLOCATIONS.QUOTA_LIMIT))
                .partlyAvailable(r.get(ALLOCATIONS.PARTLY_AVAILABLE))
                .approveManually(r.get(ALLOCATIONS.APPROVE_MANUALLY))
                .timezone(r.get(ALLOCATIONS.TIMEZONE))
                .data(json.read(r.get(ALLOCATIONS.DATA)))
                .start(Times.instant(r.get(ALLOCATIONS._START)))
                .end(Times.instant(r.get(ALLOCATIONS._END)))
                .raster(Raster.ofMinutes(r.get(ALLOCATIONS._RASTER)))
                .created(Times.instant(r.get(ALLOCATIONS.CREATED)))
                .modified(Times.instant(r.get(ALLOCATIONS.MODIFIED)))
                .buildAsStored();
    }

    static RecordMapper<Record, ReservedSlot> slots() {
        return r -> new ReservedSlot(r.get(RESERVED_SLOTS.RESOURCE), Times.instant(r.get(RESERVED_SLOTS.START)),
                Times.instant(r.get(RESERVED_SLOTS.END)), r.get(RESERVED_SLOTS.ALLOCATION_ID),
                SlotSource.fromDbValue(r.get(RESERVED_SLOTS.SOURCE_TYPE).getLiteral()),
                r.get(RESERVED_SLOTS.RESERVATION_TOKEN), r.get(RESERVED_SLOTS.SOURCE_ID),
                Times.instant(r.get(RESERVED_SLOTS.CREATED)), Times.instant(r.get(RESERVED_SLOTS.MODIFIED)));
    }

    static RecordMapper<Record, Reservation> reservations(JsonData json) {
        return r -> Reservation.builder()
                .id(r.get(RESERVATIONS.ID))
                .token(r.get(RESERVATIONS.TOKEN))
                .target(r.get(RESERVATIONS.TARGET))
                .targetType(TargetType.fromDbValue(r.get(RESERVATIONS.TARGET_TYPE).getLiteral()))
                .type(r.get(RESERVATIONS.TYPE))
                .resource(r.get(RESERVATIONS.RESOURCE))
                .start(Times.instant(r.get(RESERVATIONS.START)))
                .end(Times.instant(r.get(RESERVATIONS.END)))
                .timezone(r.get(RESERVATIONS.TIMEZONE))
                .status(ReservationStatus.fromDbValue(r.get(RESERVATIONS.STATUS).getLiteral()))
                .data(json.read(r.get(RESERVATIONS.DATA)))
                .email(r.get(RESERVATIONS.EMAIL))
                .sessionId(r.get(RESERVATIONS.SESSION_ID))
                .quota(r.get(RESERVATIONS.QUOTA))
                .created(Times.instant(r.get(RESERVATIONS.CREATED)))
                .modified(Times.instant(r.get(RESERVATIONS.MODIFIED)))
                .build();
    }

    static RecordMapper<Record, ReservationBlocker> blockers() {
        return r -> new ReservationBlocker(r.get(RESERVATION_BLOCKERS.ID), r.get(RESERVATION_BLOCKERS.TOKEN),
                r.get(RESERVATION_BLOCKERS.TARGET),
                TargetType.fromDbValue(r.get(RESERVATION_BLOCKERS.TARGET_TYPE).getLiteral()),
                r.get(RESERVATION_BLOCKERS.RESOURCE), Times.instant(r.get(RESERVATION_BLOCKERS.START)),
                Times.instant(r.get(RESERVATION_BLOCKERS.END)), r.get(RESERVATION_BLOCKERS.TIMEZONE),
                r.get(RESERVATION_BLOCKERS.REASON), Times.instant(r.get(RESERVATION_BLOCKERS.CREATED)),
                Times.instant(r.get(RESERVATION_BLOCKERS.MODIFIED)));
    }

    static ReservedSlotSourceType source(SlotSource source) {
        return source == null ? null : ReservedSlotSourceType.lookupLiteral(source.dbValue());
    }

    static ReservationTargetType reservationTarget(TargetType type) {
        return type == null ? null : ReservationTargetType.lookupLiteral(type.dbValue());
    }

    static ReservationBlockerTargetType blockerTarget(TargetType type) {
        return type == null ? null : ReservationBlockerTargetType.lookupLiteral(type.dbValue());
    }

    static io.libres.jooq.internal.schema.enums.ReservationStatus status(ReservationStatus status) {
        return status == null ? null
                : io.libres.jooq.internal.schema.enums.ReservationStatus.lookupLiteral(status.dbValue());
    }
}
