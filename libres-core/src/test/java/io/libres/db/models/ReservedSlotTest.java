package io.libres.db.models;

import io.libres.time.Raster;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReservedSlotTest {

    @Test
    @DisplayName("display start and end are rastered, in the given zone, the end exclusive")
    void display() {
        ReservedSlot slot = new ReservedSlot(UUID.randomUUID(), Instant.parse("2015-02-05T10:00:00Z"),
                Instant.parse("2015-02-05T12:00:00Z"), 1, SlotSource.RESERVATION, UUID.randomUUID(), 1, null, null);
        ZoneId zurich = ZoneId.of("Europe/Zurich");
        assertThat(slot.displayStart(zurich, Raster.FIVE).toLocalDateTime()).isEqualTo(LocalDateTime.of(2015, 2, 5, 11, 0));
        assertThat(slot.displayEnd(zurich, Raster.FIVE).toLocalDateTime()).isEqualTo(LocalDateTime.of(2015, 2, 5, 13, 0));
        assertThat(slot.timespan()).isEqualTo(new Timespan(slot.start(), slot.end()));
        assertThat(slot.createdAt()).isEmpty();
    }

    @Test
    @DisplayName("the enums read and write the schema's values")
    void enums() {
        for (SlotSource s : SlotSource.values()) {
            assertThat(SlotSource.fromDbValue(s.dbValue())).isEqualTo(s);
        }
        for (TargetType t : TargetType.values()) {
            assertThat(TargetType.fromDbValue(t.dbValue())).isEqualTo(t);
        }
        for (ReservationStatus r : ReservationStatus.values()) {
            assertThat(ReservationStatus.fromDbValue(r.dbValue())).isEqualTo(r);
        }
        assertThat(SlotSource.BLOCKER.dbValue()).isEqualTo("blocker");
        assertThat(TargetType.GROUP.dbValue()).isEqualTo("group");
        assertThat(ReservationStatus.PENDING.dbValue()).isEqualTo("pending");
    }
}
