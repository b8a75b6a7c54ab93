package io.libres.testkit.kit;

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
}
