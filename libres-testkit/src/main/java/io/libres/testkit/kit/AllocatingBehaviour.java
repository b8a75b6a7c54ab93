package io.libres.testkit.kit;

import java.util.UUID;
import io.libres.errors.MultipleResultsFound;
import io.libres.db.AllocateOptions;
import io.libres.db.MoveOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Allocation;
import io.libres.errors.InvalidAllocationError;
import io.libres.errors.InvalidQuota;
import io.libres.errors.InvalidRaster;
import io.libres.errors.NoResultFound;
import io.libres.errors.OverlappingAllocationError;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Allocating: options, overlaps, whole days, data, ids. */
public abstract class AllocatingBehaviour extends Behaviour {

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected AllocatingBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    @Test
    @DisplayName("an allocation is stored with an id, rastered, in UTC, with the scheduler's zone")
    void allocate() {
        Allocation a = scheduler().allocate(range(at(2014, 4, 4, 14, 3), at(2014, 4, 4, 15, 0))).get(0);
        assertThat(a.id()).isPresent();
        assertThat(a.isMaster()).isTrue();
        assertThat(a.resource()).isEqualTo(scheduler().resource());
        assertThat(a.start()).isEqualTo(Instant.parse("2014-04-04T12:00:00Z"));
        assertThat(a.end()).isEqualTo(Instant.parse("2014-04-04T12:59:59.999999Z"));
        assertThat(a.timezone()).contains("Europe/Zurich");
        assertThat(a.quota()).isEqualTo(1);
        assertThat(scheduler().managedAllocations().list()).containsExactly(a);
    }

    @Test
    @DisplayName("rolling back undoes an allocation")
    void rollback() {
        scheduler().allocate(range(at(2014, 4, 4, 14), at(2014, 4, 4, 15)));
        scheduler().rollback();
        assertThat(scheduler().managedAllocations().count()).isZero();
    }

    @Test
    @DisplayName("committed allocations survive the unit of work")
    void commit() {
        scheduler().allocate(range(at(2014, 4, 4, 14), at(2014, 4, 4, 15)));
        scheduler().commit();
        assertThat(scheduler().managedAllocations().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("manual approval is required if any of the allocations requires it")
    void manualApprovalRequired() {
        List<Integer> automatic = ids(scheduler().allocate(range(at(2014, 4, 4, 14), at(2014, 4, 4, 15))));
        List<Integer> manual = ids(scheduler().allocate(range(at(2015, 4, 4, 14), at(2015, 4, 4, 15)),
                AllocateOptions.builder().approveManually(true).build()));
        scheduler().commit();
        assertThat(scheduler().manualApprovalRequired(automatic)).isFalse();
        assertThat(scheduler().manualApprovalRequired(manual)).isTrue();
        assertThat(scheduler().manualApprovalRequired(List.of(automatic.get(0), manual.get(0)))).isTrue();
    }

    static List<Integer> ids(List<Allocation> allocations) {
        return allocations.stream().map(Allocation::requireId).collect(Collectors.toList());
    }

    @Test
    @DisplayName("an allocation can be widened to a whole day by moving it")
    void toWholeDay() {
        DateRange dates = range(at(2015, 2, 9, 10), at(2015, 2, 9, 11));
        Allocation a = scheduler().allocate(dates).get(0);
        assertThat(a.wholeDay()).isFalse();
        Allocation moved = scheduler().moveAllocation(a.requireId(), MoveOptions.builder().dates(dates).wholeDay(true).build());
        assertThat(moved.wholeDay()).isTrue();
        assertThat(moved.displayStart().toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
    }

    @Test
    @DisplayName("an allocation ending before it starts is invalid")
    void endBeforeStart() {
        assertThatThrownBy(() -> scheduler().allocate(range(at(2015, 2, 14, 10), at(2015, 2, 13, 12)),
                AllocateOptions.builder().quota(10).build()))
                .isInstanceOf(InvalidAllocationError.class).hasMessageContaining("ends before it starts");
        assertThat(scheduler().managedAllocations().count()).isZero();
    }

    @Test
    @DisplayName("partly available and grouped together are invalid, before anything is written")
    void partlyAndGrouped() {
        assertThatThrownBy(() -> AllocateOptions.builder().partlyAvailable(true).grouped(true).build())
                .isInstanceOf(InvalidAllocationError.class).hasMessageContaining("partly available and grouped");
        assertThatThrownBy(() -> AllocateOptions.builder().skipOverlapping(true).grouped(true).build())
                .isInstanceOf(InvalidAllocationError.class).hasMessageContaining("skipOverlapping");
    }

    @Test
    @DisplayName("invalid rasters and quotas are typed errors")
    void invalidOptions() {
        assertThatThrownBy(() -> AllocateOptions.builder().raster(7)).isInstanceOf(InvalidRaster.class);
        assertThatThrownBy(() -> AllocateOptions.builder().quota(0).build()).isInstanceOf(InvalidQuota.class);
        assertThatThrownBy(() -> AllocateOptions.builder().quotaLimit(-1).build()).isInstanceOf(InvalidQuota.class);
    }

    @Test
    @DisplayName("allocations of one resource never overlap, those of different resources may")
    void overlap() {
        DateRange dates = range(at(2011, 1, 1, 15), at(2011, 1, 1, 16));
        AllocateOptions raster15 = AllocateOptions.builder().raster(15).build();
        Allocation first = scheduler().allocate(dates, raster15).get(0);
        Scheduler other = fixture().other("clone");
        other.allocate(dates, raster15);
        scheduler().commit();
        assertThatThrownBy(() -> scheduler().allocate(dates, raster15))
                .isInstanceOf(OverlappingAllocationError.class)
                .satisfies(e -> assertThat(((OverlappingAllocationError) e).existing()).isEqualTo(first))
                .satisfies(e -> assertThat(((OverlappingAllocationError) e).start()).isEqualTo(first.start()));
        List<DateRange> tenDays = IntStream.range(0, 10).mapToObj(d -> range(at(2011, 1, 1 + d, 15), at(2011, 1, 1 + d, 16)))
                .collect(Collectors.toList());
        assertThatThrownBy(() -> scheduler().allocate(tenDays, raster15)).isInstanceOf(OverlappingAllocationError.class);
        assertThat(scheduler().managedAllocations().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("dates overlapping each other are invalid; adjacent dates are fine")
    void overlapWithinRequest() {
        assertThatThrownBy(() -> scheduler().allocate(List.of(range(at(2013, 1, 1, 12), at(2013, 1, 1, 13)),
                range(at(2013, 1, 1, 12), at(2013, 1, 1, 13))), AllocateOptions.DEFAULTS))
                .isInstanceOf(InvalidAllocationError.class);
        assertThatThrownBy(() -> scheduler().allocate(List.of(range(at(2013, 1, 1, 12), at(2013, 1, 1, 13, 1)),
                range(at(2013, 1, 1, 13), at(2013, 1, 1, 14))), AllocateOptions.DEFAULTS))
                .isInstanceOf(InvalidAllocationError.class);
        List<Allocation> adjacent = scheduler().allocate(List.of(range(at(2013, 1, 1, 12), at(2013, 1, 1, 13)),
                range(at(2013, 1, 1, 13), at(2013, 1, 1, 14))), AllocateOptions.DEFAULTS);
        assertThat(adjacent.get(0).end()).isBefore(adjacent.get(1).start());
    }

    @Test
    @DisplayName("overlapping dates are skipped when asked to")
    void skipOverlapping() {
        scheduler().allocate(range(at(2013, 1, 1, 12), at(2013, 1, 1, 13)));
        List<Allocation> created = scheduler().allocate(List.of(range(at(2013, 1, 1, 12), at(2013, 1, 1, 13)),
                range(at(2013, 1, 2, 12), at(2013, 1, 2, 13))), AllocateOptions.builder().skipOverlapping(true).build());
        assertThat(created).hasSize(1);
        assertThat(created.get(0).displayStart().getDayOfMonth()).isEqualTo(2);
        assertThat(scheduler().managedAllocations().count()).isEqualTo(2);
    }

    @Test
    @DisplayName("no dates create no allocations")
    void noDates() {
        assertThat(scheduler().allocate(List.of(), AllocateOptions.DEFAULTS)).isEmpty();
    }

    @Test
    @DisplayName("each scheduler name manages its own allocations")
    void managedAllocations() {
        DateRange dates = range(at(2014, 4, 4, 14), at(2014, 4, 4, 15));
        scheduler().allocate(dates);
        scheduler().commit();
        assertThat(scheduler().clone().managedAllocations().count()).isEqualTo(1);
        Scheduler other = fixture().other("clone");
        assertThat(other.managedAllocations().count()).isZero();
        other.allocate(dates);
        other.commit();
        assertThat(other.managedAllocations().count()).isEqualTo(1);
        assertThat(scheduler().managedAllocations().count()).isEqualTo(1);
        assertThat(other.resource()).isNotEqualTo(scheduler().resource());
    }

    @Test
    @DisplayName("allocations are found by ids, dates and group")
    void allocationsBy() {
        List<Allocation> created = scheduler().allocate(List.of(range(at(2015, 1, 1, 15), at(2015, 1, 1, 16)),
                range(at(2015, 1, 2, 15), at(2015, 1, 2, 16))), AllocateOptions.builder().grouped(true).build());
        scheduler().commit();
        assertThat(scheduler().allocationsByIds(ids(created)).count()).isEqualTo(2);
        assertThat(scheduler().allocationByDate(range(at(2015, 1, 2, 15), at(2015, 1, 2, 16)))).isEqualTo(created.get(1));
        assertThat(scheduler().allocationsByGroup(created.get(0).group()).list()).containsExactlyElementsOf(created);
        assertThat(scheduler().allocationDatesByGroup(created.get(0).group()))
                .containsExactly(created.get(0).timespan(), created.get(1).timespan());
        assertThat(scheduler().allocationById(created.get(0).requireId())).isEqualTo(created.get(0));
        assertThatThrownBy(() -> scheduler().allocationById(created.get(1).requireId() + 1000))
                .isInstanceOf(NoResultFound.class);
    }

    @Test
    @DisplayName("allocation dates by ids follow each allocation's times, or the given times of day")
    void allocationDatesByIds() {
        List<Allocation> created = scheduler().allocate(List.of(range(at(2015, 1, 1, 15), at(2015, 1, 1, 16)),
                range(at(2015, 1, 2, 15), at(2015, 1, 2, 16))), AllocateOptions.builder().partlyAvailable(true).build());
        List<Timespan> own = scheduler().allocationDatesByIds(ids(created));
        assertThat(own).containsExactly(created.get(0).timespan(), created.get(1).timespan());
        List<Timespan> limited = scheduler().allocationDatesByIds(ids(created), LocalTime.of(15, 0), LocalTime.of(15, 30));
        assertThat(limited.get(0).start()).isEqualTo(created.get(0).start());
        assertThat(limited.get(0).end()).isEqualTo(created.get(0).end().minus(Duration.ofMinutes(30)));
        assertThat(limited.get(1).end()).isEqualTo(created.get(1).end().minus(Duration.ofMinutes(30)));
    }

    @Test
    @DisplayName("data is stored as given; none is an empty object")
    void data() {
        Allocation with = scheduler().allocate(range(at(2014, 1, 30, 15), at(2014, 1, 30, 19)),
                AllocateOptions.builder().data(Map.of("foo", "bar", "n", 1)).build()).get(0);
        Allocation without = scheduler().allocate(range(at(2014, 1, 31, 15), at(2014, 1, 31, 19))).get(0);
        scheduler().commit();
        assertThat(scheduler().allocationById(with.requireId()).data()).isEqualTo(Map.of("foo", "bar", "n", 1));
        assertThat(scheduler().allocationById(without.requireId()).data()).isEmpty();
    }

    @Test
    @DisplayName("zoned, offset and instant dates are taken as they are")
    void zonedDates() {
        ZonedDateTime newYork = ZonedDateTime.of(2015, 3, 1, 9, 0, 0, 0, java.time.ZoneId.of("America/New_York"));
        Allocation a = scheduler().allocate(DateRange.of(newYork, newYork.plusHours(1))).get(0);
        assertThat(a.start()).isEqualTo(Instant.parse("2015-03-01T14:00:00Z"));
        Allocation b = scheduler().allocate(DateRange.of(Instant.parse("2015-03-02T14:00:00Z"),
                Instant.parse("2015-03-02T15:00:00Z"))).get(0);
        assertThat(b.displayStart().toLocalTime()).isEqualTo(LocalTime.of(15, 0));
    }

    @Test
    @DisplayName("a whole-day allocation on the spring-forward day lasts 23 hours")
    void wholeDaySpringForward() {
        Allocation a = scheduler().allocate(range(at(2026, 3, 29, 10), at(2026, 3, 29, 11)),
                AllocateOptions.builder().wholeDay(true).build()).get(0);
        assertThat(a.wholeDay()).isTrue();
        assertThat(Duration.between(a.start(), a.displayEnd().toInstant())).isEqualTo(Duration.ofHours(23));
        assertThat(a.displayStart().toLocalDateTime()).isEqualTo(at(2026, 3, 29, 0));
        assertThat(a.displayEnd().toLocalDateTime()).isEqualTo(at(2026, 3, 30, 0));
    }

    @Test
    @DisplayName("a whole-day allocation on the fall-back day lasts 25 hours")
    void wholeDayFallBack() {
        Allocation a = scheduler().allocate(range(at(2026, 10, 25, 10), at(2026, 10, 25, 11)),
                AllocateOptions.builder().wholeDay(true).build()).get(0);
        assertThat(a.wholeDay()).isTrue();
        assertThat(Duration.between(a.start(), a.displayEnd().toInstant())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    @DisplayName("a partly available whole day on the spring-forward day has 23 hours of slots")
    void slotsOnSpringForward() {
        Allocation a = scheduler().allocate(range(at(2026, 3, 29, 0), at(2026, 3, 30, 0)),
                AllocateOptions.builder().partlyAvailable(true).raster(60).build()).get(0);
        assertThat(a.countSlots()).isEqualTo(23);
        assertThat(a.allSlots()).hasSize(23);
        assertThat(a.normalizedSlots()).hasSize(24);
    }

    @Test
    @DisplayName("allocations in range find what overlaps, masters by default")
    void allocationsInRange() {
        scheduler().allocate(range(at(2015, 1, 1, 15), at(2015, 1, 1, 16)), AllocateOptions.builder().quota(3).build());
        assertThat(scheduler().allocationsInRange(range(at(2015, 1, 1, 15, 30), at(2015, 1, 1, 17))).count()).isEqualTo(1);
        assertThat(scheduler().allocationsInRange(range(at(2015, 1, 1, 16), at(2015, 1, 1, 17))).count()).isZero();
        assertThat(scheduler().allocationsInRange(range(at(2015, 1, 1, 14), at(2015, 1, 1, 15))).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("allocation dates by group list the spans of the group's masters in order")
    void datesByGroup() {
        List<Allocation> group = scheduler().allocate(List.of(range(at(2015, 2, 10, 10), at(2015, 2, 10, 11)),
                range(at(2015, 2, 9, 10), at(2015, 2, 9, 11))), AllocateOptions.builder().grouped(true).build());
        List<Timespan> dates = scheduler().allocationDatesByGroup(group.get(0).group());
        assertThat(dates).hasSize(2);
        assertThat(dates.get(0).start()).isEqualTo(at(2015, 2, 9, 10, 0).atZone(KitFixture.ZURICH).toInstant());
        assertThat(dates.get(1).end()).isEqualTo(group.get(0).end());
        assertThat(scheduler().allocationDatesByGroup(UUID.randomUUID())).isEmpty();
    }

    @Test
    @DisplayName("the allocation by date is the one overlapping the range; none or several are typed errors")
    void allocationByDate() {
        scheduler().allocate(List.of(range(at(2015, 2, 9, 10), at(2015, 2, 9, 11)),
                range(at(2015, 2, 9, 11), at(2015, 2, 9, 12))), AllocateOptions.DEFAULTS);
        assertThat(scheduler().allocationByDate(range(at(2015, 2, 9, 10, 15), at(2015, 2, 9, 10, 45)))
                .displayStart().getHour()).isEqualTo(10);
        assertThatThrownBy(() -> scheduler().allocationByDate(range(at(2015, 2, 9, 10), at(2015, 2, 9, 12))))
                .isInstanceOf(MultipleResultsFound.class);
        assertThatThrownBy(() -> scheduler().allocationByDate(range(at(2015, 2, 9, 13), at(2015, 2, 9, 14))))
                .isInstanceOf(NoResultFound.class);
    }

    @Test
    @DisplayName("a query result lists, streams, counts and answers first and one consistently")
    void queryResults() {
        scheduler().allocate(List.of(range(at(2015, 2, 9, 10), at(2015, 2, 9, 11)),
                range(at(2015, 2, 8, 10), at(2015, 2, 8, 11))), AllocateOptions.DEFAULTS);
        var result = scheduler().managedAllocations();
        assertThat(result.count()).isEqualTo(2);
        assertThat(result.list()).hasSize(2).isSortedAccordingTo(java.util.Comparator.comparing(Allocation::start));
        assertThat(result.stream().count()).isEqualTo(2);
        assertThat(result.first()).contains(result.list().get(0));
        assertThat(result.exists()).isTrue();
        assertThatThrownBy(result::one).isInstanceOf(MultipleResultsFound.class);
        assertThatThrownBy(() -> scheduler().managedReservations().one()).isInstanceOf(NoResultFound.class);
        assertThat(scheduler().managedReservations().first()).isEmpty();
        assertThatThrownBy(() -> result.list().add(result.list().get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("setting up the database again keeps what is stored")
    void setupTwice() {
        scheduler().allocate(range(at(2015, 2, 9, 10), at(2015, 2, 9, 11)));
        scheduler().commit();
        scheduler().setupDatabase();
        scheduler().setupDatabase();
        assertThat(scheduler().managedAllocations().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("a clone manages the same resource in the same zone with the same blocking names")
    void cloneKeepsIdentity() {
        scheduler().allocate(range(at(2015, 2, 9, 10), at(2015, 2, 9, 11)));
        io.libres.db.Scheduler clone = scheduler().clone();
        assertThat(clone).isNotSameAs(scheduler());
        assertThat(clone.resource()).isEqualTo(scheduler().resource());
        assertThat(clone.zone()).isEqualTo(scheduler().zone());
        assertThat(clone.blockingNames()).isEqualTo(scheduler().blockingNames());
        assertThat(clone.managedAllocations().count()).isEqualTo(1);
        io.libres.db.Scheduler blocked = fixture().blockedScheduler();
        assertThat(blocked.clone().blockingResources()).containsExactly(scheduler().resource());
    }

    @Test
    @DisplayName("nested JSON data comes back unchanged, for allocations and reservations")
    void nestedData() {
        Map<String, Object> inner = new java.util.LinkedHashMap<>();
        inner.put("str", List.of("2014-01-01T14:00"));
        inner.put("nothing", null);
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("index", 1);
        data.put("name", "record");
        data.put("ratio", 0.5);
        data.put("flag", true);
        data.put("dates", List.of("a", "b", inner));
        data.put("nested", List.of(Map.copyOf(Map.of("index", 2)), inner));
        DateRange dates = range(at(2014, 1, 30, 15), at(2014, 1, 30, 19));
        Allocation allocation = scheduler().allocate(dates, AllocateOptions.builder().data(data).build()).get(0);
        UUID token = scheduler().reserve("data@example.org", dates, io.libres.db.ReserveOptions.builder().data(data).build());
        scheduler().commit();
        assertThat(scheduler().allocationById(allocation.requireId()).data()).isEqualTo(data);
        assertThat(scheduler().reservationsByToken(token).one().data()).isEqualTo(data);
    }
}
