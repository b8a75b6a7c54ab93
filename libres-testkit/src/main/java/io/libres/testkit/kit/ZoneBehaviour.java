package io.libres.testkit.kit;

import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import io.libres.db.MoveOptions;
import io.libres.db.AllocateOptions;
import io.libres.db.Inclusion;
import io.libres.db.SearchOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.errors.InvalidAllocationError;
import io.libres.time.DateRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Zones: local values in the scheduler's zone, other zones as they are, daylight-saving days. */
public abstract class ZoneBehaviour extends Behaviour {

    private static final String EMAIL = "test@example.org";

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected ZoneBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    @Test
    @DisplayName("a reservation given in another zone lands on the allocation of the same instant")
    void otherZoneReservation() {
        Allocation allocation = scheduler().allocate(range(at(2015, 6, 1, 15), at(2015, 6, 1, 16))).get(0);
        ZonedDateTime newYork = ZonedDateTime.of(2015, 6, 1, 9, 0, 0, 0, ZoneId.of("America/New_York"));
        UUID token = scheduler().reserve(EMAIL, DateRange.of(newYork, newYork.plusHours(1)));
        Reservation reservation = scheduler().reservationsByToken(token).one();
        assertThat(reservation.target()).isEqualTo(allocation.group());
        assertThat(reservation.timezone()).contains("Europe/Zurich");
        assertThat(reservation.data()).isEmpty();
        assertThat(reservation.displayStart().toLocalTime()).isEqualTo(LocalTime.of(15, 0));
    }

    @Test
    @DisplayName("an allocation only within the spring-forward gap is empty, hence invalid")
    void gapOnly() {
        assertThatThrownBy(() -> scheduler().allocate(range(at(2026, 3, 29, 2, 30), at(2026, 3, 29, 3, 0))))
                .isInstanceOf(InvalidAllocationError.class);
    }

    @Test
    @DisplayName("local times in the fall-back overlap are read as standard time")
    void overlapIsStandardTime() {
        Allocation allocation = scheduler().allocate(range(at(2026, 10, 25, 2), at(2026, 10, 25, 3))).get(0);
        assertThat(allocation.start()).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
        assertThat(allocation.displayEnd().toInstant()).isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
    }

    @Test
    @DisplayName("the spring-forward day is a Sunday for search and for removing unused allocations")
    void springForwardSunday() {
        scheduler().allocate(range(at(2026, 3, 29, 0), at(2026, 3, 29, 0)), AllocateOptions.builder().wholeDay(true).build());
        scheduler().allocate(range(at(2026, 3, 28, 0), at(2026, 3, 28, 0)), AllocateOptions.builder().wholeDay(true).build());
        DateRange weekend = range(at(2026, 3, 28, 0), at(2026, 3, 29, 23, 59));
        assertThat(scheduler().searchAllocations(weekend, SearchOptions.builder().days(DayOfWeek.SUNDAY).build())).hasSize(1);
        assertThat(scheduler().searchAllocations(weekend, SearchOptions.builder().wholeDay(Inclusion.YES).build())).hasSize(2);
        assertThat(scheduler().removeUnusedAllocations(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29),
                Set.of(DayOfWeek.SUNDAY), false)).isEqualTo(1);
        assertThat(scheduler().managedAllocations().list()).singleElement()
                .satisfies(a -> assertThat(a.displayStart().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY));
    }

    @Test
    @DisplayName("the fall-back day can be removed as an unused whole day")
    void fallBackUnused() {
        scheduler().allocate(range(at(2026, 10, 25, 0), at(2026, 10, 25, 0)), AllocateOptions.builder().wholeDay(true).build());
        assertThat(scheduler().removeUnusedAllocations(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25))).isEqualTo(1);
    }

    @Test
    @DisplayName("blockers display in the allocation's zone")
    void blockerDisplay() {
        scheduler().allocate(range(at(2015, 6, 1, 15), at(2015, 6, 1, 17)), AllocateOptions.builder().partlyAvailable(true).build());
        ReservationBlocker blocker = scheduler().addBlocker(range(at(2015, 6, 1, 15), at(2015, 6, 1, 16))).get(0);
        assertThat(blocker.displayStart().toLocalTime()).isEqualTo(LocalTime.of(15, 0));
        assertThat(blocker.displayEnd().toLocalTime()).isEqualTo(LocalTime.of(16, 0));
        assertThat(blocker.timespans(lookup())).singleElement()
                .satisfies(t -> assertThat(t.start()).isEqualTo(blocker.start()));
    }

    @Test
    @DisplayName("allocations in range can include those of blocking resources")
    void visibleInRange() {
        Scheduler blocked = fixture().blockedScheduler();
        DateRange dates = range(at(2015, 6, 1, 15), at(2015, 6, 1, 16));
        scheduler().allocate(dates);
        blocked.allocate(dates);
        assertThat(blocked.allocationsInRange(dates).count()).isEqualTo(1);
        assertThat(blocked.allocationsInRange(dates, true, false).count()).isEqualTo(2);
        assertThat(blocked.blockingAllocations().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("a scheduler in another zone reads the same local time differently")
    void otherSchedulerZone() {
        Scheduler tokyo = new Scheduler(context(), "tokyo-" + UUID.randomUUID(), ZoneId.of("Asia/Tokyo"));
        Allocation a = tokyo.allocate(range(at(2015, 6, 1, 15), at(2015, 6, 1, 16))).get(0);
        assertThat(a.start()).isEqualTo(Instant.parse("2015-06-01T06:00:00Z"));
        assertThat(a.timezone()).contains("Asia/Tokyo");
        assertThat(List.of(a.displayStart().getHour(), a.displayStart(KitFixture.ZURICH).getHour())).containsExactly(15, 8);
        tokyo.extinguishManagedRecords();
    }

    @Test
    @DisplayName("a scheduler in another zone cannot move an allocation: a zone cannot change once allocations exist")
    void zoneCannotChange() {
        Allocation zurich = scheduler().allocate(range(at(2015, 6, 1, 15), at(2015, 6, 1, 16))).get(0);
        Scheduler elsewhere = new Scheduler(context(), scheduler().name(), ZoneId.of("Asia/Tokyo"));
        assertThat(elsewhere.resource()).isEqualTo(scheduler().resource());
        assertThatThrownBy(() -> elsewhere.moveAllocation(zurich.requireId(),
                MoveOptions.builder().dates(range(at(2015, 6, 1, 15), at(2015, 6, 1, 17))).build()))
                .isInstanceOf(InvalidAllocationError.class).hasMessageContainingAll("Europe/Zurich", "Asia/Tokyo");
        assertThat(scheduler().allocationById(zurich.requireId()).timespan()).isEqualTo(zurich.timespan());
        assertThat(scheduler().moveAllocation(zurich.requireId(),
                MoveOptions.builder().dates(range(at(2015, 6, 1, 15), at(2015, 6, 1, 17))).build()).displayEnd().getHour())
                .isEqualTo(17);
    }

    @Test
    @DisplayName("a LocalDate stands for its midnight in the scheduler's zone")
    void localDates() {
        Allocation day = scheduler().allocate(new DateRange(LocalDate.of(2015, 6, 1), LocalDate.of(2015, 6, 2))).get(0);
        assertThat(day.start()).isEqualTo(Instant.parse("2015-05-31T22:00:00Z"));
        assertThat(day.displayEnd().toLocalDateTime()).isEqualTo(at(2015, 6, 2, 0));
        assertThat(day.wholeDay()).isTrue();
    }

    @Test
    @DisplayName("offsets tell apart the two occurrences of the repeated hour on the fall-back night")
    void repeatedHourByOffset() {
        DateRange summer = DateRange.of(OffsetDateTime.of(2026, 10, 25, 2, 0, 0, 0, ZoneOffset.ofHours(2)),
                OffsetDateTime.of(2026, 10, 25, 3, 0, 0, 0, ZoneOffset.ofHours(2)));
        DateRange winter = DateRange.of(OffsetDateTime.of(2026, 10, 25, 2, 0, 0, 0, ZoneOffset.ofHours(1)),
                OffsetDateTime.of(2026, 10, 25, 3, 0, 0, 0, ZoneOffset.ofHours(1)));
        Allocation first = scheduler().allocate(summer).get(0);
        Allocation second = scheduler().allocate(winter).get(0);
        assertThat(first.start()).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
        assertThat(second.start()).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
        assertThat(first.displayStart().toLocalTime()).isEqualTo(second.displayStart().toLocalTime());
        UUID token = scheduler().reserve(EMAIL, winter);
        assertThat(scheduler().approveReservations(token)).singleElement()
                .satisfies(slot -> assertThat(slot.allocationId()).isEqualTo(second.requireId()));
        assertThat(first.isAvailable(lookup())).isTrue();
    }

    @Test
    @DisplayName("a local start in the spring-forward gap is read after the gap, as libres does: 02:30-04:00 is stored as 03:30-04:00")
    void startInTheGapShifts() {
        Allocation shifted = scheduler().allocate(range(at(2015, 3, 29, 2, 30), at(2015, 3, 29, 4, 0))).get(0);
        scheduler().commit();
        Allocation stored = scheduler().allocationById(shifted.requireId());
        assertThat(stored.displayStart().toLocalDateTime()).isEqualTo(at(2015, 3, 29, 3, 30));
        assertThat(stored.displayEnd().toLocalDateTime()).isEqualTo(at(2015, 3, 29, 4, 0));
        assertThat(stored.start()).isEqualTo(Instant.parse("2015-03-29T01:30:00Z"));
        assertThatThrownBy(() -> scheduler().allocate(range(at(2015, 3, 29, 2, 30), at(2015, 3, 29, 3, 30))))
                .isInstanceOf(InvalidAllocationError.class).hasMessageContaining("daylight-saving gap")
                .hasMessageContaining("is read as 2015-03-29T03:30");
    }

    @Test
    @DisplayName("allocations in the years 1 and 9999 are stored and read back exactly, the limits of Python's datetime")
    void firstAndLastYears() {
        Instant first = Instant.parse("0001-01-02T10:00:00Z");
        Instant last = Instant.parse("9999-12-30T10:00:00Z");
        Allocation early = scheduler().allocate(DateRange.of(first, first.plusSeconds(3600))).get(0);
        Allocation late = scheduler().allocate(DateRange.of(last, last.plusSeconds(3600))).get(0);
        scheduler().commit();
        assertThat(scheduler().allocationById(early.requireId()).start()).isEqualTo(first);
        assertThat(scheduler().allocationById(late.requireId()).end()).isEqualTo(last.plusSeconds(3600).minusNanos(1000));
        assertThat(scheduler().availability()).isEqualTo(100.0);
    }
}
