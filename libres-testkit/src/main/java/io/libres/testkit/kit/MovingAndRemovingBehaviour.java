package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.MoveOptions;
import io.libres.db.models.Allocation;
import io.libres.errors.AffectedPendingReservationError;
import io.libres.errors.AffectedReservationError;
import io.libres.errors.InvalidAllocationError;
import io.libres.errors.InvalidDateRange;
import io.libres.errors.OverlappingAllocationError;
import io.libres.time.DateRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Moving and removing allocations. */
public abstract class MovingAndRemovingBehaviour extends Behaviour {

    private static final String EMAIL = "test@example.org";

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected MovingAndRemovingBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    private static MoveOptions to(DateRange dates) {
        return MoveOptions.builder().dates(dates).build();
    }

    @Test
    @DisplayName("an allocation cannot be moved over another")
    void moveOverExisting() {
        List<Allocation> created = scheduler().allocate(List.of(range(at(2015, 2, 9, 10), at(2015, 2, 9, 11)),
                range(at(2015, 2, 9, 11), at(2015, 2, 9, 12))), AllocateOptions.DEFAULTS);
        assertThatThrownBy(() -> scheduler().moveAllocation(created.get(0).requireId(), to(range(at(2015, 2, 9, 10), at(2015, 2, 9, 12)))))
                .isInstanceOf(OverlappingAllocationError.class)
                .satisfies(e -> assertThat(((OverlappingAllocationError) e).existing()).isEqualTo(created.get(1)));
    }

    @Test
    @DisplayName("an allocation reserved as a whole cannot change its span, pending or approved")
    void moveReserved() {
        DateRange dates = range(at(2015, 2, 9, 10), at(2015, 2, 9, 11));
        Allocation allocation = scheduler().allocate(dates).get(0);
        UUID token = scheduler().reserve(EMAIL, dates);
        MoveOptions longer = to(range(at(2015, 2, 9, 10), at(2015, 2, 9, 12)));
        assertThatThrownBy(() -> scheduler().moveAllocation(allocation.requireId(), longer))
                .isInstanceOf(AffectedPendingReservationError.class)
                .satisfies(e -> assertThat(((AffectedPendingReservationError) e).pendingReservation()).isPresent());
        scheduler().approveReservations(token);
        assertThatThrownBy(() -> scheduler().moveAllocation(allocation.requireId(), longer))
                .isInstanceOf(AffectedReservationError.class)
                .isNotInstanceOf(AffectedPendingReservationError.class)
                .satisfies(e -> assertThat(((AffectedReservationError) e).existing()).isPresent());
    }

    @Test
    @DisplayName("a partly available allocation may grow but not shrink past its reservations")
    void movePartly() {
        DateRange dates = range(at(2015, 2, 9, 10), at(2015, 2, 9, 12));
        Allocation allocation = scheduler().allocate(dates, AllocateOptions.builder().partlyAvailable(true).build()).get(0);
        scheduler().reserve(EMAIL, dates);
        assertThatThrownBy(() -> scheduler().moveAllocation(allocation.requireId(), to(range(at(2015, 2, 9, 10), at(2015, 2, 9, 11)))))
                .isInstanceOf(AffectedPendingReservationError.class);
        Allocation grown = scheduler().moveAllocation(allocation.requireId(), to(range(at(2015, 2, 9, 10), at(2015, 2, 9, 13))));
        assertThat(grown.displayEnd().getHour()).isEqualTo(13);
    }

    @Test
    @DisplayName("moving a partly available allocation keeps its reserved slots inside")
    void moveWithSlots() {
        Allocation allocation = scheduler().allocate(range(at(2011, 1, 1, 15), at(2011, 1, 1, 16)),
                AllocateOptions.builder().partlyAvailable(true).raster(15).build()).get(0);
        UUID token = scheduler().reserve(EMAIL, range(at(2011, 1, 1, 15), at(2011, 1, 1, 15, 30)));
        scheduler().approveReservations(token);
        assertThatThrownBy(() -> scheduler().moveAllocation(allocation.requireId(), to(range(at(2011, 1, 1, 15, 30), at(2011, 1, 1, 16)))))
                .isInstanceOf(AffectedReservationError.class);
        assertThat(allocation.freeSlots(lookup())).hasSize(2);
        Allocation moved = scheduler().moveAllocation(allocation.requireId(), to(range(at(2011, 1, 1, 15), at(2011, 1, 1, 15, 30))));
        assertThat(moved.freeSlots(lookup())).isEmpty();
        scheduler().removeReservation(token);
        assertThat(moved.freeSlots(lookup())).hasSize(2);
    }

    @Test
    @DisplayName("moving changes the data when asked to")
    void moveData() {
        DateRange dates = range(at(2015, 2, 9, 10), at(2015, 2, 9, 12));
        Allocation allocation = scheduler().allocate(dates, AllocateOptions.builder().data(Map.of("foo", "bar")).build()).get(0);
        assertThat(allocation.data()).isEqualTo(Map.of("foo", "bar"));
        Allocation moved = scheduler().moveAllocation(allocation.requireId(),
                MoveOptions.builder().dates(dates).data(Map.of("bar", "foo")).build());
        assertThat(moved.data()).isEqualTo(Map.of("bar", "foo"));
        assertThat(moved.timespan()).isEqualTo(allocation.timespan());
    }

    @Test
    @DisplayName("moving to a span that ends before it starts is invalid; moving nothing too")
    void invalidMove() {
        Allocation allocation = scheduler().allocate(range(at(2015, 2, 13, 10), at(2015, 2, 13, 12)),
                AllocateOptions.builder().quota(10).build()).get(0);
        assertThatThrownBy(() -> scheduler().moveAllocation(allocation.requireId(),
                to(DateRange.of(allocation.end(), allocation.start())))).isInstanceOf(InvalidAllocationError.class);
        assertThatThrownBy(() -> scheduler().moveAllocation(allocation.requireId(), MoveOptions.builder().build()))
                .isInstanceOf(InvalidAllocationError.class).hasMessageContaining("nothing to change");
    }

    @Test
    @DisplayName("a group with a pending reservation cannot be removed")
    void removeWithPending() {
        List<DateRange> dates = List.of(range(at(2015, 2, 9, 10), at(2015, 2, 9, 12)), range(at(2015, 2, 10, 10), at(2015, 2, 10, 12)));
        int id = scheduler().allocate(dates, AllocateOptions.builder().grouped(true).approveManually(true).build()).get(0).requireId();
        scheduler().reserve(EMAIL, dates, io.libres.db.ReserveOptions.DEFAULTS);
        assertThatThrownBy(() -> scheduler().removeAllocation(id)).isInstanceOf(AffectedPendingReservationError.class);
        assertThat(scheduler().managedAllocations().count()).isEqualTo(2);
    }

    @Test
    @DisplayName("a group is removed as a whole")
    void removeGroup() {
        UUID group = scheduler().allocate(List.of(range(at(2015, 2, 9, 10), at(2015, 2, 9, 12)),
                range(at(2015, 2, 10, 10), at(2015, 2, 10, 12))), AllocateOptions.builder().grouped(true).build()).get(0).group();
        assertThat(scheduler().managedAllocations().count()).isEqualTo(2);
        assertThat(scheduler().removeAllocations(List.of(group))).hasSize(2);
        assertThat(scheduler().managedAllocations().count()).isZero();
        assertThatThrownBy(() -> scheduler().removeAllocations(List.of())).isInstanceOf(InvalidAllocationError.class);
    }

    @Test
    @DisplayName("an allocation with a quota and imaginary mirrors is removed")
    void removeWithQuota() {
        Allocation allocation = scheduler().allocate(range(at(2015, 2, 13, 10), at(2015, 2, 13, 12)),
                AllocateOptions.builder().quota(10).build()).get(0);
        assertThat(scheduler().removeAllocation(allocation.requireId())).containsExactly(allocation);
        assertThat(scheduler().managedAllocations().count()).isZero();
    }

    @Test
    @DisplayName("only unused allocations whose whole group lies within the days are removed")
    void removeUnused() {
        DateRange pending = range(at(2013, 12, 3, 13), at(2013, 12, 3, 15));
        scheduler().allocate(pending);
        scheduler().reserve(EMAIL, pending);
        DateRange approved = range(at(2014, 12, 3, 13), at(2014, 12, 3, 15));
        scheduler().allocate(approved);
        scheduler().approveReservations(scheduler().reserve(EMAIL, approved));
        List<DateRange> pendingGroup = List.of(range(at(2015, 12, 3, 13), at(2015, 12, 3, 15)), range(at(2015, 12, 4, 13), at(2015, 12, 4, 15)));
        scheduler().allocate(pendingGroup, AllocateOptions.builder().grouped(true).build());
        scheduler().reserve(EMAIL, pendingGroup, io.libres.db.ReserveOptions.DEFAULTS);
        scheduler().allocate(range(at(2016, 12, 3, 13), at(2016, 12, 3, 15)));
        scheduler().allocate(List.of(range(at(2017, 12, 3, 13), at(2017, 12, 3, 15)), range(at(2017, 12, 4, 13), at(2017, 12, 4, 15))),
                AllocateOptions.builder().grouped(true).build());
        DateRange blocked = range(at(2018, 12, 3, 13), at(2018, 12, 3, 15));
        scheduler().allocate(blocked);
        scheduler().addBlocker(blocked);
        List<DateRange> blockedGroup = List.of(range(at(2019, 12, 3, 13), at(2019, 12, 3, 15)), range(at(2019, 12, 4, 13), at(2019, 12, 4, 15)));
        scheduler().allocate(blockedGroup, AllocateOptions.builder().grouped(true).build());
        scheduler().addBlocker(blockedGroup, null);
        scheduler().commit();
        assertThat(scheduler().managedAllocations().count()).isEqualTo(10);
        assertThat(scheduler().removeUnusedAllocations(LocalDate.of(2013, 1, 1), LocalDate.of(2016, 12, 31))).isEqualTo(1);
        assertThat(scheduler().managedAllocations().count()).isEqualTo(9);
        assertThat(scheduler().removeUnusedAllocations(LocalDate.of(2017, 12, 3), LocalDate.of(2017, 12, 3))).isZero();
        assertThat(scheduler().removeUnusedAllocations(LocalDate.of(2017, 12, 4), LocalDate.of(2017, 12, 4))).isZero();
        assertThat(scheduler().removeUnusedAllocations(LocalDate.of(2000, 1, 1), LocalDate.of(2020, 1, 1), Set.of(), true)).isZero();
        assertThat(scheduler().removeUnusedAllocations(LocalDate.of(2000, 1, 1), LocalDate.of(2020, 1, 1))).isEqualTo(2);
        assertThat(scheduler().managedAllocations().count()).isEqualTo(7);
    }

    @Test
    @DisplayName("removing unused allocations by weekday takes the weekday in the scheduler's zone")
    void removeUnusedByWeekday() {
        java.time.ZoneId zurich = KitFixture.ZURICH;
        List<DateRange> week = new java.util.ArrayList<>();
        for (int day = 19; day <= 25; day++) {
            week.add(DateRange.of(ZonedDateTime.of(2023, 3, day, 0, 0, 0, 0, zurich), ZonedDateTime.of(2023, 3, day, 2, 0, 0, 0, zurich)));
        }
        scheduler().allocate(week, AllocateOptions.DEFAULTS);
        scheduler().allocate(List.of(range(at(2023, 3, 26, 0), at(2023, 3, 26, 2)), range(at(2023, 3, 27, 0), at(2023, 3, 27, 2))),
                AllocateOptions.builder().grouped(true).build());
        assertThat(scheduler().managedAllocations().count()).isEqualTo(9);
        assertThat(scheduler().removeUnusedAllocations(LocalDate.of(2023, 3, 19), LocalDate.of(2023, 3, 28),
                Set.of(DayOfWeek.SUNDAY), false)).isEqualTo(1);
        assertThat(scheduler().managedAllocations().count()).isEqualTo(8);
        assertThatThrownBy(() -> scheduler().removeUnusedAllocations(LocalDate.of(2023, 3, 28), LocalDate.of(2023, 3, 19)))
                .isInstanceOf(InvalidDateRange.class);
    }

    @Test
    @DisplayName("extinguishing removes every record of the scheduler and nothing of others")
    void extinguish() {
        DateRange dates = range(at(2015, 2, 9, 10), at(2015, 2, 9, 12));
        scheduler().allocate(dates);
        scheduler().approveReservations(scheduler().reserve(EMAIL, dates));
        io.libres.db.Scheduler other = fixture().other("other");
        other.allocate(dates);
        scheduler().extinguishManagedRecords();
        assertThat(scheduler().managedAllocations().count()).isZero();
        assertThat(scheduler().managedReservations().count()).isZero();
        assertThat(scheduler().managedReservedSlots().count()).isZero();
        assertThat(other.managedAllocations().count()).isEqualTo(1);
    }
}
