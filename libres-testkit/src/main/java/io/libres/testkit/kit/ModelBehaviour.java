package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.ReserveOptions;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservedSlot;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Model methods that read stored state through the scheduler's lookup, and libres' latent defects. */
public abstract class ModelBehaviour extends Behaviour {

    private static final String EMAIL = "test@example.org";

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected ModelBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    @Test
    @DisplayName("partly available allocations are always separate; grouped ones never")
    void separate() {
        List<DateRange> dates = List.of(range(at(2015, 2, 6, 10), at(2015, 2, 6, 11)), range(at(2015, 2, 7, 10), at(2015, 2, 7, 11)));
        List<Allocation> grouped = scheduler().allocate(dates, AllocateOptions.builder().grouped(true).build());
        assertThat(grouped).noneMatch(a -> a.isSeparate(lookup())).allMatch(a -> a.inGroup(lookup()));
        Allocation single = scheduler().allocate(range(at(2015, 2, 8, 10), at(2015, 2, 8, 11))).get(0);
        assertThat(single.isSeparate(lookup())).isTrue();
        assertThat(single.inGroup(lookup())).isFalse();
        Allocation partly = scheduler().allocate(range(at(2015, 2, 9, 10), at(2015, 2, 9, 11)),
                AllocateOptions.builder().partlyAvailable(true).build()).get(0);
        assertThat(partly.isSeparate(lookup())).isTrue();
    }

    @Test
    @DisplayName("find spot returns the master first, then free mirrors, then nothing")
    void findSpot() {
        DateRange dates = range(at(2015, 2, 6, 10), at(2015, 2, 6, 11));
        Allocation master = scheduler().allocate(dates, AllocateOptions.builder().quota(2).build()).get(0);
        Timespan span = dates.resolve(KitFixture.ZURICH);
        assertThat(master.findSpot(lookup(), span)).contains(master);
        scheduler().approveReservations(scheduler().reserve(EMAIL, dates));
        Optional<Allocation> mirror = master.findSpot(lookup(), span);
        assertThat(mirror).isPresent();
        assertThat(mirror.get().isMaster()).isFalse();
        assertThat(mirror.get().mirrorOf()).isEqualTo(master.resource());
        scheduler().approveReservations(scheduler().reserve(EMAIL, dates));
        assertThat(master.findSpot(lookup(), span)).isEmpty();
        assertThat(master.quotaLeft(lookup())).isZero();
    }

    @Test
    @DisplayName("pending reservations are the same for master and mirrors")
    void pendingReservations() {
        DateRange dates = range(at(2015, 2, 6, 10), at(2015, 2, 6, 11));
        Allocation master = scheduler().allocate(dates, AllocateOptions.builder().quota(2).approveManually(true).build()).get(0);
        UUID approved = scheduler().reserve(EMAIL, dates);
        scheduler().approveReservations(approved);
        UUID pending = scheduler().reserve(EMAIL, dates);
        assertThat(master.pendingReservations(lookup()).list()).extracting(Reservation::token).containsExactly(pending);
        Allocation mirror = scheduler().allocationMirrorsByMaster(master).get(0);
        assertThat(mirror.pendingReservations(lookup()).list()).extracting(Reservation::token).containsExactly(pending);
    }

    @Test
    @DisplayName("reserved slots display in the allocation's zone and raster")
    void slotDisplay() {
        Allocation allocation = scheduler().allocate(range(at(2015, 2, 5, 11), at(2015, 2, 5, 13)),
                AllocateOptions.builder().partlyAvailable(true).raster(30).build()).get(0);
        scheduler().approveReservations(scheduler().reserve(EMAIL, range(at(2015, 2, 5, 11, 30), at(2015, 2, 5, 12))));
        ReservedSlot slot = allocation.reservedSlots(lookup()).get(0);
        assertThat(slot.displayStart(allocation).toLocalDateTime()).isEqualTo(LocalDateTime.of(2015, 2, 5, 11, 30));
        assertThat(slot.displayEnd(allocation).toLocalDateTime()).isEqualTo(LocalDateTime.of(2015, 2, 5, 12, 0));
        assertThat(slot.allocationId()).isEqualTo(allocation.requireId());
        assertThat(slot.createdAt()).isPresent();
    }

    @Test
    @DisplayName("an id of 0 is an id like any other, not 'no id' (a libres 1.2 defect)")
    void idZero() {
        DateRange dates = range(at(2015, 2, 5, 15), at(2015, 2, 5, 16));
        scheduler().allocate(dates);
        UUID token = scheduler().reserve(EMAIL, dates);
        scheduler().approveReservations(token);
        assertThat(scheduler().reservationsByToken(token, 0).count()).isZero();
        assertThat(scheduler().removeReservation(token, 0)).isEmpty();
        assertThat(scheduler().reservedSlotsByReservation(token).count()).isEqualTo(1);
        assertThat(scheduler().reservationsByToken(token).count()).isEqualTo(1);
        assertThat(scheduler().reservedSlotsByReservation(token, 0).count()).isZero();
    }

    @Test
    @DisplayName("reserving across the spring-forward night counts real time, not wall-clock time")
    void springForwardReservation() {
        Allocation allocation = scheduler().allocate(range(at(2026, 3, 29, 0), at(2026, 3, 29, 6)),
                AllocateOptions.builder().partlyAvailable(true).raster(60).build()).get(0);
        assertThat(allocation.countSlots()).isEqualTo(5);
        UUID token = scheduler().reserve(EMAIL, range(at(2026, 3, 29, 1), at(2026, 3, 29, 4)));
        assertThat(scheduler().approveReservations(token)).hasSize(2);
        assertThat(allocation.freeSlots(lookup())).hasSize(3);
    }

    @Test
    @DisplayName("reserving across the fall-back night covers the repeated hour")
    void fallBackReservation() {
        Allocation allocation = scheduler().allocate(range(at(2026, 10, 25, 0), at(2026, 10, 25, 6)),
                AllocateOptions.builder().partlyAvailable(true).raster(60).build()).get(0);
        assertThat(allocation.countSlots()).isEqualTo(7);
        UUID token = scheduler().reserve(EMAIL, range(at(2026, 10, 25, 1), at(2026, 10, 25, 4)));
        assertThat(scheduler().approveReservations(token)).hasSize(4);
        assertThat(allocation.availability(lookup())).isCloseTo(300.0 / 7, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    @DisplayName("a whole-day group on both DST days is reserved as a whole")
    void wholeDayGroupAcrossDst() {
        List<DateRange> days = List.of(range(at(2026, 3, 29, 0), at(2026, 3, 29, 0)), range(at(2026, 10, 25, 0), at(2026, 10, 25, 0)));
        List<Allocation> group = scheduler().allocate(days, AllocateOptions.builder().wholeDay(true).grouped(true).build());
        assertThat(group).allMatch(Allocation::wholeDay);
        UUID token = scheduler().reserveGroup(EMAIL, group.get(0).group(), ReserveOptions.DEFAULTS);
        assertThat(scheduler().approveReservations(token)).hasSize(2);
        assertThat(scheduler().reservationsByToken(token).one().timespans(lookup()))
                .extracting(Timespan::duration)
                .containsExactly(java.time.Duration.ofHours(23).minusNanos(1000), java.time.Duration.ofHours(25).minusNanos(1000));
    }
}
