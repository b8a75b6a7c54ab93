package io.libres.db.models;

import io.libres.errors.InvalidAllocationError;
import io.libres.time.Raster;
import io.libres.time.Rasterizer;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllocationTest {

    private static final UUID RESOURCE = UUID.randomUUID();

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    static Allocation allocation(String start, String end, Raster raster, boolean partly, String zone) {
        Timespan span = Rasterizer.rasterizeSpan(new Timespan(at(start), at(end)), raster);
        return Allocation.builder().id(1).resource(RESOURCE).mirrorOf(RESOURCE).group(UUID.randomUUID())
                .raster(raster).partlyAvailable(partly).timezone(zone).timespan(span).build();
    }

    static List<ReservedSlot> reserve(Allocation allocation, String start, String end, SlotSource source) {
        List<ReservedSlot> slots = new ArrayList<>();
        for (Timespan slot : allocation.allSlots()) {
            if (slot.start().isBefore(at(start))) {
                continue;
            }
            if (!slot.start().isBefore(at(end)) || slot.end().isAfter(at(end))) {
                break;
            }
            slots.add(ReservedSlot.of(allocation, slot, source, UUID.randomUUID(), 1));
        }
        return slots;
    }

    @Test
    @DisplayName("start and end are rastered; overlaps and contains raster the request")
    void dateFunctions() {
        Allocation a = allocation("2011-01-01T12:30:00Z", "2011-01-01T14:00:00Z", Raster.SIXTY, false, "UTC");
        assertThat(a.start()).isEqualTo(at("2011-01-01T12:00:00Z"));
        assertThat(a.end()).isEqualTo(at("2011-01-01T13:59:59.999999Z"));
        Timespan before = new Timespan(at("2011-01-01T11:00:00Z"), at("2011-01-01T12:05:00Z"));
        assertThat(a.overlaps(before)).isTrue();
        assertThat(a.contains(before)).isFalse();
        Timespan after = new Timespan(at("2011-01-01T13:00:00Z"), at("2011-01-01T15:00:00Z"));
        assertThat(a.overlaps(after)).isTrue();
        assertThat(a.contains(after)).isFalse();
        assertThat(a.contains(new Timespan(at("2011-01-01T12:00:00Z"), at("2011-01-01T14:00:00Z")))).isTrue();
    }

    @Test
    @DisplayName("a whole day is relative to the allocation's zone")
    void wholeDay() {
        assertThat(allocation("2013-01-01T23:00:00Z", "2013-01-02T23:00:00Z", Raster.FIFTEEN, false, "Europe/Zurich").wholeDay()).isTrue();
        assertThat(allocation("2013-01-01T23:00:00Z", "2013-01-02T23:00:00Z", Raster.FIFTEEN, false, "UTC").wholeDay()).isFalse();
        assertThat(allocation("2013-01-01T15:00:00Z", "2013-01-01T16:00:00Z", Raster.FIFTEEN, false, "Europe/Zurich").wholeDay()).isFalse();
    }

    @Test
    @DisplayName("display start and end are in the allocation's zone, the end exclusive")
    void display() {
        Allocation a = allocation("2015-02-05T10:00:00Z", "2015-02-05T12:00:00Z", Raster.FIVE, false, "Europe/Zurich");
        assertThat(a.displayStart().toLocalTime()).isEqualTo(LocalTime.of(11, 0));
        assertThat(a.displayEnd().toLocalTime()).isEqualTo(LocalTime.of(13, 0));
    }

    @Test
    @DisplayName("a partly available allocation has one slot per raster, others exactly one")
    void slots() {
        Allocation partly = allocation("2011-01-01T15:00:00Z", "2011-01-01T16:00:00Z", Raster.FIFTEEN, true, "UTC");
        assertThat(partly.allSlots()).hasSize(4);
        assertThat(partly.countSlots()).isEqualTo(4);
        assertThat(partly.countSlots(new Timespan(at("2011-01-01T15:30:00Z"), at("2011-01-01T17:00:00Z")))).isEqualTo(2);
        Allocation whole = allocation("2011-01-01T08:00:00Z", "2011-01-01T18:00:00Z", Raster.FIVE, false, "UTC");
        assertThat(whole.allSlots()).containsExactly(whole.timespan());
        assertThat(whole.countSlots()).isEqualTo(1);
    }

    @Test
    @DisplayName("free slots and availability follow the reserved slots")
    void availability() {
        Allocation a = allocation("2011-01-01T15:00:00Z", "2011-01-01T16:00:00Z", Raster.FIFTEEN, true, "UTC");
        List<ReservedSlot> reserved = reserve(a, "2011-01-01T15:00:00Z", "2011-01-01T15:30:00Z", SlotSource.RESERVATION);
        assertThat(a.freeSlots(reserved, null)).extracting(Timespan::start)
                .containsExactly(at("2011-01-01T15:30:00Z"), at("2011-01-01T15:45:00Z"));
        assertThat(a.availability(reserved)).isEqualTo(50.0);
        assertThat(a.isAvailable(reserved, new Timespan(at("2011-01-01T15:30:00Z"), at("2011-01-01T16:00:00Z")))).isTrue();
        assertThat(a.isAvailable(reserved, null)).isFalse();
        assertThat(a.availability(List.of())).isEqualTo(100.0);
    }

    @Test
    @DisplayName("blocked slots are neither free nor reserved in the availability")
    void blockedAvailability() {
        Allocation a = allocation("2022-09-29T22:00:00Z", "2022-09-30T02:00:00Z", Raster.FIFTEEN, true, "Europe/Zurich");
        List<ReservedSlot> blocked = reserve(a, "2022-09-29T23:00:00Z", "2022-09-30T00:00:00Z", SlotSource.BLOCKER);
        assertThat(a.availabilityPartitions(blocked, true)).containsExactly(
                new Partition(25.0, false), new Partition(25.0, true), new Partition(50.0, false));
        assertThat(a.availability(blocked)).isEqualTo(100.0);
        assertThat(a.normalizedAvailability(blocked)).isEqualTo(100.0);
        assertThat(a.availability(reserve(a, "2022-09-29T22:00:00Z", "2022-09-30T02:00:00Z", SlotSource.BLOCKER))).isZero();
    }

    @Nested
    @DisplayName("availability partitions across daylight-saving changes")
    class Partitions {

        @Test
        @DisplayName("an ordinary day gives the same partitions either way")
        void ordinaryDay() {
            Allocation a = allocation("2022-09-29T22:00:00Z", "2022-09-30T02:00:00Z", Raster.FIFTEEN, true, "Europe/Zurich");
            assertThat(a.availabilityPartitions(List.of(), true)).containsExactly(new Partition(100.0, false));
            List<ReservedSlot> r = reserve(a, "2022-09-29T23:00:00Z", "2022-09-30T00:00:00Z", SlotSource.RESERVATION);
            List<Partition> expected = List.of(new Partition(25.0, false), new Partition(25.0, true), new Partition(50.0, false));
            assertThat(a.availabilityPartitions(r, true)).isEqualTo(expected);
            assertThat(a.availabilityPartitions(r, false)).isEqualTo(expected);
            assertThat(a.availability(r)).isEqualTo(75.0);
            assertThat(a.normalizedAvailability(r)).isEqualTo(75.0);
        }

        @Test
        @DisplayName("fall back: the repeated hour is left out when normalised")
        void fallBack() {
            Allocation a = allocation("2022-10-29T22:00:00Z", "2022-10-30T03:00:00Z", Raster.FIFTEEN, true, "Europe/Zurich");
            assertThat(a.availabilityPartitions(List.of(), true)).containsExactly(new Partition(100.0, false));
            List<ReservedSlot> r = reserve(a, "2022-10-29T23:00:00Z", "2022-10-30T00:00:00Z", SlotSource.RESERVATION);
            assertThat(a.availabilityPartitions(r, true)).containsExactly(
                    new Partition(25.0, false), new Partition(25.0, true), new Partition(50.0, false));
            assertThat(a.normalizedAvailability(r)).isEqualTo(75.0);
            assertThat(a.availabilityPartitions(r, false)).containsExactly(
                    new Partition(20.0, false), new Partition(20.0, true), new Partition(60.0, false));
            assertThat(a.availability(r)).isEqualTo(80.0);
        }

        @Test
        @DisplayName("fall back, starting inside the repeated hour")
        void fallBackStartingInRepeatedHour() {
            Allocation a = allocation("2022-10-30T00:40:00Z", "2022-10-30T23:00:00Z", Raster.FIVE, true, "Europe/Zurich");
            assertThat(a.availabilityPartitions(List.of(), true)).containsExactly(new Partition(100.0, false));
            List<ReservedSlot> r = reserve(a, "2022-10-30T07:00:00Z", "2022-10-30T12:20:00Z", SlotSource.RESERVATION);
            assertThat(a.availabilityPartitions(r, true)).containsExactly(
                    new Partition(25.0, false), new Partition(25.0, true), new Partition(50.0, false));
            assertThat(a.normalizedAvailability(r)).isEqualTo(75.0);
        }

        @Test
        @DisplayName("spring forward: the missing hour shows as reserved when normalised")
        void springForward() {
            Allocation a = allocation("2022-03-26T23:00:00Z", "2022-03-27T03:00:00Z", Raster.FIFTEEN, true, "Europe/Zurich");
            assertThat(a.availabilityPartitions(List.of(), true)).containsExactly(
                    new Partition(40.0, false), new Partition(20.0, true), new Partition(40.0, false));
            assertThat(a.normalizedAvailability(List.of())).isEqualTo(80.0);
            assertThat(a.availabilityPartitions(List.of(), false)).containsExactly(new Partition(100.0, false));
            assertThat(a.availability(List.of())).isEqualTo(100.0);
            List<ReservedSlot> r = reserve(a, "2022-03-27T01:00:00Z", "2022-03-27T02:00:00Z", SlotSource.RESERVATION);
            assertThat(a.availabilityPartitions(r, true)).containsExactly(
                    new Partition(40.0, false), new Partition(40.0, true), new Partition(20.0, false));
            assertThat(a.normalizedAvailability(r)).isEqualTo(60.0);
            assertThat(a.availabilityPartitions(r, false)).containsExactly(
                    new Partition(50.0, false), new Partition(25.0, true), new Partition(25.0, false));
            assertThat(a.availability(r)).isEqualTo(75.0);
        }
    }

    @Nested
    @DisplayName("limit timespan")
    class LimitTimespan {

        @Test
        @DisplayName("an allocation that is not partly available always gives itself")
        void notPartly() {
            Allocation a = allocation("2014-01-01T08:00:00Z", "2014-01-01T09:00:00Z", Raster.FIFTEEN, false, "UTC");
            Timespan itself = new Timespan(a.start(), a.displayEnd().toInstant());
            assertThat(a.limitTimespan(LocalTime.of(8, 0), LocalTime.of(9, 0))).isEqualTo(itself);
            assertThat(a.limitTimespan(LocalTime.of(7, 0), LocalTime.of(10, 0))).isEqualTo(itself);
        }

        @Test
        @DisplayName("a partly available allocation clamps and rasters the times")
        void partly() {
            Allocation a = allocation("2014-01-01T08:00:00Z", "2014-01-01T09:00:00Z", Raster.FIFTEEN, true, "UTC");
            Timespan itself = new Timespan(a.start(), a.displayEnd().toInstant());
            assertThat(a.limitTimespan(LocalTime.of(7, 0), LocalTime.of(10, 0))).isEqualTo(itself);
            assertThat(a.limitTimespan(LocalTime.of(8, 30), LocalTime.of(10, 0)))
                    .isEqualTo(new Timespan(at("2014-01-01T08:30:00Z"), at("2014-01-01T09:00:00Z")));
            assertThat(a.limitTimespan(LocalTime.of(8, 30), LocalTime.of(8, 40)))
                    .isEqualTo(new Timespan(at("2014-01-01T08:30:00Z"), at("2014-01-01T08:45:00Z")));
            assertThat(a.limitTimespan(LocalTime.of(8, 30), LocalTime.of(0, 0)))
                    .isEqualTo(new Timespan(at("2014-01-01T08:30:00Z"), at("2014-01-01T09:00:00Z")));
        }

        @Test
        @DisplayName("whole-day allocations work too")
        void wholeDay() {
            Allocation a = allocation("2014-01-01T00:00:00Z", "2014-01-02T00:00:00Z", Raster.FIFTEEN, true, "UTC");
            assertThat(a.wholeDay()).isTrue();
            assertThat(a.limitTimespan(LocalTime.of(0, 0), LocalTime.of(0, 0)))
                    .isEqualTo(new Timespan(at("2014-01-01T00:00:00Z"), at("2014-01-01T00:00:00Z")));
            assertThat(a.limitTimespan(LocalTime.of(8, 30), LocalTime.of(0, 0)))
                    .isEqualTo(new Timespan(at("2014-01-01T08:30:00Z"), at("2014-01-02T00:00:00Z")));
        }
    }

    @Test
    @DisplayName("a copy is transient and equal by resource and start")
    void copy() {
        Allocation a = allocation("2014-01-01T08:00:00Z", "2014-01-01T09:00:00Z", Raster.FIFTEEN, true, "UTC");
        Allocation copy = a.copy();
        assertThat(copy.isTransient()).isTrue();
        assertThat(a.isTransient()).isFalse();
        assertThat(copy).isEqualTo(a);
        assertThat(copy.id()).isEmpty();
        assertThatThrownBy(copy::requireId).isInstanceOf(InvalidAllocationError.class).hasMessageContaining("not stored");
    }

    @Test
    @DisplayName("building without a resource or with a quota of zero is a typed error")
    void invalidBuild() {
        assertThatThrownBy(() -> Allocation.builder().mirrorOf(RESOURCE).group(RESOURCE)
                .start(Instant.EPOCH).end(Instant.EPOCH).build())
                .isInstanceOf(InvalidAllocationError.class).hasMessageContaining("resource");
        assertThatThrownBy(() -> allocation("2014-01-01T08:00:00Z", "2014-01-01T09:00:00Z", Raster.FIVE, false, "UTC")
                .toBuilder().quota(0).build())
                .isInstanceOf(InvalidAllocationError.class).hasMessageContaining("quota of 0");
    }

    @Nested
    @DisplayName("the builder rasters start and end as libres' setters do")
    class BuilderRasters {

        private Allocation.Builder draft(Raster raster) {
            return Allocation.builder().resource(RESOURCE).mirrorOf(RESOURCE).group(UUID.randomUUID()).raster(raster);
        }

        @Test
        @DisplayName("the start snaps down, the end up to its slot's stored end, for every raster")
        void everyRaster() {
            for (Raster raster : Raster.values()) {
                Allocation built = draft(raster).start(at("2015-02-06T10:07:30Z")).end(at("2015-02-06T11:03:00Z")).build();
                assertThat(built.timespan()).as("raster %s", raster).isEqualTo(
                        Rasterizer.rasterizeSpan(new Timespan(at("2015-02-06T10:07:30Z"), at("2015-02-06T11:03:00Z")), raster));
                assertThat(built.toBuilder().build().timespan()).as("rastering again changes nothing")
                        .isEqualTo(built.timespan());
            }
            assertThat(draft(Raster.FIFTEEN).start(at("2015-02-06T10:07:00Z")).end(at("2015-02-06T11:03:00Z")).build()
                    .timespan()).isEqualTo(new Timespan(at("2015-02-06T10:00:00Z"), at("2015-02-06T11:14:59.999999Z")));
        }

        @Test
        @DisplayName("an exclusive end and its stored form give the same allocation")
        void exclusiveOrStoredEnd() {
            Allocation exclusive = draft(Raster.SIXTY).start(at("2015-02-06T10:00:00Z")).end(at("2015-02-06T11:00:00Z")).build();
            Allocation stored = draft(Raster.SIXTY).start(at("2015-02-06T10:00:00Z"))
                    .end(at("2015-02-06T10:59:59.999999Z")).build();
            assertThat(exclusive.end()).isEqualTo(stored.end()).isEqualTo(at("2015-02-06T10:59:59.999999Z"));
        }

        @Test
        @DisplayName("buildAsStored keeps the values as a storage read them")
        void asStored() {
            Allocation row = draft(Raster.THIRTY).start(at("2015-02-06T10:15:00Z")).end(at("2015-02-06T10:44:59.999999Z"))
                    .buildAsStored();
            assertThat(row.timespan()).isEqualTo(new Timespan(at("2015-02-06T10:15:00Z"), at("2015-02-06T10:44:59.999999Z")));
            assertThat(row.toBuilder().build().timespan())
                    .isEqualTo(new Timespan(at("2015-02-06T10:00:00Z"), at("2015-02-06T10:59:59.999999Z")));
        }
    }
}
