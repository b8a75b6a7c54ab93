package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.Queries;
import io.libres.db.SearchHit;
import io.libres.db.SearchOptions;
import io.libres.db.models.Allocation;
import io.libres.db.models.Partition;
import io.libres.db.models.ReservedSlot;
import io.libres.errors.InvalidArgument;
import io.libres.errors.InvalidDateRange;
import io.libres.spi.UnitOfWork;
import io.libres.time.DateRange;
import io.libres.time.Raster;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One consistent public API (issue 17): the same types for the same things, sibling methods that
 * take the same arguments, and builders that keep the invariants the operations keep.
 */
public abstract class ConsistentApiBehaviour extends Behaviour {

    private static final String EMAIL = "test@example.org";

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected ConsistentApiBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    @Test
    @DisplayName("the scheduler's queries take its DateRanges, read in its zone, and answer as their Timespan forms")
    void queriesTakeDateRanges() {
        List<Allocation> masters = scheduler().allocate(List.of(range(at(2015, 2, 6, 10), at(2015, 2, 6, 11)),
                range(at(2015, 2, 6, 12), at(2015, 2, 6, 13))), AllocateOptions.builder().build());
        scheduler().approveReservations(scheduler().reserve(EMAIL, range(at(2015, 2, 6, 10), at(2015, 2, 6, 11))));
        scheduler().commit();
        Queries queries = scheduler().queries();
        DateRange day = range(at(2015, 2, 6, 0), at(2015, 2, 7, 0));
        Timespan span = day.resolve(KitFixture.ZURICH);
        Set<UUID> resources = Set.of(scheduler().resource());

        assertThat(queries.zone()).isEqualTo(KitFixture.ZURICH);
        assertThat(queries.allocationsInRange(day).list()).isEqualTo(queries.allocationsInRange(span).list())
                .extracting(Allocation::requireId).containsExactlyElementsOf(
                        masters.stream().map(Allocation::requireId).collect(Collectors.toList()));
        assertThat(queries.availabilityByRange(day, resources)).isEqualTo(queries.availabilityByRange(span, resources))
                .isEqualTo(50.0);
        assertThat(queries.availabilityByDay(day, resources)).isEqualTo(queries.availabilityByDay(span, resources))
                .containsOnlyKeys(LocalDate.of(2015, 2, 6));
        assertThat(queries.availabilityByDay(day, resources, KitFixture.ZURICH))
                .isEqualTo(queries.availabilityByDay(span, resources, KitFixture.ZURICH));
        assertThat(queries.reservedSlotsByRange(day, scheduler().resource(), Set.of()))
                .isEqualTo(queries.reservedSlotsByRange(span, scheduler().resource(), Set.of()))
                .satisfies(slices -> assertThat(slices.reserved()).hasSize(12));
        assertThat(queries.allocationsWithAvailabilityByRange(day, scheduler().resource(), Set.of(), false))
                .isEqualTo(queries.allocationsWithAvailabilityByRange(span, scheduler().resource(), Set.of(), false))
                .hasSize(2);
        assertThatThrownBy(() -> queries.allocationsInRange(range(at(2015, 2, 7, 0), at(2015, 2, 6, 0))))
                .isInstanceOf(InvalidDateRange.class).hasMessageContaining("ends before it starts");
    }

    @Test
    @DisplayName("queries made for resources read a DateRange's local values in UTC (libres compares naive datetimes with UTC columns), or in the zone given")
    void queriesOfResourcesReadLocalValuesInUtc() {
        scheduler().allocate(range(at(2015, 2, 6, 10), at(2015, 2, 6, 11)));
        scheduler().commit();
        // 10:00 in Zurich is 09:00 UTC in February
        DateRange nineToHalfPast = range(at(2015, 2, 6, 9), at(2015, 2, 6, 9, 30));
        Queries ofResources = new Queries(context(), Set.of(scheduler().resource()));
        assertThat(ofResources.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(ofResources.allocationsInRange(nineToHalfPast).count()).isEqualTo(1);
        assertThat(scheduler().queries().allocationsInRange(nineToHalfPast).count()).isZero();
        assertThat(ofResources.withZone(KitFixture.ZURICH).allocationsInRange(nineToHalfPast).count()).isZero();
    }

    @Test
    @DisplayName("weekdays: libres' abbreviations and sets of DayOfWeek select the same days, in search and in removing unused allocations")
    void weekdaysInBothForms() {
        // 2015-02-08 is a Sunday, 2015-02-09 a Monday
        scheduler().allocate(List.of(range(at(2015, 2, 8, 10), at(2015, 2, 8, 11)),
                range(at(2015, 2, 9, 10), at(2015, 2, 9, 11))), AllocateOptions.builder().build());
        DateRange both = range(at(2015, 2, 8, 0), at(2015, 2, 10, 0));
        List<SearchHit> bySet = scheduler().searchAllocations(both,
                SearchOptions.builder().weekdays(Set.of(DayOfWeek.SUNDAY)).build());
        assertThat(bySet).hasSize(1).allSatisfy(hit ->
                assertThat(hit.allocation().displayStart().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY));
        assertThat(scheduler().searchAllocations(both, SearchOptions.builder().weekdays("su").build())).isEqualTo(bySet);
        assertThat(scheduler().searchAllocations(both, SearchOptions.builder().weekdays(List.of(" SU")).build()))
                .isEqualTo(bySet);
        assertThat(scheduler().searchAllocations(both, SearchOptions.builder().days(DayOfWeek.SUNDAY).build()))
                .isEqualTo(bySet);
        assertThatThrownBy(() -> SearchOptions.builder().weekdays(List.of("so")))
                .isInstanceOf(InvalidArgument.class).hasMessageContaining("'so' is unknown");

        LocalDate sunday = LocalDate.of(2015, 2, 8);
        LocalDate monday = LocalDate.of(2015, 2, 9);
        assertThatThrownBy(() -> scheduler().removeUnusedAllocations(sunday, monday, List.of("mo", "xx"), false))
                .isInstanceOf(InvalidArgument.class).hasMessageContaining("'xx' is unknown");
        assertThat(scheduler().removeUnusedAllocations(sunday, monday, List.of("su"), false)).isEqualTo(1);
        assertThat(scheduler().managedAllocations().list()).singleElement().satisfies(a ->
                assertThat(a.displayStart().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
        assertThat(scheduler().removeUnusedAllocations(sunday, monday, Set.of(DayOfWeek.MONDAY), false)).isEqualTo(1);
        assertThat(scheduler().managedAllocations().count()).isZero();
    }

    @Test
    @DisplayName("normalizedAvailability and availabilityPartitions(..., normalizeDst) read the storage like their siblings")
    void availabilitySiblingsReadStorage() {
        Allocation allocation = scheduler().allocate(range(at(2015, 2, 6, 10), at(2015, 2, 6, 12)),
                AllocateOptions.builder().partlyAvailable(true).raster(15).build()).get(0);
        scheduler().approveReservations(scheduler().reserve(EMAIL, range(at(2015, 2, 6, 10), at(2015, 2, 6, 10, 30))));
        List<ReservedSlot> slots = allocation.reservedSlots(lookup());
        assertThat(slots).hasSize(2);
        assertThat(allocation.normalizedAvailability(lookup())).isEqualTo(allocation.normalizedAvailability(slots))
                .isEqualTo(75.0);
        assertThat(allocation.availabilityPartitions(lookup(), false))
                .isEqualTo(allocation.availabilityPartitions(slots, false))
                .containsExactly(new Partition(25.0, true), new Partition(75.0, false));
        assertThat(allocation.availabilityPartitions(lookup(), true)).isEqualTo(allocation.availabilityPartitions(lookup()));

        // the day clocks go forward in Zurich has 23 hours: normalised, the missing hour counts as reserved
        Allocation shortDay = scheduler().allocate(range(at(2015, 3, 29, 0), at(2015, 3, 30, 0)),
                AllocateOptions.builder().partlyAvailable(true).raster(60).build()).get(0);
        assertThat(shortDay.availability(lookup())).isEqualTo(100.0);
        assertThat(shortDay.normalizedAvailability(lookup())).isEqualTo(shortDay.normalizedAvailability(List.of()))
                .isLessThan(100.0);
        assertThat(shortDay.availabilityPartitions(lookup(), false)).containsExactly(new Partition(100.0, false));
        assertThat(shortDay.availabilityPartitions(lookup(), true)).isNotEqualTo(shortDay.availabilityPartitions(lookup(), false));
    }

    @Test
    @DisplayName("a reserved slot shows its start and end in its allocation's zone and raster, the allocation read from storage")
    void reservedSlotDisplaysWithoutARaster() {
        Allocation allocation = scheduler().allocate(range(at(2015, 2, 6, 10), at(2015, 2, 6, 12)),
                AllocateOptions.builder().partlyAvailable(true).raster(15).build()).get(0);
        List<ReservedSlot> slots = scheduler().approveReservations(
                scheduler().reserve(EMAIL, range(at(2015, 2, 6, 10), at(2015, 2, 6, 10, 30))));
        assertThat(slots).hasSize(2);
        for (ReservedSlot slot : slots) {
            assertThat(slot.displayStart(lookup())).isEqualTo(slot.displayStart(allocation));
            assertThat(slot.displayEnd(lookup())).isEqualTo(slot.displayEnd(allocation));
            assertThat(slot.displayStart(lookup(), ZoneOffset.UTC)).isEqualTo(slot.displayStart(ZoneOffset.UTC, Raster.FIFTEEN));
            assertThat(slot.displayEnd(lookup(), ZoneOffset.UTC)).isEqualTo(slot.displayEnd(ZoneOffset.UTC, Raster.FIFTEEN));
        }
        assertThat(slots.get(0).displayStart(lookup())).isEqualTo(at(2015, 2, 6, 10).atZone(KitFixture.ZURICH));
        assertThat(slots.get(1).displayEnd(lookup())).isEqualTo(at(2015, 2, 6, 10, 30).atZone(KitFixture.ZURICH));
    }

    @Test
    @DisplayName("a hand-built allocation is rastered as libres' setters raster, so stored it is aligned like the scheduler's")
    void handBuiltAllocationsAreRastered() {
        Instant start = at(2015, 2, 6, 10, 7).atZone(KitFixture.ZURICH).toInstant();
        Instant end = at(2015, 2, 6, 11, 3).atZone(KitFixture.ZURICH).toInstant();
        Allocation built = Allocation.builder().resource(scheduler().resource()).mirrorOf(scheduler().resource())
                .group(UUID.randomUUID()).timezone(KitFixture.ZURICH.getId()).raster(Raster.FIFTEEN)
                .start(start).end(end).build();
        Instant alignedStart = at(2015, 2, 6, 10).atZone(KitFixture.ZURICH).toInstant();
        Instant alignedEnd = at(2015, 2, 6, 11, 15).atZone(KitFixture.ZURICH).toInstant().minus(Timespan.MICROSECOND);
        assertThat(built.timespan()).isEqualTo(new Timespan(alignedStart, alignedEnd));
        assertThat(built.toBuilder().end(alignedEnd.plus(Timespan.MICROSECOND)).build().end())
                .as("an exclusive end and its stored form give the same end").isEqualTo(alignedEnd);
        assertThat(built.toBuilder().start(start).end(end).buildAsStored().timespan())
                .as("buildAsStored takes the values as given").isEqualTo(new Timespan(start, end));

        try (UnitOfWork work = fixture().storage().begin()) {
            work.allocations().insert(List.of(built));
            work.commit();
        }
        Allocation stored = scheduler().allocationByDate(range(at(2015, 2, 6, 10), at(2015, 2, 6, 11, 15)));
        assertThat(stored.timespan()).isEqualTo(built.timespan());
        assertThat(scheduler().checkIntegrity()).isEmpty();
        scheduler().approveReservations(scheduler().reserve(EMAIL, range(at(2015, 2, 6, 10), at(2015, 2, 6, 11, 15))));
        assertThat(scheduler().reservedSlotsByReservation(scheduler().managedReservations().first().orElseThrow().token())
                .list()).singleElement().satisfies(slot -> assertThat(slot.start()).isEqualTo(alignedStart));
    }
}
