package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.AvailabilityCell;
import io.libres.db.AvailabilityMatrix;
import io.libres.db.DayAvailability;
import io.libres.db.Exposure;
import io.libres.db.FreeSlot;
import io.libres.db.FreeSlotQuery;
import io.libres.db.Scheduler;
import io.libres.db.Schedulers;
import io.libres.db.models.Allocation;
import io.libres.errors.InvalidArgument;
import io.libres.errors.InvalidDateRange;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Free slots and availability matrices across several schedulers. */
public abstract class FreeTimeBehaviour extends Behaviour {

    private static final String EMAIL = "test@example.org";
    /** A Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2024, 5, 6);
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected FreeTimeBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    private static AllocateOptions partly() {
        return AllocateOptions.builder().partlyAvailable(true).raster(15).build();
    }

    private static void reserve(Scheduler scheduler, DateRange dates) {
        scheduler.approveReservations(scheduler.reserve(EMAIL, dates));
    }

    private static LocalDateTime on(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute);
    }

    private static DateRange hours(LocalDate day, int fromHour, int fromMinute, int toHour, int toMinute) {
        return DateRange.of(on(day, fromHour, fromMinute), on(day, toHour, toMinute));
    }

    private Schedulers threeRooms() {
        return Schedulers.of(scheduler(), fixture().other("room-b-" + UUID.randomUUID()),
                fixture().other("room-c-" + UUID.randomUUID()));
    }

    private static FreeSlotQuery afternoon(LocalDate day) {
        return FreeSlotQuery.of(HALF_HOUR, day, day).between(LocalTime.of(12, 0), LocalTime.of(18, 0)).build();
    }

    private static List<LocalTime> starts(List<FreeSlot> slots) {
        return slots.stream().map(s -> s.start().toLocalTime()).collect(Collectors.toList());
    }

    @Test
    @DisplayName("the first free slot across three rooms is on the room that frees up first, and can be reserved")
    void firstFreeSlotAcrossRooms() {
        Schedulers rooms = threeRooms();
        for (Scheduler room : rooms.members()) {
            room.allocate(hours(MONDAY, 8, 0, 18, 0), partly());
        }
        Scheduler a = rooms.members().get(0);
        Scheduler b = rooms.members().get(1);
        Scheduler c = rooms.members().get(2);
        reserve(a, hours(MONDAY, 12, 0, 15, 0));
        reserve(b, hours(MONDAY, 11, 0, 14, 30));
        reserve(c, hours(MONDAY, 12, 0, 13, 15));
        FreeSlot first = rooms.firstFreeSlot(afternoon(MONDAY)).orElseThrow();
        assertThat(first.scheduler()).isEqualTo(c.name());
        assertThat(first.resource()).isEqualTo(c.resource());
        assertThat(first.allocation().resource()).isEqualTo(c.resource());
        assertThat(first.start()).isEqualTo(on(MONDAY, 13, 15).atZone(KitFixture.ZURICH));
        assertThat(first.end()).isEqualTo(on(MONDAY, 13, 45).atZone(KitFixture.ZURICH));
        assertThat(first.startInstant()).isEqualTo(first.start().toInstant());
        assertThat(first.endInstant()).isEqualTo(first.end().toInstant());
        assertThat(first.freeSpots()).isEqualTo(1);
        assertThat(first.isGroup()).isFalse();
        reserve(rooms.get(first.scheduler()), first.dates());
        FreeSlot next = rooms.firstFreeSlot(afternoon(MONDAY)).orElseThrow();
        assertThat(next.scheduler()).isEqualTo(c.name());
        assertThat(next.start().toLocalTime()).isEqualTo(LocalTime.of(13, 45));
        reserve(c, hours(MONDAY, 13, 45, 18, 0));
        next = rooms.firstFreeSlot(afternoon(MONDAY)).orElseThrow();
        assertThat(next.scheduler()).isEqualTo(b.name());
        assertThat(next.start().toLocalTime()).isEqualTo(LocalTime.of(14, 30));
    }

    @Test
    @DisplayName("free slots are ordered by start, then by the order of the schedulers, and bounded by the limit")
    void orderedAndLimited() {
        Schedulers rooms = threeRooms();
        for (Scheduler room : rooms.members()) {
            room.allocate(hours(MONDAY, 8, 0, 10, 0), partly());
        }
        reserve(rooms.members().get(0), hours(MONDAY, 8, 0, 9, 0));
        FreeSlotQuery all = FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY).build();
        List<FreeSlot> slots = rooms.freeSlots(all);
        // rooms b and c: 8:00 to 9:30 in steps of 15 minutes; room a: 9:00 to 9:30
        assertThat(slots).hasSize(7 + 7 + 3);
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i).startInstant()).isAfterOrEqualTo(slots.get(i - 1).startInstant());
        }
        assertThat(slots.subList(0, 2)).extracting(FreeSlot::scheduler)
                .containsExactly(rooms.names().get(1), rooms.names().get(2));
        FreeSlotQuery three = FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY).limit(3).build();
        assertThat(rooms.freeSlots(three)).containsExactlyElementsOf(slots.subList(0, 3));
        assertThat(rooms.streamFreeSlots(all).skip(5).findFirst()).contains(slots.get(5));
        assertThat(rooms.freeSlots(FreeSlotQuery.of(Duration.ofMinutes(45), MONDAY, MONDAY).build()))
                .extracting(s -> Duration.between(s.start(), s.end())).containsOnly(Duration.ofMinutes(45));
        // a length that is not a multiple of the raster is rounded up to it
        assertThat(rooms.freeSlots(FreeSlotQuery.of(Duration.ofMinutes(20), MONDAY, MONDAY).build()))
                .extracting(s -> Duration.between(s.start(), s.end())).containsOnly(Duration.ofMinutes(30));
    }

    @Test
    @DisplayName("allocations that are not partly available are offered whole, if enough of them lies in the window")
    void wholeAllocations() {
        scheduler().allocate(hours(MONDAY, 9, 0, 10, 0));
        scheduler().allocate(hours(MONDAY, 10, 0, 12, 0));
        Schedulers rooms = Schedulers.of(scheduler());
        List<FreeSlot> slots = rooms.freeSlots(FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY).build());
        assertThat(starts(slots)).containsExactly(LocalTime.of(9, 0), LocalTime.of(10, 0));
        assertThat(slots.get(1).end().toLocalTime()).isEqualTo(LocalTime.of(12, 0));
        assertThat(starts(rooms.freeSlots(FreeSlotQuery.of(Duration.ofMinutes(90), MONDAY, MONDAY).build())))
                .containsExactly(LocalTime.of(10, 0));
        assertThat(starts(rooms.freeSlots(FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY)
                .between(LocalTime.of(11, 0), LocalTime.of(13, 0)).build()))).containsExactly(LocalTime.of(10, 0));
        assertThat(rooms.freeSlots(FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY)
                .between(LocalTime.of(11, 45), LocalTime.of(13, 0)).build())).isEmpty();
        reserve(scheduler(), hours(MONDAY, 10, 0, 12, 0));
        assertThat(starts(rooms.freeSlots(FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY).build())))
                .containsExactly(LocalTime.of(9, 0));
    }

    @Test
    @DisplayName("a whole-day allocation is offered for any window of its day")
    void wholeDay() {
        LocalDate tuesday = MONDAY.plusDays(1);
        scheduler().allocate(hours(tuesday, 10, 0, 11, 0),
                AllocateOptions.builder().wholeDay(true).build());
        Schedulers rooms = Schedulers.of(scheduler());
        List<FreeSlot> slots = rooms.freeSlots(FreeSlotQuery.of(HALF_HOUR, MONDAY, tuesday)
                .between(LocalTime.of(14, 0), LocalTime.of(15, 0)).build());
        assertThat(slots).singleElement().satisfies(slot -> {
            assertThat(slot.start()).isEqualTo(tuesday.atStartOfDay(KitFixture.ZURICH));
            assertThat(slot.end()).isEqualTo(tuesday.plusDays(1).atStartOfDay(KitFixture.ZURICH));
            assertThat(slot.allocation().wholeDay()).isTrue();
        });
        assertThat(rooms.freeSlots(FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY).build())).isEmpty();
    }

    @Test
    @DisplayName("a slot needs the free spots asked for, and a quota limit that admits them")
    void spotsAndQuotaLimits() {
        scheduler().allocate(hours(MONDAY, 9, 0, 10, 0), AllocateOptions.builder().quota(3).build());
        Scheduler limited = fixture().other("limited-" + UUID.randomUUID());
        limited.allocate(hours(MONDAY, 9, 0, 10, 0), AllocateOptions.builder().quota(3).quotaLimit(1).build());
        Schedulers rooms = Schedulers.of(scheduler(), limited);
        reserve(scheduler(), hours(MONDAY, 9, 0, 10, 0));
        List<FreeSlot> one = rooms.freeSlots(FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY).build());
        assertThat(one).extracting(FreeSlot::scheduler, FreeSlot::freeSpots)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(scheduler().name(), 2),
                        org.assertj.core.groups.Tuple.tuple(limited.name(), 3));
        assertThat(rooms.freeSlots(FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY).minSpots(2).build()))
                .extracting(FreeSlot::scheduler).containsExactly(scheduler().name());
        assertThat(rooms.freeSlots(FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY).minSpots(3).build())).isEmpty();
    }

    @Test
    @DisplayName("a grouped allocation is offered once, as its group, until one member is taken")
    void groups() {
        List<Allocation> members = scheduler().allocate(List.of(hours(MONDAY, 9, 0, 10, 0),
                hours(MONDAY.plusDays(1), 9, 0, 10, 0)), AllocateOptions.builder().grouped(true).build());
        Schedulers rooms = Schedulers.of(scheduler());
        List<FreeSlot> slots = rooms.freeSlots(FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY.plusDays(6)).build());
        assertThat(slots).singleElement().satisfies(slot -> {
            assertThat(slot.isGroup()).isTrue();
            assertThat(slot.group()).containsExactlyElementsOf(members);
            assertThat(slot.allocation()).isEqualTo(members.get(0));
            assertThat(slot.end()).isEqualTo(on(MONDAY.plusDays(1), 10, 0).atZone(KitFixture.ZURICH));
        });
        // the second member alone is not a free slot: only the group is reservable
        assertThat(rooms.freeSlots(FreeSlotQuery.of(HALF_HOUR, MONDAY.plusDays(1), MONDAY.plusDays(6)).build()))
                .isEmpty();
        scheduler().approveReservations(scheduler().reserveGroup(EMAIL, members.get(0).group()));
        assertThat(rooms.freeSlots(FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY.plusDays(6)).build())).isEmpty();
    }

    @Test
    @DisplayName("a reservation of a blocking scheduler and a blocker make a blocked scheduler's slots not free")
    void blocking() {
        Scheduler blocked = fixture().blockedScheduler();
        scheduler().allocate(hours(MONDAY, 15, 0, 16, 0), partly());
        reserve(scheduler(), hours(MONDAY, 15, 0, 15, 30));
        blocked.allocate(hours(MONDAY, 14, 30, 16, 30), partly());
        Schedulers rooms = Schedulers.of(blocked);
        FreeSlotQuery query = FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY).build();
        assertThat(starts(rooms.freeSlots(query))).containsExactly(LocalTime.of(14, 30), LocalTime.of(15, 30),
                LocalTime.of(15, 45), LocalTime.of(16, 0));
        FreeSlot late = rooms.freeSlots(query).get(1);
        reserve(blocked, late.dates());
        blocked.addBlocker(hours(MONDAY, 16, 15, 16, 30));
        assertThat(starts(rooms.freeSlots(query))).containsExactly(LocalTime.of(14, 30));
    }

    @Test
    @DisplayName("weekdays, a first start and the days bound the slots; each scheduler reads them in its zone")
    void weekdaysAndBounds() {
        for (int day = 0; day < 7; day++) {
            scheduler().allocate(hours(MONDAY.plusDays(day), 9, 0, 10, 0));
        }
        Schedulers rooms = Schedulers.of(scheduler());
        List<FreeSlot> wednesdays = rooms.freeSlots(FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY.plusDays(6))
                .on(DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY).build());
        assertThat(wednesdays).extracting(s -> s.start().getDayOfWeek())
                .containsExactly(DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY);
        FreeSlotQuery fromThursday = FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY.plusDays(6))
                .notBefore(on(MONDAY.plusDays(3), 9, 0).atZone(KitFixture.ZURICH).toInstant()).build();
        assertThat(rooms.freeSlots(fromThursday)).extracting(s -> s.start().getDayOfWeek())
                .containsExactly(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(rooms.freeSlots(FreeSlotQuery.of(HALF_HOUR, MONDAY.plusDays(1), MONDAY.plusDays(2)).build()))
                .hasSize(2);
        context().setService(Exposure.KEY, ctx -> allocation -> allocation.start().atZone(KitFixture.ZURICH)
                .getDayOfWeek() != DayOfWeek.TUESDAY);
        assertThat(rooms.freeSlots(FreeSlotQuery.of(HALF_HOUR, MONDAY.plusDays(1), MONDAY.plusDays(2)).build()))
                .extracting(s -> s.start().getDayOfWeek()).containsExactly(DayOfWeek.WEDNESDAY);
    }

    @Test
    @DisplayName("on the day the clocks go forward, slots follow real time and skip the missing hour")
    void daylightSaving() {
        LocalDate change = LocalDate.of(2024, 3, 31);
        scheduler().allocate(hours(change, 0, 0, 6, 0), partly());
        List<FreeSlot> slots = Schedulers.of(scheduler()).freeSlots(FreeSlotQuery.of(HALF_HOUR, change, change)
                .between(LocalTime.of(1, 0), LocalTime.of(4, 0)).build());
        assertThat(slots).extracting(s -> Duration.between(s.startInstant(), s.endInstant())).containsOnly(HALF_HOUR);
        assertThat(starts(slots)).containsExactly(LocalTime.of(1, 0), LocalTime.of(1, 15), LocalTime.of(1, 30),
                LocalTime.of(1, 45), LocalTime.of(3, 0), LocalTime.of(3, 15), LocalTime.of(3, 30));
    }

    @Test
    @DisplayName("bad free-slot queries and sets of schedulers are refused with typed errors")
    void badInput() {
        assertThatThrownBy(() -> FreeSlotQuery.of(Duration.ofMinutes(7), MONDAY, MONDAY).build())
                .isInstanceOf(InvalidArgument.class).hasMessageContaining("multiple of five minutes");
        assertThatThrownBy(() -> FreeSlotQuery.of(Duration.ZERO, MONDAY, MONDAY).build())
                .isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> FreeSlotQuery.of(null, MONDAY, MONDAY).build()).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY.minusDays(1)).build())
                .isInstanceOf(InvalidDateRange.class).hasMessageContaining("before the first day");
        assertThatThrownBy(() -> FreeSlotQuery.of(HALF_HOUR, null, MONDAY).build())
                .isInstanceOf(InvalidDateRange.class);
        assertThatThrownBy(() -> FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY)
                .between(LocalTime.of(14, 0), LocalTime.of(12, 0)).build())
                .isInstanceOf(InvalidDateRange.class).hasMessageContaining("empty window");
        assertThatThrownBy(() -> FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY).minSpots(0).build())
                .isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> FreeSlotQuery.of(HALF_HOUR, MONDAY, MONDAY).limit(0).build())
                .isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> Schedulers.of(List.of())).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> Schedulers.of(scheduler(), scheduler())).isInstanceOf(InvalidArgument.class)
                .hasMessageContaining("twice");
        Scheduler foreign = new Scheduler(fixture().registry().registerContext("foreign-" + UUID.randomUUID()),
                "foreign", KitFixture.ZURICH);
        assertThatThrownBy(() -> Schedulers.of(scheduler(), foreign)).isInstanceOf(InvalidArgument.class)
                .hasMessageContaining("one context");
        Schedulers rooms = Schedulers.of(scheduler());
        assertThatThrownBy(() -> rooms.get("nobody")).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> rooms.freeSlots(null)).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> rooms.availabilityMatrix(MONDAY, MONDAY, Duration.ofMinutes(7)))
                .isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> rooms.availabilityMatrix(MONDAY, MONDAY, Duration.ofMinutes(25)))
                .isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> rooms.availabilityMatrix(MONDAY, MONDAY.minusDays(1)))
                .isInstanceOf(InvalidDateRange.class);
        assertThatThrownBy(() -> rooms.availabilityMatrix(MONDAY, MONDAY).cell("nobody", MONDAY))
                .isInstanceOf(InvalidArgument.class);
    }

    /** A week of three rooms with partly available, quota and whole allocations, some reserved. */
    private Schedulers busyWeek() {
        Schedulers rooms = threeRooms();
        Scheduler a = rooms.members().get(0);
        Scheduler b = rooms.members().get(1);
        Scheduler c = rooms.members().get(2);
        for (int day = 0; day < 5; day++) {
            LocalDate date = MONDAY.plusDays(day);
            // hourly, so that availability() of an hour is the availability of one allocation
            a.allocate(List.of(hours(date, 8, 0, 9, 0), hours(date, 9, 0, 10, 0), hours(date, 10, 0, 11, 0),
                    hours(date, 11, 0, 12, 0)), partly());
            b.allocate(hours(date, 9, 0, 10, 0), AllocateOptions.builder().quota(4).build());
            b.allocate(hours(date, 14, 0, 15, 0), AllocateOptions.builder().quota(2).build());
            if (day % 2 == 0) {
                c.allocate(hours(date, 10, 0, 11, 0));
            }
            reserve(a, hours(date, 8, 0, 8, 15));
            if (day >= 1) {
                reserve(a, hours(date, 9, 0, 10, 0));
            }
            if (day >= 3) {
                reserve(a, hours(date, 10, 0, 10, 45));
            }
            for (int spot = 0; spot < day % 4; spot++) {
                reserve(b, hours(date, 9, 0, 10, 0));
            }
        }
        reserve(c, hours(MONDAY, 10, 0, 11, 0));
        a.addBlocker(hours(MONDAY.plusDays(2), 11, 0, 12, 0));
        return rooms;
    }

    @Test
    @DisplayName("each day cell of the matrix equals availability by day and availability() of that day")
    void matrixMatchesAvailability() {
        Schedulers rooms = busyWeek();
        AvailabilityMatrix matrix = rooms.availabilityMatrix(MONDAY, MONDAY.plusDays(6));
        assertThat(matrix.schedulers()).containsExactlyElementsOf(rooms.names());
        assertThat(matrix.days()).hasSize(7).startsWith(MONDAY);
        assertThat(matrix.bucket()).isEmpty();
        assertThat(matrix.cells()).hasSize(21);
        for (Scheduler room : rooms.members()) {
            for (LocalDate day : matrix.days()) {
                AvailabilityCell cell = matrix.cell(room.name(), day);
                Timespan span = DateRange.of(day.atStartOfDay(KitFixture.ZURICH),
                        day.plusDays(1).atStartOfDay(KitFixture.ZURICH)).resolve(KitFixture.ZURICH).withStoredEnd();
                Map<LocalDate, DayAvailability> byDay = room.queries().availabilityByDay(span,
                        List.of(room.resource()), KitFixture.ZURICH);
                double expected = byDay.containsKey(day) ? byDay.get(day).availability() : 0.0;
                assertThat(cell.freeShare()).as("%s on %s", room.name(), day).isCloseTo(expected, within(1e-9));
                assertThat(cell.freeShare()).isCloseTo(room.availability(DateRange.of(span)), within(1e-9));
                List<Allocation> masters = room.allocationsInRange(DateRange.of(span), true, true).list();
                assertThat(cell.allocations()).isEqualTo(masters.size());
                assertThat(cell.totalSpots()).isEqualTo(masters.stream().mapToInt(Allocation::quota).sum());
                assertThat(cell.freeSpots()).isEqualTo(masters.stream()
                        .mapToInt(m -> room.freeAllocationsCount(m, DateRange.of(m.timespan()))).sum());
            }
        }
        Scheduler b = rooms.members().get(1);
        assertThat(matrix.cell(b.name(), MONDAY.plusDays(3)).freeSpots()).isEqualTo(1 + 2);
        assertThat(matrix.cell(rooms.names().get(2), MONDAY).freeShare()).isZero();
        assertThat(matrix.cell(rooms.names().get(2), MONDAY.plusDays(2)).freeShare()).isEqualTo(100.0);
        assertThat(matrix.cell(rooms.names().get(0), MONDAY.plusDays(5)).allocations()).isZero();
    }

    @Test
    @DisplayName("hourly buckets equal availability() of each hour, and a blocked scheduler's cells count its blockers")
    void matrixBuckets() {
        Schedulers rooms = busyWeek();
        Scheduler blocked = fixture().blockedScheduler();
        blocked.allocate(List.of(hours(MONDAY, 8, 0, 9, 0), hours(MONDAY, 9, 0, 10, 0)), partly());
        Schedulers all = Schedulers.of(rooms.members().get(0), rooms.members().get(1), blocked);
        AvailabilityMatrix matrix = all.availabilityMatrix(MONDAY, MONDAY.plusDays(2), Duration.ofHours(1));
        assertThat(matrix.bucket()).contains(Duration.ofHours(1));
        for (Scheduler room : all.members()) {
            for (LocalDate day : matrix.days()) {
                List<AvailabilityCell> buckets = matrix.buckets(room.name(), day);
                assertThat(buckets).hasSize(24);
                for (AvailabilityCell bucket : buckets) {
                    Timespan hour = new Timespan(bucket.start().toInstant(), bucket.end().toInstant()).withStoredEnd();
                    assertThat(bucket.freeShare()).as("%s at %s", room.name(), bucket.start())
                            .isCloseTo(room.availability(DateRange.of(hour)), within(1e-9));
                }
            }
        }
        // the blocking scheduler (room a) has 8:00 to 8:15 reserved on Monday
        AvailabilityCell eight = matrix.buckets(blocked.name(), MONDAY).get(8);
        assertThat(eight.freeShare()).isEqualTo(75.0);
        assertThat(eight.freeSpots()).isZero();
        assertThat(matrix.buckets(blocked.name(), MONDAY).get(9).freeSpots()).isEqualTo(1);
        assertThat(matrix.cell(blocked.name(), MONDAY).freeShare())
                .isCloseTo(blocked.availability(hours(MONDAY, 0, 0, 23, 59)), within(1e-9));
        // room a's blocker on Wednesday 11:00 to 12:00: neither free nor reserved
        AvailabilityCell blockedHour = matrix.buckets(rooms.names().get(0), MONDAY.plusDays(2)).get(11);
        assertThat(blockedHour.freeShare()).isZero();
        assertThat(blockedHour.freeSpots()).isZero();
    }

    @Test
    @DisplayName("a day the clocks go forward has an empty bucket for the missing hour")
    void matrixDaylightSaving() {
        LocalDate change = LocalDate.of(2024, 3, 31);
        scheduler().allocate(hours(change, 0, 0, 6, 0), partly());
        reserve(scheduler(), hours(change, 1, 0, 1, 30));
        AvailabilityMatrix matrix = Schedulers.of(scheduler()).availabilityMatrix(change, change, Duration.ofHours(1));
        List<AvailabilityCell> buckets = matrix.buckets(scheduler().name(), change);
        assertThat(buckets).hasSize(24);
        assertThat(buckets.get(1).freeShare()).isEqualTo(50.0);
        assertThat(buckets.get(2).allocations()).isZero();
        assertThat(buckets.get(3).freeShare()).isEqualTo(100.0);
        assertThat(matrix.cell(scheduler().name(), change).freeShare())
                .isCloseTo(scheduler().availability(), within(1e-9));
    }
}
