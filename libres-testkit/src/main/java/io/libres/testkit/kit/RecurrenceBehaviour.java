package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.OccurrencePolicy;
import io.libres.db.ReserveOptions;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.ReservationStatus;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.TargetType;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.InvalidArgument;
import io.libres.errors.InvalidReservationError;
import io.libres.errors.OccurrencesRefused;
import io.libres.errors.OverlappingReservationError;
import io.libres.errors.QuotaOverLimit;
import io.libres.recurrence.Expansion;
import io.libres.recurrence.HolidayCalendar;
import io.libres.recurrence.InvalidRecurrenceRule;
import io.libres.recurrence.NotASeries;
import io.libres.recurrence.Occurrence;
import io.libres.recurrence.Recurrence;
import io.libres.recurrence.Recurring;
import io.libres.recurrence.Refusal;
import io.libres.recurrence.Series;
import io.libres.recurrence.SeriesAllocation;
import io.libres.recurrence.SeriesBooking;
import io.libres.recurrence.SeriesData;
import io.libres.recurrence.TooManyOccurrences;
import io.libres.time.Raster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recurring series (libres-recurrence): allocations, reservations and blockers from RFC 5545
 * rules, with exceptions and holidays, booked and read back as one series, across daylight-saving
 * changes, short months, leap days and zones.
 */
public abstract class RecurrenceBehaviour extends Behaviour {

    /** 2027-03-28 is the last Sunday of March: Zurich moves from UTC+1 to UTC+2. */
    private static final LocalDate FIRST_THURSDAY = LocalDate.of(2027, 3, 4);

    private static final Recurrence THURSDAYS = Recurrence.of("FREQ=WEEKLY;BYDAY=TH;COUNT=6", FIRST_THURSDAY,
            LocalTime.of(18, 0), Duration.ofHours(2));

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected RecurrenceBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    private Recurring recurring() {
        return Recurring.on(scheduler());
    }

    private static List<LocalDateTime> starts(List<Allocation> allocations) {
        return allocations.stream().map(a -> a.displayStart().toLocalDateTime()).collect(Collectors.toList());
    }

    private static List<LocalDate> days(List<Allocation> allocations) {
        return allocations.stream().map(a -> a.displayStart().toLocalDate()).collect(Collectors.toList());
    }

    // ------------------------------------------------------------------ allocations

    @Test
    @DisplayName("a weekly rule allocates every Thursday at 18:00 wall-clock time across the DST change")
    void weeklyAcrossDst() {
        SeriesAllocation series = recurring().allocate(THURSDAYS, AllocateOptions.DEFAULTS);
        scheduler().commit();

        List<Allocation> stored = scheduler().managedAllocations().list().stream()
                .sorted(java.util.Comparator.comparing(Allocation::start)).collect(Collectors.toList());
        assertThat(series.allocations()).hasSize(6);
        assertThat(stored).hasSize(6);
        assertThat(stored).allSatisfy(a -> {
            assertThat(a.displayStart().getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
            assertThat(a.displayStart().toLocalTime()).isEqualTo(LocalTime.of(18, 0));
            assertThat(a.displayEnd().toLocalTime()).isBetween(LocalTime.of(19, 59), LocalTime.of(20, 0));
        });
        // the week before the change is 17:00 UTC, the week after 16:00 UTC
        assertThat(stored.get(3).start().atZone(ZoneOffset.UTC).getHour()).isEqualTo(17);
        assertThat(stored.get(4).start().atZone(ZoneOffset.UTC).getHour()).isEqualTo(16);
        assertThat(days(stored)).containsExactly(LocalDate.of(2027, 3, 4), LocalDate.of(2027, 3, 11),
                LocalDate.of(2027, 3, 18), LocalDate.of(2027, 3, 25), LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 8));
    }

    @Test
    @DisplayName("the autumn DST week keeps the wall-clock time too, and an interval skips weeks")
    void autumnDstAndInterval() {
        Recurrence everyOtherSunday = Recurrence.of("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;COUNT=3", LocalDate.of(2027, 10, 17),
                LocalTime.of(1, 30), Duration.ofHours(3));
        List<Allocation> allocations = recurring().allocate(everyOtherSunday, AllocateOptions.DEFAULTS).allocations();

        assertThat(days(allocations)).containsExactly(LocalDate.of(2027, 10, 17), LocalDate.of(2027, 10, 31),
                LocalDate.of(2027, 11, 14));
        assertThat(allocations).allSatisfy(a -> assertThat(a.displayStart().toLocalTime()).isEqualTo(LocalTime.of(1, 30)));
        // 01:30 to 04:30 on the wall clock of the change night lasts four hours
        assertThat(Duration.between(allocations.get(1).start(), allocations.get(1).end()).toMinutes())
                .isBetween(239L, 240L);
    }

    @Test
    @DisplayName("exception days and holidays are skipped and reported")
    void exceptionsAndHolidays() {
        Recurrence recurrence = THURSDAYS.withExceptions(LocalDate.of(2027, 3, 11))
                .withHolidays(HolidayCalendar.of(LocalDate.of(2027, 3, 25), LocalDate.of(2027, 3, 26)));
        SeriesAllocation series = recurring().allocate(recurrence, AllocateOptions.DEFAULTS);

        assertThat(days(series.allocations())).containsExactly(LocalDate.of(2027, 3, 4), LocalDate.of(2027, 3, 18),
                LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 8));
        assertThat(series.expansion().exceptions()).containsExactly(LocalDate.of(2027, 3, 11));
        assertThat(series.expansion().holidays()).containsExactly(LocalDate.of(2027, 3, 25));
    }

    @Test
    @DisplayName("the 31st exists only in long months; BYMONTHDAY=-1 gives the last day of every month")
    void thirtyFirstOfShortMonths() {
        List<Allocation> thirtyFirsts = recurring().allocate(Recurrence.of("FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4",
                LocalDate.of(2027, 1, 1), LocalTime.of(9, 0), Duration.ofHours(1)), AllocateOptions.DEFAULTS).allocations();
        assertThat(days(thirtyFirsts)).containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 3, 31),
                LocalDate.of(2027, 5, 31), LocalDate.of(2027, 7, 31));

        List<Allocation> lastDays = recurring().allocate(Recurrence.of("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3",
                LocalDate.of(2027, 1, 1), LocalTime.of(12, 0), Duration.ofHours(1)), AllocateOptions.DEFAULTS).allocations();
        assertThat(days(lastDays)).containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28),
                LocalDate.of(2027, 3, 31));
    }

    @Test
    @DisplayName("a yearly rule on the 29th of February falls on leap years only")
    void leapDays() {
        List<Allocation> allocations = recurring().allocate(Recurrence.wholeDays("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=3",
                LocalDate.of(2027, 1, 1)), AllocateOptions.builder().wholeDay(true).build()).allocations();
        assertThat(days(allocations)).containsExactly(LocalDate.of(2028, 2, 29), LocalDate.of(2032, 2, 29),
                LocalDate.of(2036, 2, 29));
        assertThat(allocations).allSatisfy(a -> assertThat(a.wholeDay()).isTrue());
    }

    @Test
    @DisplayName("BYDAY with BYSETPOS picks the last weekday of each month")
    void bySetPos() {
        List<Allocation> allocations = recurring().allocate(Recurrence.of("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3",
                LocalDate.of(2027, 1, 1), LocalTime.of(16, 0), Duration.ofHours(1)), AllocateOptions.DEFAULTS).allocations();
        assertThat(days(allocations)).containsExactly(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 2, 26),
                LocalDate.of(2027, 3, 31));
    }

    @Test
    @DisplayName("an UNTIL in UTC and an end in New York are compared with the instants of Zurich's occurrences")
    void untilInAnotherZone() {
        // 2027-04-01 18:00 in Zurich (summer time) is 16:00 UTC
        Expansion inclusive = recurring().expand(Recurrence.of("FREQ=WEEKLY;BYDAY=TH;UNTIL=20270401T160000Z",
                FIRST_THURSDAY, LocalTime.of(18, 0), Duration.ofHours(1)));
        Expansion exclusive = recurring().expand(Recurrence.of("FREQ=WEEKLY;BYDAY=TH;UNTIL=20270401T155959Z",
                FIRST_THURSDAY, LocalTime.of(18, 0), Duration.ofHours(1)));
        assertThat(inclusive.occurrences()).hasSize(5);
        assertThat(exclusive.occurrences()).hasSize(4);

        // 2027-03-25 13:00 in New York (already on summer time) is 17:00 UTC, 18:00 in Zurich (still winter time)
        ZonedDateTime newYork = ZonedDateTime.of(2027, 3, 25, 13, 0, 0, 0, ZoneId.of("America/New_York"));
        Recurrence open = Recurrence.of("FREQ=WEEKLY;BYDAY=TH", FIRST_THURSDAY, LocalTime.of(18, 0), Duration.ofHours(1));
        SeriesAllocation series = recurring().allocate(open.withUntil(newYork), AllocateOptions.DEFAULTS);
        assertThat(days(series.allocations())).last().isEqualTo(LocalDate.of(2027, 3, 25));
        assertThat(recurring().expand(open.withUntil(newYork.minusMinutes(1))).occurrences()).hasSize(3);
    }

    @Test
    @DisplayName("a COUNT beyond the occurrence limit is refused with a typed error before anything is written")
    void countIntoTheLimit() {
        Recurrence weekly = Recurrence.of("FREQ=WEEKLY;BYDAY=MO;COUNT=53", LocalDate.of(2027, 1, 4), LocalTime.of(8, 0),
                Duration.ofHours(1));
        assertThatThrownBy(() -> recurring().withOccurrenceLimit(52).allocate(weekly, AllocateOptions.DEFAULTS))
                .isInstanceOf(TooManyOccurrences.class).hasMessageContaining("more than 52");
        assertThat(scheduler().managedAllocations().count()).isZero();

        Recurrence fitting = Recurrence.of("FREQ=WEEKLY;BYDAY=MO;COUNT=52", LocalDate.of(2027, 1, 4), LocalTime.of(8, 0),
                Duration.ofHours(1));
        assertThat(recurring().withOccurrenceLimit(52).allocate(fitting, AllocateOptions.DEFAULTS).allocations()).hasSize(52);
        assertThatThrownBy(() -> recurring().withOccurrenceLimit(0)).isInstanceOf(InvalidArgument.class);
    }

    @Test
    @DisplayName("bad rules are refused with typed errors before anything is written")
    void badRules() {
        assertThatThrownBy(() -> Recurrence.of("FREQ=WEEKLY;BYDAY=XX;COUNT=2", FIRST_THURSDAY, LocalTime.NOON,
                Duration.ofHours(1))).isInstanceOf(InvalidRecurrenceRule.class).hasMessageContaining("FREQ=WEEKLY;BYDAY=XX");
        assertThatThrownBy(() -> Recurrence.of(null, FIRST_THURSDAY, LocalTime.NOON, Duration.ofHours(1)))
                .isInstanceOf(InvalidRecurrenceRule.class);
        assertThatThrownBy(() -> Recurrence.of("FREQ=DAILY;COUNT=2", FIRST_THURSDAY, LocalTime.NOON, Duration.ZERO))
                .isInstanceOf(InvalidRecurrenceRule.class);
        assertThatThrownBy(() -> recurring().allocate(Recurrence.of("FREQ=DAILY", FIRST_THURSDAY, LocalTime.NOON,
                Duration.ofHours(1)), AllocateOptions.DEFAULTS)).isInstanceOf(InvalidRecurrenceRule.class)
                .hasMessageContaining("never ends");
        assertThatThrownBy(() -> recurring().allocate(THURSDAYS, AllocateOptions.builder()
                .data(Map.of(SeriesData.KEY, "mine")).build())).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> recurring().allocate(THURSDAYS.withExceptions(FIRST_THURSDAY.plusWeeks(0),
                FIRST_THURSDAY.plusWeeks(1), FIRST_THURSDAY.plusWeeks(2), FIRST_THURSDAY.plusWeeks(3),
                FIRST_THURSDAY.plusWeeks(4), FIRST_THURSDAY.plusWeeks(5)), AllocateOptions.DEFAULTS))
                .isInstanceOf(InvalidRecurrenceRule.class).hasMessageContaining("no occurrence");
        assertThat(scheduler().managedAllocations().count()).isZero();
    }

    @Test
    @DisplayName("every allocate option applies to each occurrence, and the caller's data is kept beside the series")
    void allocateOptions() {
        AllocateOptions options = AllocateOptions.builder().partlyAvailable(true).raster(15).quota(3).quotaLimit(2)
                .approveManually(true).data(Map.of("room", "blue")).build();
        SeriesAllocation series = recurring().allocate(THURSDAYS, options);
        scheduler().commit();

        List<Allocation> stored = scheduler().managedAllocations().list().stream().filter(Allocation::isMaster)
                .collect(Collectors.toList());
        assertThat(stored).hasSize(6).allSatisfy(a -> {
            assertThat(a.partlyAvailable()).isTrue();
            assertThat(a.raster()).isEqualTo(Raster.FIFTEEN);
            assertThat(a.quota()).isEqualTo(3);
            assertThat(a.quotaLimit()).isEqualTo(2);
            assertThat(a.approveManually()).isTrue();
            assertThat(a.data()).containsEntry("room", "blue").containsKey(SeriesData.KEY);
            assertThat(SeriesData.id(a.data())).contains(series.id());
        });
        assertThat(stored.stream().map(Allocation::group).distinct()).hasSize(6);
    }

    @Test
    @DisplayName("an occurrence overlapping an existing allocation refuses the series, or is skipped when asked")
    void overlapping() {
        scheduler().allocate(range(at(2027, 3, 18, 19), at(2027, 3, 18, 21)));
        assertThatThrownBy(() -> recurring().allocate(THURSDAYS, AllocateOptions.DEFAULTS))
                .isInstanceOf(io.libres.errors.OverlappingAllocationError.class);
        assertThat(scheduler().managedAllocations().count()).isEqualTo(1);

        SeriesAllocation series = recurring().allocate(THURSDAYS, AllocateOptions.builder().skipOverlapping(true).build());
        assertThat(days(series.allocations())).hasSize(5).doesNotContain(LocalDate.of(2027, 3, 18));
        assertThat(series.expansion().occurrences()).hasSize(6);
    }

    @Test
    @DisplayName("a grouped series shares one group: reserving one occurrence reserves the series")
    void grouped() {
        SeriesAllocation series = recurring().allocate(THURSDAYS, AllocateOptions.builder().grouped(true).build());
        assertThat(series.allocations().stream().map(Allocation::group).distinct()).hasSize(1);

        UUID token = scheduler().reserve("club@example.org", series.expansion().occurrences().get(2).dates());
        List<ReservedSlot> slots = scheduler().approveReservations(token);
        scheduler().commit();

        assertThat(scheduler().reservationsByToken(token).list()).singleElement()
                .satisfies(r -> assertThat(r.targetType()).isEqualTo(TargetType.GROUP));
        assertThat(slots.stream().map(ReservedSlot::allocationId).distinct()).hasSize(6);
    }

    @Test
    @DisplayName("an allocation series is read back after commit: rule, exceptions, holidays and members")
    void allocationSeriesReadBack() {
        Recurrence recurrence = THURSDAYS.withExceptions(LocalDate.of(2027, 3, 18))
                .withHolidays(HolidayCalendar.of(LocalDate.of(2027, 4, 1)));
        SeriesAllocation made = recurring().allocate(recurrence, AllocateOptions.DEFAULTS);
        scheduler().allocate(range(at(2027, 3, 11, 8), at(2027, 3, 11, 9)));
        scheduler().commit();

        Allocation any = scheduler().allocationById(made.allocations().get(1).requireId());
        Series<Allocation> series = recurring().allocationSeries(any);
        assertThat(series.id()).isEqualTo(made.id());
        assertThat(series.first().rule()).isEqualTo("FREQ=WEEKLY;BYDAY=TH;COUNT=6");
        assertThat(series.first().firstDay()).isEqualTo(FIRST_THURSDAY);
        assertThat(series.first().startTime()).isEqualTo(LocalTime.of(18, 0));
        assertThat(series.first().duration()).isEqualTo(Duration.ofHours(2));
        assertThat(series.first().zone()).isEqualTo(scheduler().zone());
        assertThat(series.first().exceptions()).containsExactly(LocalDate.of(2027, 3, 18));
        assertThat(series.first().holidays()).containsExactly(LocalDate.of(2027, 4, 1));
        assertThat(series.members().stream().map(Allocation::requireId))
                .containsExactlyElementsOf(made.allocations().stream().map(Allocation::requireId).collect(Collectors.toList()));
        assertThat(recurring().expand(series.first().toRecurrence()).occurrences()).hasSize(4);

        Allocation plain = scheduler().allocationsInRange(range(at(2027, 3, 11, 8), at(2027, 3, 11, 9))).one();
        assertThatThrownBy(() -> recurring().allocationSeries(plain)).isInstanceOf(NotASeries.class);
    }

    // ------------------------------------------------------------------ reservations

    private SeriesAllocation evenings(AllocateOptions options) {
        Recurrence evenings = Recurrence.of("FREQ=WEEKLY;BYDAY=TH;COUNT=6", FIRST_THURSDAY, LocalTime.of(17, 0),
                Duration.ofHours(4));
        return recurring().allocate(evenings, options);
    }

    @Test
    @DisplayName("a series is reserved under one token, approved as one, and read back after commit")
    void reserveApproveReadBack() {
        evenings(AllocateOptions.builder().partlyAvailable(true).build());
        SeriesBooking booking = recurring().reserve("club@example.org", THURSDAYS,
                ReserveOptions.builder().data(Map.of("club", "chess")).build());
        assertThat(booking.booked()).hasSize(6);
        assertThat(booking.refused()).isEmpty();
        List<ReservedSlot> slots = recurring().approve(booking.token());
        scheduler().commit();

        assertThat(slots).isNotEmpty();
        Series<Reservation> series = recurring().reservationSeries(booking.token());
        assertThat(series.id()).isEqualTo(booking.token());
        assertThat(series.parts()).singleElement().satisfies(p -> assertThat(p.rule()).isEqualTo(THURSDAYS.rule()));
        assertThat(series.members()).hasSize(6).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(ReservationStatus.APPROVED);
            assertThat(r.displayStart().toLocalTime()).isEqualTo(LocalTime.of(18, 0));
            assertThat(r.data()).containsEntry("club", "chess");
        });
        assertThat(series.members().stream().map(r -> r.displayStart().toLocalDate()))
                .containsExactlyElementsOf(booking.booked().stream().map(Occurrence::day).collect(Collectors.toList()));
    }

    @Test
    @DisplayName("all or nothing: one taken occurrence refuses the series, naming it and why, and writes nothing")
    void allOrNothing() {
        evenings(AllocateOptions.DEFAULTS);
        UUID taken = scheduler().reserve("first@example.org", range(at(2027, 3, 25, 18), at(2027, 3, 25, 20)));
        scheduler().approveReservations(taken);
        scheduler().commit();
        long before = scheduler().managedReservations().count();

        assertThatThrownBy(() -> recurring().reserve("club@example.org", THURSDAYS, ReserveOptions.DEFAULTS))
                .isInstanceOfSatisfying(OccurrencesRefused.class, e -> {
                    assertThat(e.refused()).singleElement().satisfies(r -> {
                        assertThat(r.index()).isEqualTo(3);
                        assertThat(r.reason()).isInstanceOf(AlreadyReservedError.class);
                    });
                    assertThat(e.getMessage()).contains("1 of 6").contains("NoFreeSpot");
                });
        assertThat(scheduler().managedReservations().count()).isEqualTo(before);
    }

    @Test
    @DisplayName("book what is free: the free occurrences are booked, the refused ones reported with their reasons")
    void bookWhatIsFree() {
        evenings(AllocateOptions.DEFAULTS);
        UUID taken = scheduler().reserve("first@example.org", range(at(2027, 3, 11, 18), at(2027, 3, 11, 20)));
        scheduler().approveReservations(taken);
        Recurrence seven = Recurrence.of("FREQ=WEEKLY;BYDAY=TH;COUNT=7", FIRST_THURSDAY, LocalTime.of(18, 0),
                Duration.ofHours(2));

        SeriesBooking booking = recurring().reserve("club@example.org", seven, ReserveOptions.DEFAULTS,
                OccurrencePolicy.BOOK_WHAT_IS_FREE);
        scheduler().commit();

        assertThat(booking.booked()).hasSize(5);
        assertThat(booking.refused()).extracting(r -> r.occurrence().day())
                .containsExactly(LocalDate.of(2027, 3, 11), LocalDate.of(2027, 4, 15));
        assertThat(booking.refused()).extracting(Refusal::reason).satisfiesExactly(
                e -> assertThat(e).isInstanceOf(AlreadyReservedError.class),
                e -> assertThat(e).isInstanceOf(InvalidReservationError.class));
        assertThat(scheduler().reservationsByToken(booking.token()).count()).isEqualTo(5);
    }

    @Test
    @DisplayName("quota limits apply to each occurrence")
    void quotaLimitEachOccurrence() {
        evenings(AllocateOptions.builder().quota(4).quotaLimit(2).build());
        assertThatThrownBy(() -> recurring().reserve("club@example.org", THURSDAYS,
                ReserveOptions.builder().quota(3).build())).isInstanceOfSatisfying(OccurrencesRefused.class, e -> {
                    assertThat(e.refused()).hasSize(6);
                    assertThat(e.refused()).allSatisfy(r -> assertThat(r.reason()).isInstanceOf(QuotaOverLimit.class));
                });
        SeriesBooking two = recurring().reserve("club@example.org", THURSDAYS, ReserveOptions.builder().quota(2).build());
        assertThat(recurring().approve(two.token()).stream().map(ReservedSlot::allocationId).distinct()).hasSize(12);
    }

    @Test
    @DisplayName("manual approval: the series stays pending until approved, and denying removes it as one")
    void approvalAndDenial() {
        evenings(AllocateOptions.builder().approveManually(true).build());
        SeriesBooking first = recurring().reserve("a@example.org", THURSDAYS, ReserveOptions.DEFAULTS);
        SeriesBooking second = recurring().reserve("b@example.org", THURSDAYS, ReserveOptions.DEFAULTS);
        assertThat(scheduler().reservationsByToken(first.token()).list())
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReservationStatus.PENDING));

        recurring().approve(first.token());
        assertThatThrownBy(() -> recurring().approve(second.token())).isInstanceOf(AlreadyReservedError.class);
        assertThat(recurring().deny(second.token())).hasSize(6);
        scheduler().commit();
        assertThat(scheduler().reservationsByToken(first.token()).list())
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReservationStatus.APPROVED));
        assertThat(recurring().remove(first.token())).hasSize(6);
        assertThat(scheduler().managedReservedSlots().count()).isZero();
    }

    @Test
    @DisplayName("this and following: from a day on, the series moves to a new rule under the same token, still approved")
    void changeThisAndFollowing() {
        evenings(AllocateOptions.builder().partlyAvailable(true).build());
        SeriesBooking booking = recurring().reserve("club@example.org", THURSDAYS, ReserveOptions.builder()
                .data(Map.of("club", "chess")).build());
        recurring().approve(booking.token());
        scheduler().commit();

        Recurrence later = Recurrence.of("FREQ=WEEKLY;BYDAY=TH;COUNT=6", FIRST_THURSDAY, LocalTime.of(19, 0),
                Duration.ofHours(1));
        SeriesBooking changed = recurring().changeFrom(booking.token(), LocalDate.of(2027, 3, 18), later);
        scheduler().commit();

        assertThat(changed.token()).isEqualTo(booking.token());
        assertThat(changed.booked()).hasSize(4);
        Series<Reservation> series = recurring().reservationSeries(booking.token());
        assertThat(series.parts()).extracting(p -> p.from()).containsExactly(FIRST_THURSDAY, LocalDate.of(2027, 3, 18));
        assertThat(series.members()).hasSize(6).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(ReservationStatus.APPROVED);
            assertThat(r.data()).containsEntry("club", "chess");
        });
        assertThat(series.members().stream().map(r -> r.displayStart().toLocalTime()))
                .containsExactly(LocalTime.of(18, 0), LocalTime.of(18, 0), LocalTime.of(19, 0), LocalTime.of(19, 0),
                        LocalTime.of(19, 0), LocalTime.of(19, 0));
        assertThat(scheduler().reservedSlotsByReservation(booking.token()).list().stream()
                .map(s -> s.start().atZone(scheduler().zone()).toLocalTime()).filter(t -> t.isBefore(LocalTime.of(19, 0))
                        && !t.isBefore(LocalTime.of(18, 0))).count()).isEqualTo(2 * 12);
    }

    @Test
    @DisplayName("a change that cannot be booked changes nothing")
    void changeRefused() {
        evenings(AllocateOptions.DEFAULTS);
        SeriesBooking booking = recurring().reserve("club@example.org", THURSDAYS, ReserveOptions.DEFAULTS);
        recurring().approve(booking.token());
        scheduler().commit();

        Recurrence outside = Recurrence.of("FREQ=WEEKLY;BYDAY=TH;COUNT=6", FIRST_THURSDAY, LocalTime.of(22, 0),
                Duration.ofHours(1));
        assertThatThrownBy(() -> recurring().changeFrom(booking.token(), LocalDate.of(2027, 3, 25), outside))
                .isInstanceOf(OccurrencesRefused.class);
        assertThat(scheduler().reservationsByToken(booking.token()).count()).isEqualTo(6);
        assertThat(scheduler().reservedSlotsByReservation(booking.token()).count()).isPositive();
    }

    @Test
    @DisplayName("removing from a day on removes that day's and the following reservations with their slots")
    void removeFrom() {
        evenings(AllocateOptions.DEFAULTS);
        SeriesBooking booking = recurring().reserve("club@example.org", THURSDAYS, ReserveOptions.DEFAULTS);
        recurring().approve(booking.token());
        long slotsBefore = scheduler().reservedSlotsByReservation(booking.token()).count();

        assertThat(recurring().removeFrom(booking.token(), LocalDate.of(2027, 3, 25))).hasSize(3);
        scheduler().commit();
        assertThat(scheduler().reservationsByToken(booking.token()).list().stream().map(r -> r.displayStart().toLocalDate()))
                .containsExactly(LocalDate.of(2027, 3, 4), LocalDate.of(2027, 3, 11), LocalDate.of(2027, 3, 18));
        assertThat(scheduler().reservedSlotsByReservation(booking.token()).count()).isEqualTo(slotsBefore / 2);
    }

    @Test
    @DisplayName("a session may hold a series once; the second is refused occurrence by occurrence")
    void sessions() {
        evenings(AllocateOptions.builder().quota(2).build());
        UUID session = UUID.randomUUID();
        ReserveOptions inSession = ReserveOptions.builder().sessionId(session).build();
        recurring().reserve("club@example.org", THURSDAYS, inSession);
        assertThatThrownBy(() -> recurring().reserve("club@example.org", THURSDAYS, inSession))
                .isInstanceOfSatisfying(OccurrencesRefused.class, e -> assertThat(e.refused()).hasSize(6)
                        .allSatisfy(r -> assertThat(r.reason()).isInstanceOf(OverlappingReservationError.class)));
    }

    @Test
    @DisplayName("a blocking resource's reserved slots refuse the occurrences they overlap")
    void blockingResources() {
        io.libres.db.Scheduler blocked = fixture().blockedScheduler();
        Recurring blockedSeries = Recurring.on(blocked);
        blockedSeries.allocate(THURSDAYS, AllocateOptions.DEFAULTS);
        recurring().allocate(THURSDAYS, AllocateOptions.DEFAULTS);
        UUID taken = scheduler().reserve("first@example.org", range(at(2027, 3, 18, 18), at(2027, 3, 18, 20)));
        scheduler().approveReservations(taken);

        assertThatThrownBy(() -> blockedSeries.reserve("club@example.org", THURSDAYS, ReserveOptions.DEFAULTS))
                .isInstanceOf(OccurrencesRefused.class);
        SeriesBooking booking = blockedSeries.reserve("club@example.org", THURSDAYS, ReserveOptions.DEFAULTS,
                OccurrencePolicy.BOOK_WHAT_IS_FREE);
        assertThat(booking.booked()).hasSize(5);
        assertThat(booking.refused()).singleElement().satisfies(r -> {
            assertThat(r.occurrence().day()).isEqualTo(LocalDate.of(2027, 3, 18));
            assertThat(r.reason()).isInstanceOf(AlreadyReservedError.class);
        });
        assertThat(blockedSeries.approve(booking.token())).isNotEmpty();
    }

    @Test
    @DisplayName("a group series cannot change from a day on; a token without series is no series")
    void notChangeable() {
        SeriesAllocation series = recurring().allocate(THURSDAYS, AllocateOptions.builder().grouped(true).build());
        SeriesBooking booking = recurring().reserve("club@example.org", THURSDAYS, ReserveOptions.DEFAULTS);
        assertThat(scheduler().reservationsByToken(booking.token()).list()).singleElement()
                .satisfies(r -> assertThat(r.target()).isEqualTo(series.allocations().get(0).group()));
        assertThatThrownBy(() -> recurring().changeFrom(booking.token(), LocalDate.of(2027, 3, 25), THURSDAYS))
                .isInstanceOf(InvalidReservationError.class);

        UUID plain = scheduler().reserveGroup("one@example.org", series.allocations().get(0).group());
        assertThatThrownBy(() -> recurring().reservationSeries(plain)).isInstanceOf(NotASeries.class);
    }

    @Test
    @DisplayName("two threads reserving overlapping series: exactly one books, no occurrence is booked twice")
    void concurrentSeries() throws Exception {
        evenings(AllocateOptions.DEFAULTS);
        scheduler().commit();
        Recurrence later = Recurrence.of("FREQ=WEEKLY;BYDAY=TH;COUNT=4", LocalDate.of(2027, 3, 18), LocalTime.of(18, 0),
                Duration.ofHours(2));
        java.util.concurrent.CyclicBarrier bothRead = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Boolean>> racers = new java.util.ArrayList<>();
            for (Recurrence recurrence : List.of(THURSDAYS, later)) {
                racers.add(pool.submit(() -> {
                    try (io.libres.db.Work work = scheduler().begin()) {
                        scheduler().allocationsInRange(range(at(2027, 3, 1, 0), at(2027, 5, 1, 0))).list();
                        bothRead.await(30, java.util.concurrent.TimeUnit.SECONDS);
                        recurring().approve(recurring().reserve("racer@example.org", recurrence, ReserveOptions.DEFAULTS)
                                .token());
                        work.commit();
                        return true;
                    } catch (io.libres.errors.SerializationFailure | AlreadyReservedError | OccurrencesRefused e) {
                        return false;
                    }
                }));
            }
            List<Boolean> committed = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Boolean> racer : racers) {
                committed.add(racer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(committed).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        List<Reservation> reservations = scheduler().managedReservations().list();
        assertThat(reservations.stream().map(Reservation::token).distinct()).hasSize(1);
        assertThat(reservations).hasSizeBetween(4, 6);
        assertThat(scheduler().managedReservedSlots().list().stream().map(ReservedSlot::allocationId).distinct())
                .hasSize(reservations.size());
    }

    // ------------------------------------------------------------------ blockers

    @Test
    @DisplayName("a blocker series blocks every Monday 07:00-08:00 under one token and is removed as one")
    void blockers() {
        Recurrence mornings = Recurrence.of("FREQ=WEEKLY;BYDAY=MO;COUNT=5", LocalDate.of(2027, 3, 15), LocalTime.of(6, 0),
                Duration.ofHours(6));
        recurring().allocate(mornings, AllocateOptions.builder().partlyAvailable(true).build());
        Recurrence cleaning = Recurrence.of("FREQ=WEEKLY;BYDAY=MO;COUNT=5", LocalDate.of(2027, 3, 15), LocalTime.of(7, 0),
                Duration.ofHours(1));
        SeriesBooking blocked = recurring().addBlockers(cleaning, "cleaning", OccurrencePolicy.ALL_OR_NOTHING);
        scheduler().commit();

        List<ReservationBlocker> blockers = scheduler().blockersByToken(blocked.token()).list();
        assertThat(blockers).hasSize(5).allSatisfy(b -> {
            assertThat(b.reason()).isEqualTo("cleaning");
            assertThat(b.start().atZone(scheduler().zone()).toLocalTime()).isEqualTo(LocalTime.of(7, 0));
        });
        assertThatThrownBy(() -> scheduler().approveReservations(scheduler().reserve("a@example.org",
                range(at(2027, 3, 29, 7), at(2027, 3, 29, 8))))).isInstanceOf(AlreadyReservedError.class);
        scheduler().rollback();

        assertThatThrownBy(() -> recurring().addBlockers(cleaning, "twice", OccurrencePolicy.ALL_OR_NOTHING))
                .isInstanceOfSatisfying(OccurrencesRefused.class, e -> assertThat(e.refused()).hasSize(5));
        assertThat(recurring().removeBlockersFrom(blocked.token(), LocalDate.of(2027, 3, 29))).hasSize(3);
        assertThat(recurring().blockerSeries(blocked.token()).members()).hasSize(2);
        assertThat(scheduler().removeBlocker(blocked.token())).hasSize(2);
        assertThat(scheduler().managedReservedSlots().count()).isZero();
        assertThat(scheduler().blockerData(blocked.token())).isEmpty();
    }

    @Test
    @DisplayName("a blocker series keeps its rule, exceptions and holidays, read back after commit with its blockers")
    void blockerSeriesIsRemembered() {
        Recurrence mondays = Recurrence.of("FREQ=WEEKLY;BYDAY=MO;COUNT=6", LocalDate.of(2027, 3, 15), LocalTime.of(6, 0),
                Duration.ofHours(6));
        recurring().allocate(mondays, AllocateOptions.builder().partlyAvailable(true).build());
        Recurrence cleaning = Recurrence.of("FREQ=WEEKLY;BYDAY=MO;COUNT=6", LocalDate.of(2027, 3, 15),
                LocalTime.of(7, 0), Duration.ofHours(1)).withExceptions(LocalDate.of(2027, 3, 22))
                .withHolidays(HolidayCalendar.of(LocalDate.of(2027, 3, 29)));
        SeriesBooking blocked = recurring().addBlockers(cleaning, "cleaning", OccurrencePolicy.ALL_OR_NOTHING);
        scheduler().commit();

        Series<ReservationBlocker> series = recurring().blockerSeries(blocked.token());
        assertThat(series.id()).isEqualTo(blocked.token());
        assertThat(series.parts()).singleElement().satisfies(part -> {
            assertThat(part.rule()).isEqualTo("FREQ=WEEKLY;BYDAY=MO;COUNT=6");
            assertThat(part.firstDay()).isEqualTo(LocalDate.of(2027, 3, 15));
            assertThat(part.startTime()).isEqualTo(LocalTime.of(7, 0));
            assertThat(part.duration()).isEqualTo(Duration.ofHours(1));
            assertThat(part.zone()).isEqualTo(scheduler().zone());
            assertThat(part.exceptions()).containsExactly(LocalDate.of(2027, 3, 22));
            assertThat(part.holidays()).containsExactly(LocalDate.of(2027, 3, 29));
        });
        assertThat(series.members()).hasSize(4).extracting(b -> b.start().atZone(scheduler().zone()).toLocalDate())
                .containsExactly(LocalDate.of(2027, 3, 15), LocalDate.of(2027, 4, 5), LocalDate.of(2027, 4, 12),
                        LocalDate.of(2027, 4, 19));
        assertThat(SeriesData.id(scheduler().blockerData(blocked.token()).orElseThrow())).hasValue(blocked.token());
    }

    @Test
    @DisplayName("removing a blocker series in any way leaves no rule behind; plain blockers are no series")
    void blockerSeriesRemovalLeavesNoRule() {
        Recurrence mornings = Recurrence.of("FREQ=WEEKLY;BYDAY=MO;COUNT=3", LocalDate.of(2027, 3, 15), LocalTime.of(6, 0),
                Duration.ofHours(6));
        recurring().allocate(mornings, AllocateOptions.builder().partlyAvailable(true).build());
        SeriesBooking seven = recurring().addBlockers(Recurrence.of("FREQ=WEEKLY;BYDAY=MO;COUNT=3",
                LocalDate.of(2027, 3, 15), LocalTime.of(7, 0), Duration.ofHours(1)), null, OccurrencePolicy.ALL_OR_NOTHING);
        SeriesBooking nine = recurring().addBlockers(Recurrence.of("FREQ=WEEKLY;BYDAY=MO;COUNT=3",
                LocalDate.of(2027, 3, 15), LocalTime.of(9, 0), Duration.ofHours(1)), null, OccurrencePolicy.ALL_OR_NOTHING);
        SeriesBooking ten = recurring().addBlockers(Recurrence.of("FREQ=WEEKLY;BYDAY=MO;COUNT=3",
                LocalDate.of(2027, 3, 15), LocalTime.of(10, 0), Duration.ofHours(1)), null, OccurrencePolicy.ALL_OR_NOTHING);
        UUID plain = scheduler().addBlocker(List.of(range(at(2027, 3, 15, 11), at(2027, 3, 15, 12))), "plain").get(0)
                .token();
        scheduler().commit();

        // "this and following" from the first day: every blocker goes, and the rule with them
        assertThat(recurring().removeBlockersFrom(seven.token(), LocalDate.of(2027, 3, 15))).hasSize(3);
        // one by one: the rule stays while a blocker has the token
        List<Integer> ids = scheduler().blockersByToken(nine.token()).list().stream().map(ReservationBlocker::requireId)
                .collect(Collectors.toList());
        scheduler().removeBlocker(nine.token(), ids.get(0));
        assertThat(scheduler().blockerData(nine.token())).isPresent();
        scheduler().removeBlockers(nine.token(), ids.subList(1, 3));
        scheduler().commit();

        assertThat(scheduler().blockerData(seven.token())).isEmpty();
        assertThat(scheduler().blockerData(nine.token())).isEmpty();
        assertThat(recurring().blockerSeries(ten.token()).members()).hasSize(3);
        assertThatThrownBy(() -> recurring().blockerSeries(plain)).isInstanceOf(NotASeries.class)
                .hasMessageContaining(plain.toString());
        assertThatThrownBy(() -> scheduler().keepBlockerData(UUID.randomUUID(), Map.of("a", "b")))
                .isInstanceOf(io.libres.errors.InvalidReservationToken.class)
                .hasMessageContaining("expected the token of blockers of this resource");

        scheduler().extinguishManagedRecords();
        scheduler().commit();
        assertThat(scheduler().blockerData(ten.token())).isEmpty();
    }

    @Test
    @DisplayName("a blocker series may block what is free and report the rest")
    void blockWhatIsFree() {
        evenings(AllocateOptions.DEFAULTS);
        UUID taken = scheduler().reserve("first@example.org", range(at(2027, 3, 4, 18), at(2027, 3, 4, 20)));
        scheduler().approveReservations(taken);
        SeriesBooking blocked = recurring().addBlockers(THURSDAYS, null, OccurrencePolicy.BOOK_WHAT_IS_FREE);
        assertThat(blocked.booked()).hasSize(5);
        assertThat(blocked.refused()).singleElement().satisfies(r -> {
            assertThat(r.occurrence().day()).isEqualTo(FIRST_THURSDAY);
            assertThat(r.reason()).isInstanceOf(AlreadyReservedError.class);
        });
    }
}
