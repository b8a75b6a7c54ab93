package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.AllocationAvailability;
import io.libres.db.DayAvailability;
import io.libres.db.Scheduler;
import io.libres.db.models.Allocation;
import io.libres.db.models.Partition;
import io.libres.db.models.ReservedSlot;
import io.libres.errors.AlreadyReservedError;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Availability: of allocations, of schedulers, by day, with blocking resources. */
public abstract class AvailabilityBehaviour extends Behaviour {

    private static final String EMAIL = "test@example.org";

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected AvailabilityBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    private void reserve(Scheduler scheduler, DateRange dates) {
        scheduler.approveReservations(scheduler.reserve(EMAIL, dates));
    }

    @Test
    @DisplayName("availability falls as slots are reserved, for the allocation and the scheduler")
    void availability() {
        Allocation a = scheduler().allocate(range(at(2011, 1, 1, 15), at(2011, 1, 1, 16)),
                AllocateOptions.builder().raster(15).partlyAvailable(true).build()).get(0);
        reserve(scheduler(), range(at(2011, 1, 1, 15), at(2011, 1, 1, 15, 15)));
        assertThat(a.availability(lookup())).isEqualTo(75.0).isEqualTo(scheduler().availability());
        reserve(scheduler(), range(at(2011, 1, 1, 15, 45), at(2011, 1, 1, 16)));
        assertThat(a.availability(lookup())).isEqualTo(50.0).isEqualTo(scheduler().availability());
        reserve(scheduler(), range(at(2011, 1, 1, 15, 15), at(2011, 1, 1, 15, 30)));
        assertThat(a.availability(lookup())).isEqualTo(25.0).isEqualTo(scheduler().availability());
        reserve(scheduler(), range(at(2011, 1, 1, 15, 30), at(2011, 1, 1, 15, 45)));
        assertThat(a.availability(lookup())).isEqualTo(0.0).isEqualTo(scheduler().availability());
    }

    @Test
    @DisplayName("with a quota, imaginary mirrors count as free")
    void availabilityWithQuota() {
        DateRange dates = range(at(2011, 1, 1, 15), at(2011, 1, 1, 16));
        Allocation a = scheduler().allocate(dates, AllocateOptions.builder().quota(4).build()).get(0);
        assertThat(a.availability(lookup())).isEqualTo(100.0);
        double[] expected = {75.0, 50.0, 25.0, 0.0};
        for (double value : expected) {
            reserve(scheduler(), dates);
            assertThat(scheduler().availability()).isEqualTo(value);
        }
        assertThat(a.availability(lookup())).isEqualTo(0.0);
        assertThat(scheduler().availability(dates)).isEqualTo(0.0);
        assertThat(scheduler().availability(range(at(2011, 1, 2, 15), at(2011, 1, 2, 16)))).isEqualTo(0.0);
    }

    @Test
    @DisplayName("availability partitions show reserved blocks in order")
    void partitions() {
        Allocation a = scheduler().allocate(range(at(2011, 1, 1, 8), at(2011, 1, 1, 10)),
                AllocateOptions.builder().partlyAvailable(true).build()).get(0);
        assertThat(a.availabilityPartitions(lookup())).containsExactly(new Partition(100.0, false));
        reserve(scheduler(), range(at(2011, 1, 1, 8, 30), at(2011, 1, 1, 9)));
        assertThat(a.availabilityPartitions(lookup())).containsExactly(new Partition(25.0, false),
                new Partition(25.0, true), new Partition(50.0, false));
    }

    @Test
    @DisplayName("availability by day sums up several resources per day")
    void byDay() {
        DateRange dates = range(at(2014, 11, 26, 13), at(2014, 11, 26, 14));
        Allocation allocation = scheduler().allocate(dates).get(0);
        reserve(scheduler(), dates);
        Scheduler other = fixture().other("clone");
        other.allocate(dates);
        Timespan span = allocation.timespan();
        LocalDate day = allocation.start().atZone(ZoneOffset.UTC).toLocalDate();
        Map<LocalDate, DayAvailability> days = scheduler().queries().availabilityByDay(span, List.of(other.resource()));
        assertThat(days.get(day).availability()).isEqualTo(100.0);
        days = scheduler().queries().availabilityByDay(span, List.of(scheduler().resource(), other.resource()));
        assertThat(days.get(day).availability()).isEqualTo(50.0);
        assertThat(days.get(day).resources()).containsExactlyInAnyOrder(scheduler().resource(), other.resource());
        days = scheduler().queries().availabilityByDay(span, List.of(scheduler().resource()));
        assertThat(days.get(day).availability()).isEqualTo(0.0);
    }

    @Test
    @DisplayName("availability by day can take the days in the scheduler's zone")
    void byDayInZone() {
        Allocation early = scheduler().allocate(range(at(2014, 11, 26, 0, 30), at(2014, 11, 26, 1, 30))).get(0);
        Timespan span = early.timespan();
        assertThat(scheduler().queries().availabilityByDay(span, List.of(scheduler().resource())))
                .containsOnlyKeys(LocalDate.of(2014, 11, 25));
        assertThat(scheduler().queries().availabilityByDay(span, List.of(scheduler().resource()), KitFixture.ZURICH))
                .containsOnlyKeys(LocalDate.of(2014, 11, 26));
    }

    @Test
    @DisplayName("a scheduler with blocking names and no allocations is 0 % available (libres 1.2 divided by zero)")
    void blockingWithoutAllocations() {
        Scheduler blocked = fixture().blockedScheduler();
        assertThat(blocked.availability()).isEqualTo(0.0);
        assertThat(scheduler().availability()).isEqualTo(0.0);
    }

    @Test
    @DisplayName("reserved slots of a blocking scheduler make the blocked scheduler's slots unavailable")
    void blockingResources() {
        Scheduler blocked = fixture().blockedScheduler();
        scheduler().allocate(range(at(2011, 1, 1, 15), at(2011, 1, 1, 16)), AllocateOptions.builder().partlyAvailable(true).raster(15).build());
        List<ReservedSlot> slots = scheduler().approveReservations(scheduler().reserve(EMAIL, range(at(2011, 1, 1, 15), at(2011, 1, 1, 15, 30))));
        assertThat(slots).hasSize(2);
        assertThat(blocked.visibleAllocations().count()).isEqualTo(1);
        Allocation allocation = blocked.allocate(range(at(2011, 1, 1, 14, 30), at(2011, 1, 1, 16, 30)),
                AllocateOptions.builder().partlyAvailable(true).raster(15).build()).get(0);
        List<Timespan> possible = allocation.allSlots();
        assertThat(possible).hasSize(8);
        assertThat(blocked.visibleAllocations().count()).isEqualTo(2);
        List<AllocationAvailability> result = blocked.allocationsWithAvailabilityByRange(DateRange.of(allocation.timespan()));
        assertThat(result).singleElement().satisfies(r -> {
            assertThat(r.allocation()).isEqualTo(allocation);
            assertThat(r.availability()).isEqualTo(75.0);
            assertThat(r.partitions()).containsExactly(new Partition(25.0, false), new Partition(25.0, true), new Partition(50.0, false));
        });
        assertThat(blocked.availability()).isEqualTo(75.0);
        assertThatThrownBy(() -> blocked.reserve(EMAIL, range(at(2011, 1, 1, 14, 30), at(2011, 1, 1, 15, 15))))
                .isInstanceOf(AlreadyReservedError.class);
        UUID token = blocked.reserve(EMAIL, range(at(2011, 1, 1, 15, 30), at(2011, 1, 1, 16, 30)));
        assertThat(blocked.approveReservations(token)).hasSize(4);
        assertThat(allocation.freeSlots(blocked.lookup())).containsExactlyElementsOf(possible.subList(0, 4));
        result = blocked.allocationsWithAvailabilityByRange(DateRange.of(allocation.timespan()));
        assertThat(result.get(0).availability()).isEqualTo(25.0);
        assertThat(result.get(0).partitions()).containsExactly(new Partition(25.0, false), new Partition(75.0, true));
    }

    @Test
    @DisplayName("approval checks the blocking resources again")
    void approvalChecksBlocking() {
        Scheduler blocked = fixture().blockedScheduler();
        DateRange dates = range(at(2011, 1, 1, 15), at(2011, 1, 1, 16));
        scheduler().allocate(dates);
        blocked.allocate(dates, AllocateOptions.builder().approveManually(true).build());
        UUID pending = blocked.reserve(EMAIL, dates);
        reserve(scheduler(), dates);
        assertThatThrownBy(() -> blocked.approveReservations(pending)).isInstanceOf(AlreadyReservedError.class);
    }

    @Test
    @DisplayName("allocations with availability cover masters only, normalised across daylight-saving changes")
    void withAvailabilityDst() {
        Allocation a = scheduler().allocate(range(at(2022, 3, 27, 0), at(2022, 3, 27, 4)),
                AllocateOptions.builder().partlyAvailable(true).raster(15).build()).get(0);
        List<AllocationAvailability> normalised = scheduler().allocationsWithAvailabilityByRange(DateRange.of(a.timespan()));
        assertThat(normalised).singleElement().satisfies(r -> {
            assertThat(r.availability()).isEqualTo(75.0);
            assertThat(r.partitions()).containsExactly(new Partition(50.0, false), new Partition(25.0, true), new Partition(25.0, false));
        });
        List<AllocationAvailability> real = scheduler().allocationsWithAvailabilityByRange(DateRange.of(a.timespan()), false);
        assertThat(real.get(0).availability()).isEqualTo(100.0);
        assertThat(real.get(0).partitions()).containsExactly(new Partition(100.0, false));
    }

    @Test
    @DisplayName("free allocations count and reservation targets look at master and mirrors")
    void freeCountAndTargets() {
        DateRange dates = range(at(2011, 1, 1, 15), at(2011, 1, 1, 16));
        Allocation master = scheduler().allocate(dates, AllocateOptions.builder().quota(3).build()).get(0);
        assertThat(scheduler().freeAllocationsCount(master, dates)).isEqualTo(3);
        assertThat(scheduler().reservationTargets(dates)).containsExactly(master);
        reserve(scheduler(), dates);
        assertThat(scheduler().freeAllocationsCount(master, dates)).isEqualTo(2);
        assertThat(scheduler().reservationTargets(dates)).singleElement().satisfies(t -> {
            assertThat(t.isMaster()).isFalse();
            assertThat(t.isTransient()).isTrue();
        });
        reserve(scheduler(), dates);
        reserve(scheduler(), dates);
        assertThat(scheduler().freeAllocationsCount(master, dates)).isZero();
        assertThatThrownBy(() -> scheduler().reservationTargets(dates)).isInstanceOf(AlreadyReservedError.class);
        assertThat(master.findSpot(lookup(), dates.resolve(KitFixture.ZURICH))).isEmpty();
    }

    @Test
    @DisplayName("the availability of a range counts only the allocations overlapping it")
    void availabilityOfRange() {
        DateRange reserved = range(at(2015, 3, 2, 8), at(2015, 3, 2, 9));
        DateRange free = range(at(2015, 3, 3, 8), at(2015, 3, 3, 9));
        scheduler().allocate(List.of(reserved, free), AllocateOptions.DEFAULTS);
        scheduler().approveReservations(scheduler().reserve(EMAIL, reserved));
        assertThat(scheduler().availability(range(at(2015, 3, 2, 0), at(2015, 3, 2, 23)))).isEqualTo(0.0);
        assertThat(scheduler().availability(range(at(2015, 3, 3, 0), at(2015, 3, 3, 23)))).isEqualTo(100.0);
        assertThat(scheduler().availability(range(at(2015, 3, 2, 0), at(2015, 3, 3, 23)))).isEqualTo(50.0);
        assertThat(scheduler().availability()).isEqualTo(50.0);
        assertThat(scheduler().availability(range(at(2015, 4, 1, 0), at(2015, 4, 1, 23)))).isEqualTo(0.0);
    }

    @Test
    @DisplayName("the queries add up availability and allocations over several resources")
    void queriesOverResources() {
        Scheduler other = fixture().other("other-" + UUID.randomUUID());
        DateRange dates = range(at(2015, 3, 2, 8), at(2015, 3, 2, 9));
        scheduler().allocate(dates);
        other.allocate(dates);
        scheduler().approveReservations(scheduler().reserve(EMAIL, dates));
        Timespan span = dates.resolve(KitFixture.ZURICH);
        assertThat(scheduler().queries().availabilityByRange(span, List.of(scheduler().resource()))).isEqualTo(0.0);
        assertThat(scheduler().queries().availabilityByRange(span, List.of(other.resource()))).isEqualTo(100.0);
        assertThat(scheduler().queries().availabilityByRange(span, List.of(scheduler().resource(), other.resource())))
                .isEqualTo(50.0);
        assertThat(scheduler().queries().allocationsInRange(span).list()).extracting(a -> a.resource())
                .containsOnly(scheduler().resource());
        assertThat(new io.libres.db.Queries(context(), List.of(scheduler().resource(), other.resource()))
                .allocationsInRange(span).list()).extracting(a -> a.resource())
                .containsOnly(scheduler().resource(), other.resource());
        assertThat(scheduler().queries().availabilityByAllocations(scheduler().managedAllocations().list())).isEqualTo(0.0);
    }
}
