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
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.Row;

/**
 * From the records of the four libres tables to the core's models and back for the enum columns:
 * the generated enums carry libres' literals, the core's enums their {@code dbValue}.
 */
final class Rows {

    private Rows() {
    }

    /**
     * The records' values by position: the position of each column is found once per record shape
     * (every record of one result shares its row of fields) by the field itself, or, for a table
     * read through an alias or a CTE, by its name; then each value is one array read. Looking every
     * value up by field ({@code Record.get(Field)} compares fields, tables and schemas) or copying an
     * aliased record into the table's ({@code into(table)}) was most of the mapping's cost.
     */
    private static final class Columns {

        private final Field<?>[] columns;
        /** The last shape and its positions, replaced as a whole: safe to share between threads. */
        private volatile Shape last;

        Columns(Field<?>... columns) {
            this.columns = columns;
        }

        /**
         * Positions of the columns in records of this record's shape. The shape is known by the
         * identity of its first and last fields and its size, which {@code Record.field(int)} gives
         * without allocating ({@code Record.fieldsRow()} builds a new row on every call).
         */
        int[] in(Record r) {
            int size = r.size();
            Field<?> first = r.field(0);
            Field<?> lastField = r.field(size - 1);
            Shape shape = last;
            if (shape == null || shape.size != size || shape.first != first || shape.lastField != lastField) {
                Row row = r.fieldsRow();
                int[] at = new int[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    int index = row.indexOf(columns[i]);
                    at[i] = index >= 0 ? index : row.indexOf(columns[i].getName());
                    if (at[i] < 0) {
                        throw new IllegalStateException("the record has no column " + columns[i].getName() + ": " + row);
                    }
                }
                shape = new Shape(size, first, lastField, at);
                last = shape;
            }
            return shape.at;
        }

        private static final class Shape {
            final int size;
            final Field<?> first;
            final Field<?> lastField;
            final int[] at;

            Shape(int size, Field<?> first, Field<?> lastField, int[] at) {
                this.size = size;
                this.first = first;
                this.lastField = lastField;
                this.at = at;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T value(Record r, int[] at, int column) {
        return (T) r.get(at[column]);
    }

    private static final Columns ALLOCATION_COLUMNS = new Columns(ALLOCATIONS.ID, ALLOCATIONS.RESOURCE,
            ALLOCATIONS.TYPE, ALLOCATIONS.MIRROR_OF, ALLOCATIONS.GROUP, ALLOCATIONS.QUOTA, ALLOCATIONS.QUOTA_LIMIT,
            ALLOCATIONS.PARTLY_AVAILABLE, ALLOCATIONS.APPROVE_MANUALLY, ALLOCATIONS.TIMEZONE, ALLOCATIONS.DATA,
            ALLOCATIONS._START, ALLOCATIONS._END, ALLOCATIONS._RASTER, ALLOCATIONS.CREATED, ALLOCATIONS.MODIFIED);

    /**
     * Maps records holding the columns of {@code allocations}, under their own or an alias's name.
     *
     * @param json the mapping of the data column
     * @return the mapper; it may be shared
     */
    static RecordMapper<Record, Allocation> allocations(JsonData json) {
        return r -> {
            int[] at = ALLOCATION_COLUMNS.in(r);
            return Allocation.builder()
                    .id(value(r, at, 0))
                    .resource(value(r, at, 1))
                    .type(value(r, at, 2))
                    .mirrorOf(value(r, at, 3))
                    .group(value(r, at, 4))
                    .quota(value(r, at, 5))
                    .quotaLimit(value(r, at, 6))
                    .partlyAvailable(value(r, at, 7))
                    .approveManually(value(r, at, 8))
                    .timezone(value(r, at, 9))
                    .data(json.read(value(r, at, 10)))
                    .start(Times.instant(value(r, at, 11)))
                    .end(Times.instant(value(r, at, 12)))
                    .raster(Raster.ofMinutes(value(r, at, 13)))
                    .created(Times.instant(value(r, at, 14)))
                    .modified(Times.instant(value(r, at, 15)))
                    .buildAsStored();
        };
    }

    private static final Columns SLOT_COLUMNS = new Columns(RESERVED_SLOTS.RESOURCE, RESERVED_SLOTS.START,
            RESERVED_SLOTS.END, RESERVED_SLOTS.ALLOCATION_ID, RESERVED_SLOTS.SOURCE_TYPE,
            RESERVED_SLOTS.RESERVATION_TOKEN, RESERVED_SLOTS.SOURCE_ID, RESERVED_SLOTS.CREATED,
            RESERVED_SLOTS.MODIFIED);

    /**
     * Maps records holding the columns of {@code reserved_slots}.
     *
     * @return the mapper; it may be shared
     */
    static RecordMapper<Record, ReservedSlot> slots() {
        return r -> {
            int[] at = SLOT_COLUMNS.in(r);
            ReservedSlotSourceType source = value(r, at, 4);
            return new ReservedSlot(value(r, at, 0), Times.instant(value(r, at, 1)), Times.instant(value(r, at, 2)),
                    value(r, at, 3), SlotSource.fromDbValue(source.getLiteral()), value(r, at, 5), value(r, at, 6),
                    Times.instant(value(r, at, 7)), Times.instant(value(r, at, 8)));
        };
    }

    private static final Columns RESERVATION_COLUMNS = new Columns(RESERVATIONS.ID, RESERVATIONS.TOKEN,
            RESERVATIONS.TARGET, RESERVATIONS.TARGET_TYPE, RESERVATIONS.TYPE, RESERVATIONS.RESOURCE,
            RESERVATIONS.START, RESERVATIONS.END, RESERVATIONS.TIMEZONE, RESERVATIONS.STATUS, RESERVATIONS.DATA,
            RESERVATIONS.EMAIL, RESERVATIONS.SESSION_ID, RESERVATIONS.QUOTA, RESERVATIONS.CREATED,
            RESERVATIONS.MODIFIED);

    /**
     * Maps records holding the columns of {@code reservations}.
     *
     * @param json the mapping of the data column
     * @return the mapper; it may be shared
     */
    static RecordMapper<Record, Reservation> reservations(JsonData json) {
        return r -> {
            int[] at = RESERVATION_COLUMNS.in(r);
            ReservationTargetType targetType = value(r, at, 3);
            io.libres.jooq.internal.schema.enums.ReservationStatus status = value(r, at, 9);
            return Reservation.builder()
                    .id(value(r, at, 0))
                    .token(value(r, at, 1))
                    .target(value(r, at, 2))
                    .targetType(TargetType.fromDbValue(targetType.getLiteral()))
                    .type(value(r, at, 4))
                    .resource(value(r, at, 5))
                    .start(Times.instant(value(r, at, 6)))
                    .end(Times.instant(value(r, at, 7)))
                    .timezone(value(r, at, 8))
                    .status(ReservationStatus.fromDbValue(status.getLiteral()))
                    .data(json.read(value(r, at, 10)))
                    .email(value(r, at, 11))
                    .sessionId(value(r, at, 12))
                    .quota(value(r, at, 13))
                    .created(Times.instant(value(r, at, 14)))
                    .modified(Times.instant(value(r, at, 15)))
                    .build();
        };
    }

    private static final Columns BLOCKER_COLUMNS = new Columns(RESERVATION_BLOCKERS.ID, RESERVATION_BLOCKERS.TOKEN,
            RESERVATION_BLOCKERS.TARGET, RESERVATION_BLOCKERS.TARGET_TYPE, RESERVATION_BLOCKERS.RESOURCE,
            RESERVATION_BLOCKERS.START, RESERVATION_BLOCKERS.END, RESERVATION_BLOCKERS.TIMEZONE,
            RESERVATION_BLOCKERS.REASON, RESERVATION_BLOCKERS.CREATED, RESERVATION_BLOCKERS.MODIFIED);

    /**
     * Maps records holding the columns of {@code reservation_blockers}.
     *
     * @return the mapper; it may be shared
     */
    static RecordMapper<Record, ReservationBlocker> blockers() {
        return r -> {
            int[] at = BLOCKER_COLUMNS.in(r);
            ReservationBlockerTargetType targetType = value(r, at, 3);
            return new ReservationBlocker(value(r, at, 0), value(r, at, 1), value(r, at, 2),
                    TargetType.fromDbValue(targetType.getLiteral()), value(r, at, 4), Times.instant(value(r, at, 5)),
                    Times.instant(value(r, at, 6)), value(r, at, 7), value(r, at, 8), Times.instant(value(r, at, 9)),
                    Times.instant(value(r, at, 10)));
        };
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
