package io.libres.testkit.kit;

import io.libres.db.models.ReservationBlocker;
import java.time.LocalTime;
import java.time.Instant;
import io.libres.db.AllocationAvailability;
import io.libres.db.models.Partition;
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

    @Test
    @DisplayName("a 60-minute raster widens a stored allocation to whole hours; overlaps and contains compare rastered spans")
    void rasteredDates() {
        Allocation allocation = scheduler().allocate(new DateRange(Instant.parse("2011-01-01T12:30:00Z"),
                Instant.parse("2011-01-01T14:00:00Z")), AllocateOptions.builder().raster(60).build()).get(0);
        assertThat(allocation.start()).isEqualTo(Instant.parse("2011-01-01T12:00:00Z"));
        assertThat(allocation.end()).isEqualTo(Instant.parse("2011-01-01T13:59:59.999999Z"));
        Timespan early = new Timespan(Instant.parse("2011-01-01T11:00:00Z"), Instant.parse("2011-01-01T12:05:00Z"));
        Timespan late = new Timespan(Instant.parse("2011-01-01T13:00:00Z"), Instant.parse("2011-01-01T15:00:00Z"));
        Timespan inside = new Timespan(Instant.parse("2011-01-01T12:10:00Z"), Instant.parse("2011-01-01T13:50:00Z"));
        assertThat(allocation.overlaps(early)).isTrue();
        assertThat(allocation.contains(early)).isFalse();
        assertThat(allocation.overlaps(late)).isTrue();
        assertThat(allocation.contains(late)).isFalse();
        assertThat(allocation.contains(inside)).isTrue();
    }

    @Test
    @DisplayName("whether an allocation is a whole day is judged in its zone, not in UTC")
    void wholeDayInZone() {
        Allocation zurichDay = scheduler().allocate(new DateRange(Instant.parse("2013-01-01T23:00:00Z"),
                Instant.parse("2013-01-02T23:00:00Z"))).get(0);
        Allocation utcDay = scheduler().allocate(new DateRange(Instant.parse("2013-01-04T00:00:00Z"),
                Instant.parse("2013-01-05T00:00:00Z"))).get(0);
        assertThat(zurichDay.wholeDay()).isTrue();
        assertThat(utcDay.wholeDay()).isFalse();
        assertThat(scheduler().allocationById(zurichDay.requireId()).wholeDay()).isTrue();
    }

    @Test
    @DisplayName("limiting a stored partly available allocation to times of day clamps them to it, in its zone")
    void limitTimespan() {
        Allocation allocation = scheduler().allocate(range(at(2014, 1, 1, 8), at(2014, 1, 1, 9)),
                AllocateOptions.builder().partlyAvailable(true).raster(15).build()).get(0);
        Timespan whole = new Timespan(allocation.start(), allocation.displayEnd().toInstant());
        assertThat(allocation.limitTimespan(LocalTime.of(7, 0), LocalTime.of(10, 0))).isEqualTo(whole);
        assertThat(allocation.limitTimespan(LocalTime.of(8, 30), LocalTime.of(8, 40))).isEqualTo(new Timespan(
                zoned(at(2014, 1, 1, 8, 30)), zoned(at(2014, 1, 1, 8, 45))));
        Allocation whole2 = scheduler().allocate(range(at(2014, 1, 2, 8), at(2014, 1, 2, 9))).get(0);
        assertThat(whole2.limitTimespan(LocalTime.of(8, 30), LocalTime.of(8, 40)))
                .isEqualTo(new Timespan(whole2.start(), whole2.displayEnd().toInstant()));
    }

    private static Instant zoned(java.time.LocalDateTime local) {
        return local.atZone(KitFixture.ZURICH).toInstant();
    }

    @Test
    @DisplayName("a copy of a stored allocation is transient, equal to it, and can be changed without changing it")
    void copy() {
        Allocation stored = scheduler().allocate(range(at(2015, 2, 6, 12), at(2015, 2, 6, 13)),
                AllocateOptions.builder().quota(3).build()).get(0);
        Allocation copy = stored.copy();
        assertThat(copy.isTransient()).isTrue();
        assertThat(copy).isEqualTo(stored);
        assertThat(copy.quota()).isEqualTo(3);
        assertThat(copy.group()).isEqualTo(stored.group());
        assertThat(scheduler().allocationById(stored.requireId()).isTransient()).isFalse();
    }

    @Test
    @DisplayName("an imaginary mirror knows its master and has no id")
    void imaginaryMirrorMaster() {
        Allocation master = scheduler().allocate(range(at(2015, 2, 6, 12), at(2015, 2, 6, 13)),
                AllocateOptions.builder().quota(2).build()).get(0);
        Allocation imaginary = master.siblings(lookup()).get(1);
        assertThat(imaginary.isTransient()).isTrue();
        assertThat(imaginary.id()).isEmpty();
        assertThat(imaginary.isMaster()).isFalse();
        assertThat(imaginary.master(lookup())).isEqualTo(master);
        assertThat(imaginary.resource()).isNotEqualTo(master.resource());
    }

    @Test
    @DisplayName("a reservation's title is its email")
    void reservationTitle() {
        DateRange dates = range(at(2015, 2, 5, 15), at(2015, 2, 5, 16));
        scheduler().allocate(dates);
        UUID token = scheduler().reserve("title@example.org", dates);
        assertThat(scheduler().reservationsByToken(token).one().title()).isEqualTo("title@example.org");
    }

    @Test
    @DisplayName("the timespan of a reservation ends where its allocation ends, a microsecond after the stored end")
    void reservationTimespanEnd() {
        DateRange dates = range(at(2015, 2, 5, 15), at(2015, 2, 5, 16));
        scheduler().allocate(dates);
        UUID token = scheduler().reserve(EMAIL, dates);
        Reservation reservation = scheduler().reservationsByToken(token).one();
        List<Timespan> spans = reservation.timespans(lookup());
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0).start()).isEqualTo(reservation.start().orElseThrow());
        assertThat(spans.get(0).end()).isEqualTo(reservation.end().orElseThrow().plus(Timespan.MICROSECOND));
        assertThat(spans.get(0).end()).isEqualTo(zoned(at(2015, 2, 5, 16, 0)));
    }

    @Test
    @DisplayName("a blocker shows as an unavailable partition but, unlike a reservation, leaves the availability at 100 %")
    void blockerPartitions() {
        DateRange dates = range(at(2015, 2, 9, 8), at(2015, 2, 9, 12));
        Allocation allocation = scheduler().allocate(dates, AllocateOptions.builder().partlyAvailable(true).build()).get(0);
        scheduler().addBlocker(range(at(2015, 2, 9, 9), at(2015, 2, 9, 10)));
        AllocationAvailability result = scheduler().allocationsWithAvailabilityByRange(dates).get(0);
        assertThat(result.allocation()).isEqualTo(allocation);
        assertThat(result.availability()).isEqualTo(100.0);
        assertThat(result.partitions()).containsExactly(new Partition(25.0, false), new Partition(25.0, true),
                new Partition(50.0, false));
        assertThat(scheduler().allocationsWithAvailabilityByRange(dates, false).get(0).partitions())
                .isEqualTo(result.partitions());
        scheduler().approveReservations(scheduler().reserve(EMAIL, range(at(2015, 2, 9, 10), at(2015, 2, 9, 11))));
        // one of the three unblocked hours is reserved
        assertThat(scheduler().allocationsWithAvailabilityByRange(dates).get(0).availability())
                .isCloseTo(100.0 - 100.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    @DisplayName("partitions of a reservation across the spring-forward night show the missing hour when normalised")
    void springForwardPartitions() {
        DateRange night = range(at(2026, 3, 29, 0), at(2026, 3, 29, 4));
        scheduler().allocate(night, AllocateOptions.builder().partlyAvailable(true).build());
        scheduler().approveReservations(scheduler().reserve(EMAIL, range(at(2026, 3, 29, 0), at(2026, 3, 29, 1))));
        AllocationAvailability real = scheduler().allocationsWithAvailabilityByRange(night, false).get(0);
        AllocationAvailability normalised = scheduler().allocationsWithAvailabilityByRange(night, true).get(0);
        // three real hours, the first reserved; on the wall clock four, the missing third one shown as taken
        assertThat(real.partitions()).extracting(Partition::reserved).containsExactly(true, false);
        assertThat(real.partitions().get(0).percentage()).isCloseTo(100.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(normalised.partitions()).extracting(Partition::percentage).containsExactly(25.0, 25.0, 25.0, 25.0);
        assertThat(normalised.partitions()).extracting(Partition::reserved).containsExactly(true, false, true, false);
    }

    @Test
    @DisplayName("aligning dates clamps a span to the allocation; no span gives the allocation itself")
    void alignDates() {
        Allocation allocation = scheduler().allocate(range(at(2015, 2, 9, 10), at(2015, 2, 9, 12))).get(0);
        Timespan wider = new Timespan(zoned(at(2015, 2, 9, 9, 0)), zoned(at(2015, 2, 9, 13, 0)));
        Timespan inner = new Timespan(zoned(at(2015, 2, 9, 10, 30)), zoned(at(2015, 2, 9, 11, 0)));
        assertThat(allocation.alignDates(wider)).isEqualTo(allocation.timespan());
        assertThat(allocation.alignDates(inner)).isEqualTo(inner);
        assertThat(allocation.alignDates(null)).isEqualTo(allocation.timespan());
    }

    @Test
    @DisplayName("a group blocker targets the group's masters, spans their times, and holds every spot of each")
    void groupBlockerModel() {
        List<Allocation> group = scheduler().allocate(List.of(range(at(2015, 2, 10, 10), at(2015, 2, 10, 11)),
                range(at(2015, 2, 9, 10), at(2015, 2, 9, 11))), AllocateOptions.builder().grouped(true).quota(2).build());
        ReservationBlocker blocker = scheduler().addGroupBlocker(group.get(0).group(), "closed").get(0);
        assertThat(blocker.start()).isNull();
        assertThat(blocker.timespans(lookup())).extracting(Timespan::start)
                .containsExactly(zoned(at(2015, 2, 9, 10, 0)), zoned(at(2015, 2, 10, 10, 0)));
        assertThat(blocker.targetAllocations(lookup(), true)).hasSize(2).allMatch(Allocation::isMaster);
        assertThat(blocker.targetAllocations(lookup(), false)).hasSize(4);
        assertThat(scheduler().reservedSlotsByBlocker(blocker.token()).count()).isEqualTo(4);
        for (Allocation member : group) {
            assertThat(member.quotaLeft(lookup())).isZero();
        }
    }
}
