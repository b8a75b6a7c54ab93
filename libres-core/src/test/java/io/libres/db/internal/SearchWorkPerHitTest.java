package io.libres.db.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.libres.db.Exposure;
import io.libres.db.models.Allocation;
import io.libres.db.models.Lookup;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.db.query.QueryResult;
import io.libres.time.Raster;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The work a search does per hit, counted (never timed): the allocations the overlap index looks
 * at. The W6 defect of issue 13 scanned every allocation of the window for every hit, so the work
 * per hit grew with the window; here it must not.
 */
@DisplayName("search work per hit")
class SearchWorkPerHitTest {

    private static final UUID RESOURCE = UUID.nameUUIDFromBytes("work-per-hit".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private static final Instant FIRST = Instant.parse("2030-01-01T05:00:00Z");

    /** A lookup that fails the test if anything was not prefetched. */
    private static final Lookup NOTHING_ELSE = new Lookup() {
        @Override
        public Map<Integer, List<ReservedSlot>> reservedSlotsByAllocation(Collection<Integer> allocationIds) {
            throw new AssertionError("slots of " + allocationIds + " were not prefetched");
        }

        @Override
        public List<Allocation> storedSiblings(UUID mirrorOf, Instant start) {
            throw new AssertionError("siblings at " + start + " were not prefetched");
        }

        @Override
        public boolean isInGroup(Allocation allocation) {
            throw new AssertionError("group of " + allocation + " was not prefetched");
        }

        @Override
        public Optional<Allocation> allocationById(int id) {
            throw new AssertionError("allocation " + id + " was not prefetched");
        }

        @Override
        public List<Allocation> allocationsByGroup(UUID group, boolean mastersOnly) {
            throw new AssertionError("group " + group + " was not prefetched");
        }

        @Override
        public QueryResult<Reservation> pendingReservations(UUID group) {
            throw new AssertionError("pending reservations were not prefetched");
        }

        @Override
        public Optional<Allocation> allocationAt(UUID resource, Instant start) {
            throw new AssertionError("allocation at " + start + " was not prefetched");
        }
    };

    /** The W4/W6 pattern: one-hour allocations, 14 a day, every fifth pair with quota 4; booked: k mod 20 = 0 all 4 spots (3 mirrors), k mod 20 = 10 one spot, k mod 10 = 5 its one spot. */
    private static Fixture fixture(int masters) {
        List<Allocation> allocations = new ArrayList<>();
        Map<Integer, List<ReservedSlot>> slots = new HashMap<>();
        int id = 0;
        for (int k = 0; k < masters; k++) {
            Instant start = FIRST.plus(Duration.ofDays(k / 14)).plus(Duration.ofHours(k % 14));
            Timespan span = new Timespan(start, start.plus(Duration.ofHours(1)).minusNanos(1000));
            int quota = k % 10 <= 1 ? 4 : 1;
            Allocation master = Allocation.builder().id(++id).resource(RESOURCE).mirrorOf(RESOURCE)
                    .group(UUID.randomUUID()).quota(quota).raster(Raster.SIXTY).timezone("Europe/Zurich")
                    .timespan(span).build();
            allocations.add(master);
            if (k % 10 == 0 || k % 10 == 5) {
                slots.put(master.requireId(), List.of(ReservedSlot.of(master, master.timespan(), SlotSource.RESERVATION,
                        UUID.randomUUID(), 1)));
            }
            if (k % 20 == 0) {
                for (UUID mirror : MirrorKeys.of(RESOURCE, quota)) {
                    Allocation copy = master.toBuilder().id(++id).resource(mirror).build();
                    allocations.add(copy);
                    slots.put(copy.requireId(), List.of(ReservedSlot.of(copy, copy.timespan(), SlotSource.RESERVATION,
                            UUID.randomUUID(), 1)));
                }
            }
        }
        return new Fixture(allocations, slots);
    }

    private record Fixture(List<Allocation> allocations, Map<Integer, List<ReservedSlot>> slots) {

        PrefetchedLookup lookup() {
            return PrefetchedLookup.of(NOTHING_ELSE, RESOURCE, allocations, slots, Map.of());
        }

        List<Allocation> masters() {
            return allocations.stream().filter(Allocation::isMaster).collect(Collectors.toList());
        }
    }

    /** Asks the minspots availability of every master, as a search with minspots and a hit per master does. */
    private static long workPerHit(int masters) {
        Fixture fixture = fixture(masters);
        PrefetchedLookup lookup = fixture.lookup();
        MinspotsAvailability availability = new MinspotsAvailability(lookup, Exposure.ALL, null);
        for (Allocation master : fixture.masters()) {
            availability.of(master);
        }
        return lookup.visited() / masters;
    }

    @Test
    @DisplayName("the availability minspots compares against looks at a hit's own allocations only, whatever the window holds")
    void workPerHitDoesNotGrowWithTheWindow() {
        long small = workPerHit(5_000);
        long large = workPerHit(100_000);

        // A hit has at most 4 allocations (master and 3 mirrors); the walk looks at one more. At
        // least its master is looked at: an answer that looked at nothing was not counted.
        assertThat(small).isBetween(1L, 5L);
        assertThat(large).isEqualTo(small);
    }

    @Test
    @DisplayName("the availability minspots compares against equals the one over every overlapping allocation of the window")
    void sameAnswerAsTheFullScan() {
        Fixture fixture = fixture(600);
        PrefetchedLookup lookup = fixture.lookup();
        MinspotsAvailability availability = new MinspotsAvailability(lookup, Exposure.ALL, null);
        int partlyBooked = 0;
        for (Allocation master : fixture.masters()) {
            List<Allocation> overlapping = fixture.allocations().stream()
                    .filter(a -> PrefetchedLookup.overlapsInclusive(a, master.timespan())).collect(Collectors.toList());
            double expected = AvailabilityMath.availabilityByAllocations(overlapping, fixture.slots());
            assertThat(availability.of(master)).as("availability of %s", master).isCloseTo(expected, within(1e-9));
            if (expected > 0 && expected < 100) {
                partlyBooked++;
            }
        }
        assertThat(partlyBooked).as("masters with some but not all spots booked").isGreaterThan(0);
    }

    @Test
    @DisplayName("exposure hides allocations from the availability, and is asked only about a hit's own allocations")
    void exposureIsAskedPerOwnAllocation() {
        Fixture fixture = fixture(2_000);
        PrefetchedLookup lookup = fixture.lookup();
        int[] asked = {0};
        Exposure noMirrors = allocation -> {
            asked[0]++;
            return allocation.isMaster();
        };
        MinspotsAvailability availability = new MinspotsAvailability(lookup, noMirrors, null);
        Allocation fullyBookedQuotaFour = fixture.masters().get(0);
        // Without its three booked mirrors, the master counts them as missing, so free: 3 of 4 spots.
        assertThat(availability.of(fullyBookedQuotaFour)).isCloseTo(75.0, within(1e-9));
        for (Allocation master : fixture.masters()) {
            availability.of(master);
        }
        assertThat(asked[0]).isLessThanOrEqualTo(4 + fixture.allocations().size());
    }

    @Test
    @DisplayName("the overlap index finds exactly what a full scan finds, for overlapping spans of any length too")
    void overlapIndexAgreesWithAFullScan() {
        Random random = new Random(13);
        List<Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Instant start = FIRST.plus(Duration.ofMinutes(15L * random.nextInt(2_000)));
            Instant end = start.plus(Duration.ofMinutes(15L * (1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 8))))
                    .minusNanos(1000);
            allocations.add(Allocation.builder().id(i + 1).resource(RESOURCE).mirrorOf(RESOURCE).group(UUID.randomUUID())
                    .raster(Raster.FIFTEEN).timezone("UTC").timespan(new Timespan(start, end)).build());
        }
        allocations.sort(java.util.Comparator.comparing(Allocation::start));
        OverlapIndex index = new OverlapIndex(allocations);
        for (int q = 0; q < 500; q++) {
            Instant start = FIRST.plus(Duration.ofMinutes(5L * random.nextInt(6_500)));
            Timespan span = new Timespan(start, start.plus(Duration.ofMinutes(5L * random.nextInt(300))));
            List<Allocation> expected = allocations.stream().filter(a -> PrefetchedLookup.overlapsInclusive(a, span))
                    .collect(Collectors.toList());
            assertThat(index.overlapping(span)).as("overlapping %s", span).containsExactlyElementsOf(expected);
        }
    }
}
