package io.libres.testkit.kit;

import java.time.Duration;
import io.libres.time.Timespan;
import io.libres.db.RetryPolicy;
import io.libres.db.AllocateOptions;
import io.libres.db.MoveOptions;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.db.SearchOptions;
import io.libres.db.models.Allocation;
import io.libres.errors.InvalidAllocationError;
import io.libres.errors.InvalidArgument;
import io.libres.errors.InvalidDateRange;
import io.libres.errors.InvalidEmailAddress;
import io.libres.errors.InvalidQuota;
import io.libres.errors.InvalidRaster;
import io.libres.errors.InvalidReservationError;
import io.libres.errors.InvalidReservationToken;
import io.libres.errors.NoResultFound;
import io.libres.errors.QuotaImpossible;
import io.libres.errors.ReservationTooLong;
import io.libres.time.DateRange;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input: every input the API documentation names as invalid, and those a caller could
 * plausibly send, is a typed error with a message saying what was wrong and what was expected,
 * raised before anything is written.
 */
public abstract class BadInputBehaviour extends Behaviour {

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected BadInputBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    private static final String EMAIL = "test@example.org";

    private static final DateRange MORNING = range(at(2015, 2, 9, 8), at(2015, 2, 9, 12));

    /** What the scheduler has written, to compare before and after a refused call. */
    private record Written(long allocations, long reservations, long blockers, long slots, Set<String> emails) {
    }

    private Written written() {
        Set<String> emails = new HashSet<>();
        scheduler().managedReservations().stream().forEach(r -> emails.add(r.id() + ":" + r.email() + ":" + r.data()));
        return new Written(scheduler().managedAllocations().count(), scheduler().managedReservations().count(),
                scheduler().managedBlockers().count(), scheduler().managedReservedSlots().count(), emails);
    }

    /** An allocation of the morning with an approved reservation and a blocker, so refusals have something to spoil. */
    private UUID someRecords() {
        scheduler().allocate(MORNING, AllocateOptions.builder().partlyAvailable(true).quota(2).build());
        UUID token = scheduler().reserve(EMAIL, range(at(2015, 2, 9, 8), at(2015, 2, 9, 9)));
        scheduler().approveReservations(token);
        scheduler().addBlocker(List.of(range(at(2015, 2, 9, 11), at(2015, 2, 9, 12))), "repairs");
        scheduler().commit();
        return token;
    }

    /**
     * Asserts that a call is refused with the given type and a message naming the problem and
     * what was expected, and that nothing was written.
     */
    private void refused(ThrowingCallable call, Class<? extends Throwable> type, String... fragments) {
        Written before = written();
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContainingAll(fragments);
        assertThat(written()).isEqualTo(before);
    }

    @Test
    @DisplayName("a missing, blank or malformed email is an InvalidEmailAddress")
    void badEmails() {
        someRecords();
        refused(() -> scheduler().reserve(null, MORNING), InvalidEmailAddress.class, "null", "expected");
        refused(() -> scheduler().reserve("   ", MORNING), InvalidEmailAddress.class, "not a valid email", "expected");
        refused(() -> scheduler().reserve("no-at-sign", MORNING), InvalidEmailAddress.class, "no-at-sign");
        refused(() -> scheduler().reserveGroup("", UUID.randomUUID()), InvalidEmailAddress.class, "expected");
    }

    @Test
    @DisplayName("changing the email to an invalid one is refused and keeps the old email")
    void badChangedEmail() {
        UUID token = someRecords();
        refused(() -> scheduler().changeEmail(token, " "), InvalidEmailAddress.class, "expected");
        refused(() -> scheduler().changeEmail(token, null), InvalidEmailAddress.class, "null");
        assertThat(scheduler().reservationsByToken(token).one().email()).isEqualTo(EMAIL);
    }

    @Test
    @DisplayName("an allocation ending before it starts is an InvalidAllocationError")
    void allocationBackwards() {
        someRecords();
        refused(() -> scheduler().allocate(range(at(2015, 2, 10, 12), at(2015, 2, 10, 8))),
                InvalidAllocationError.class, "ends before it starts", "expected");
    }

    @Test
    @DisplayName("an allocation with equal start and end is an InvalidAllocationError")
    void allocationEmpty() {
        someRecords();
        refused(() -> scheduler().allocate(range(at(2015, 2, 10, 8), at(2015, 2, 10, 8))),
                InvalidAllocationError.class, "shorter than its raster", "expected");
    }

    @Test
    @DisplayName("a raster other than 5, 10, 15, 30 or 60 minutes is an InvalidRaster, a missing one an InvalidArgument")
    void badRasters() {
        someRecords();
        for (int minutes : new int[] {0, -5, 7, 20, 45, 90}) {
            refused(() -> AllocateOptions.builder().raster(minutes).build(), InvalidRaster.class,
                    String.valueOf(minutes), "expected 5, 10, 15, 30 or 60");
        }
        refused(() -> AllocateOptions.builder().raster((io.libres.time.Raster) null), InvalidArgument.class,
                "raster is missing");
    }

    @Test
    @DisplayName("a quota of zero or less is an InvalidQuota, when allocating, reserving, changing and moving")
    void badQuotas() {
        UUID token = someRecords();
        Allocation master = scheduler().managedAllocations().first().orElseThrow();
        refused(() -> AllocateOptions.builder().quota(0).build(), InvalidQuota.class, "quota of 0", "expected 1 or more");
        refused(() -> AllocateOptions.builder().quota(-3).build(), InvalidQuota.class, "quota of -3");
        refused(() -> ReserveOptions.builder().quota(0).build(), InvalidQuota.class, "quota of 0");
        refused(() -> scheduler().changeQuota(master, 0), InvalidQuota.class, "quota of 0");
        refused(() -> MoveOptions.builder().newQuota(-1).build(), InvalidQuota.class, "quota of -1");
        int reservationId = scheduler().reservationsByToken(token).one().requireId();
        refused(() -> scheduler().changeReservation(token, reservationId,
                range(at(2015, 2, 9, 8), at(2015, 2, 9, 9)), 0), InvalidQuota.class, "quota");
        assertThat(scheduler().allocationById(master.requireId()).quota()).isEqualTo(2);
    }

    @Test
    @DisplayName("a negative quota limit is an InvalidQuota; one above the quota is allowed and the quota still caps")
    void quotaLimits() {
        someRecords();
        refused(() -> AllocateOptions.builder().quotaLimit(-1).build(), InvalidQuota.class, "quota limit of -1",
                "expected 0 (no limit)");
        refused(() -> MoveOptions.builder().quotaLimit(-2).build(), InvalidQuota.class, "quota limit of -2");
        DateRange evening = range(at(2015, 2, 9, 18), at(2015, 2, 9, 19));
        Allocation generous = scheduler().allocate(evening, AllocateOptions.builder().quota(2).quotaLimit(5)
                .approveManually(true).build()).get(0);
        assertThat(generous.quotaLimit()).isEqualTo(5);
        refused(() -> scheduler().reserve(EMAIL, evening, ReserveOptions.builder().quota(3).build()),
                QuotaImpossible.class, "expected");
    }

    @Test
    @DisplayName("reserving or blocking an unknown group is an InvalidReservationError, a missing one an InvalidArgument")
    void unknownGroups() {
        someRecords();
        UUID unknown = UUID.randomUUID();
        refused(() -> scheduler().reserveGroup(EMAIL, unknown), InvalidReservationError.class, unknown.toString(),
                "expected");
        refused(() -> scheduler().addGroupBlocker(unknown, null), InvalidReservationError.class, unknown.toString());
        refused(() -> scheduler().reserveGroup(EMAIL, null), InvalidArgument.class, "group is missing");
        refused(() -> scheduler().addGroupBlocker(null, "x"), InvalidArgument.class, "group is missing");
    }

    @Test
    @DisplayName("an unknown allocation id is NoResultFound, wherever an id is taken")
    void unknownAllocationIds() {
        someRecords();
        int unknown = scheduler().managedAllocations().stream().mapToInt(Allocation::requireId).max().orElse(0) + 1000;
        refused(() -> scheduler().allocationById(unknown), NoResultFound.class, String.valueOf(unknown));
        refused(() -> scheduler().moveAllocation(unknown, MoveOptions.builder().newQuota(3).build()),
                NoResultFound.class, String.valueOf(unknown));
        refused(() -> scheduler().removeAllocation(unknown), NoResultFound.class, String.valueOf(unknown));
        refused(() -> scheduler().reservationsByAllocation(unknown), NoResultFound.class, String.valueOf(unknown));
        assertThat(scheduler().allocationsByIds(List.of(unknown)).count()).isZero();
        assertThat(scheduler().manualApprovalRequired(List.of(unknown))).isFalse();
    }

    @Test
    @DisplayName("reserving or blocking no dates at all is an InvalidReservationError; allocating none creates none")
    void emptyDateLists() {
        someRecords();
        refused(() -> scheduler().reserve(EMAIL, List.of(), ReserveOptions.DEFAULTS), InvalidReservationError.class,
                "expected");
        refused(() -> scheduler().addBlocker(List.of(), "nothing"), InvalidReservationError.class, "expected");
        Written before = written();
        assertThat(scheduler().allocate(List.of(), AllocateOptions.DEFAULTS)).isEmpty();
        assertThat(written()).isEqualTo(before);
    }

    @Test
    @DisplayName("missing dates, or a missing range among them, are an InvalidDateRange")
    void missingDates() {
        someRecords();
        List<DateRange> withHole = Arrays.asList(MORNING, null);
        refused(() -> scheduler().allocate((List<DateRange>) null, AllocateOptions.DEFAULTS), InvalidDateRange.class,
                "dates are missing");
        refused(() -> scheduler().allocate(withHole, AllocateOptions.DEFAULTS), InvalidDateRange.class, "position 1");
        refused(() -> scheduler().reserve(EMAIL, withHole, ReserveOptions.DEFAULTS), InvalidDateRange.class,
                "position 1");
        refused(() -> scheduler().addBlocker(withHole, null), InvalidDateRange.class, "position 1");
        refused(() -> scheduler().allocate((DateRange) null), InvalidDateRange.class, "position 0");
        refused(() -> scheduler().availability(null), InvalidDateRange.class, "date range is missing");
        refused(() -> scheduler().searchAllocations(null), InvalidDateRange.class, "date range is missing");
        refused(() -> scheduler().allocationsInRange(null), InvalidDateRange.class, "date range is missing");
    }

    @Test
    @DisplayName("missing options are an InvalidArgument naming them")
    void missingOptions() {
        someRecords();
        Allocation master = scheduler().managedAllocations().first().orElseThrow();
        refused(() -> scheduler().allocate(MORNING, null), InvalidArgument.class, "allocate options");
        refused(() -> scheduler().reserve(EMAIL, MORNING, null), InvalidArgument.class, "reserve options");
        refused(() -> scheduler().reserveGroup(EMAIL, master.group(), null), InvalidArgument.class, "reserve options");
        refused(() -> scheduler().moveAllocation(master.requireId(), null), InvalidArgument.class, "move options");
        refused(() -> scheduler().searchAllocations(MORNING, null), InvalidArgument.class, "search options");
        refused(() -> scheduler().changeQuota(null, 3), InvalidArgument.class, "master allocation");
        refused(() -> scheduler().freeAllocationsCount(null, MORNING), InvalidArgument.class, "master allocation");
    }

    @Test
    @DisplayName("missing values inside collections of ids, groups or tokens are an InvalidArgument")
    void nullsInCollections() {
        someRecords();
        List<Integer> ids = Arrays.asList(1, null);
        refused(() -> scheduler().allocationsByIds(ids), InvalidArgument.class, "allocation ids", "position 1");
        refused(() -> scheduler().manualApprovalRequired(null), InvalidArgument.class, "allocation ids are missing");
        refused(() -> scheduler().allocationsByGroups(Arrays.asList(UUID.randomUUID(), null), true),
                InvalidArgument.class, "groups");
        refused(() -> scheduler().removeAllocations(Arrays.asList((UUID) null)), InvalidArgument.class, "groups");
        refused(() -> scheduler().changeReservationTimeCandidates(null), InvalidArgument.class, "tokens");
    }

    @Test
    @DisplayName("an unknown or missing token is an InvalidReservationToken for every call taking one")
    void unknownTokens() {
        someRecords();
        UUID unknown = UUID.randomUUID();
        List<ThrowingCallable> calls = new ArrayList<>(List.of(
                () -> scheduler().approveReservations(unknown),
                () -> scheduler().denyReservation(unknown),
                () -> scheduler().removeReservation(unknown),
                () -> scheduler().removeReservation(unknown, 1),
                () -> scheduler().changeEmail(unknown, EMAIL),
                () -> scheduler().changeReservationData(unknown, Map.of("a", 1)),
                () -> scheduler().changeReservation(unknown, 1, MORNING),
                () -> scheduler().reservationsByToken(unknown),
                () -> scheduler().removeBlocker(unknown),
                () -> scheduler().changeBlockerReason(unknown, "why"),
                () -> scheduler().changeBlocker(unknown, 1, MORNING),
                () -> scheduler().blockersByToken(unknown)));
        for (ThrowingCallable call : calls) {
            refused(call, InvalidReservationToken.class, unknown.toString());
        }
        refused(() -> scheduler().approveReservations(null), InvalidReservationToken.class, "token is missing");
        refused(() -> scheduler().removeBlocker(null), InvalidReservationToken.class, "token is missing");
        refused(() -> scheduler().reservedSlotsByReservation(null), InvalidReservationToken.class, "token is missing");
    }

    @Test
    @DisplayName("search options refuse negative minspots, unknown or missing weekdays and missing inclusions")
    void badSearchOptions() {
        refused(() -> SearchOptions.builder().minspots(-1).build(), InvalidArgument.class, "minspots of -1",
                "expected 0");
        refused(() -> SearchOptions.builder().weekdays("mo", "xx"), InvalidArgument.class, "'xx'",
                "mo, tu, we, th, fr, sa, su");
        refused(() -> SearchOptions.builder().weekdays("mo", null), InvalidArgument.class, "'null'");
        refused(() -> SearchOptions.builder().days((Set<DayOfWeek>) null), InvalidArgument.class, "weekdays");
        refused(() -> SearchOptions.builder().days(DayOfWeek.MONDAY, null), InvalidArgument.class, "missing day");
        refused(() -> SearchOptions.builder().wholeDay(null), InvalidArgument.class, "wholeDay", "ANY, YES or NO");
        refused(() -> SearchOptions.builder().groups(null), InvalidArgument.class, "groups", "ANY, YES or NO");
        assertThat(SearchOptions.builder().weekdays("MO", " su ").build().days())
                .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.SUNDAY);
    }

    @Test
    @DisplayName("a date range with a missing value or a value that is no point in time is an InvalidDateRange")
    void badDateRanges() {
        refused(() -> DateRange.of(at(2015, 2, 9, 8), null), InvalidDateRange.class, "end is missing");
        refused(() -> new DateRange(null, at(2015, 2, 9, 8)), InvalidDateRange.class, "start is missing");
        refused(() -> new DateRange(LocalTime.NOON, at(2015, 2, 9, 8)), InvalidDateRange.class, "LocalTime",
                "expected a LocalDateTime");
        refused(() -> new DateRange(at(2015, 2, 9, 8), java.time.Year.of(2015)), InvalidDateRange.class, "Year");
    }

    @Test
    @DisplayName("a range mixing kinds of time reads each value on its own, as documented: the same instants either way")
    void mixedDateRanges() {
        ZonedDateTime end = at(2015, 2, 9, 12, 0).atZone(KitFixture.ZURICH);
        Allocation mixed = scheduler().allocate(new DateRange(at(2015, 2, 9, 8), end.toInstant())).get(0);
        assertThat(mixed.timespan()).isEqualTo(scheduler().allocationByDate(MORNING).timespan());
        Instant start = at(2015, 2, 9, 8, 0).atZone(KitFixture.ZURICH).toInstant();
        assertThat(mixed.start()).isEqualTo(start);
    }

    @Test
    @DisplayName("moving with nothing to change or backwards is an InvalidAllocationError and moves nothing")
    void badMoves() {
        someRecords();
        Allocation master = scheduler().managedAllocations().first().orElseThrow();
        refused(() -> scheduler().moveAllocation(master.requireId(), MoveOptions.builder().build()),
                InvalidAllocationError.class, "nothing to change");
        refused(() -> scheduler().moveAllocation(master.requireId(), MoveOptions.builder()
                .dates(range(at(2015, 2, 9, 12), at(2015, 2, 9, 7))).build()), InvalidAllocationError.class, "expected");
        assertThat(scheduler().allocationById(master.requireId()).timespan()).isEqualTo(master.timespan());
    }

    @Test
    @DisplayName("removing unused allocations between backward or missing days is an InvalidDateRange")
    void badUnusedRange() {
        someRecords();
        scheduler().allocate(range(at(2015, 3, 9, 8), at(2015, 3, 9, 9)));
        refused(() -> scheduler().removeUnusedAllocations(LocalDate.of(2015, 3, 10), LocalDate.of(2015, 3, 1)),
                InvalidDateRange.class, "lies before the first day", "expected");
        refused(() -> scheduler().removeUnusedAllocations(null, LocalDate.of(2015, 3, 1)), InvalidDateRange.class,
                "missing");
        refused(() -> scheduler().removeUnusedAllocations(LocalDate.of(2015, 3, 1), LocalDate.of(2015, 3, 31), (Set<DayOfWeek>) null,
                false), InvalidArgument.class, "weekdays");
        refused(() -> scheduler().removeAllocations(List.of()), InvalidAllocationError.class, "no groups");
    }

    @Test
    @DisplayName("a scheduler without context, zone or name, or blocking itself, is an InvalidArgument")
    void badSchedulers() {
        java.time.ZoneId zone = KitFixture.ZURICH;
        refused(() -> new Scheduler(null, "x", zone), InvalidArgument.class, "context");
        refused(() -> new Scheduler(context(), "x", null), InvalidArgument.class, "zone");
        refused(() -> new Scheduler(context(), " ", zone), InvalidArgument.class, "blank");
        refused(() -> new Scheduler(context(), null, zone), InvalidArgument.class, "blank");
        refused(() -> new Scheduler(context(), "x", zone, Set.of("x")), InvalidArgument.class, "cannot block itself");
        refused(() -> new Scheduler(context(), "x", zone, null), InvalidArgument.class, "blocking names");
        refused(() -> new Scheduler(context(), "x", zone, Arrays.asList("y", null)), InvalidArgument.class,
                "blocking names");
    }

    @Test
    @DisplayName("a whole-day allocation over several days spans all of them, as in libres, and is too long to reserve whole")
    void wholeDayOverSeveralDays() {
        DateRange twoDays = range(at(2015, 2, 9, 10), at(2015, 2, 10, 10));
        Allocation allocation = scheduler().allocate(twoDays, AllocateOptions.builder().wholeDay(true).build()).get(0);
        assertThat(allocation.displayStart().toLocalDateTime()).isEqualTo(at(2015, 2, 9, 0));
        assertThat(allocation.displayEnd().toLocalDateTime()).isEqualTo(at(2015, 2, 11, 0));
        refused(() -> scheduler().reserve(EMAIL, range(at(2015, 2, 9, 0), at(2015, 2, 11, 0))),
                ReservationTooLong.class, "expected");
    }

    @Test
    @DisplayName("a failed reservation of several dates writes none of them")
    void allOrNothingReserve() {
        someRecords();
        DateRange free = range(at(2015, 2, 9, 9), at(2015, 2, 9, 10));
        DateRange blocked = range(at(2015, 2, 9, 11), at(2015, 2, 9, 12));
        refused(() -> scheduler().reserve(EMAIL, List.of(free, blocked), ReserveOptions.DEFAULTS),
                io.libres.errors.AlreadyReservedError.class, "expected");
    }

    @Test
    @DisplayName("a timespan without start or end is an InvalidDateRange; a retry policy without attempts an InvalidArgument")
    void badValues() {
        refused(() -> new Timespan(null, Instant.EPOCH), InvalidDateRange.class, "start and an end");
        refused(() -> new Timespan(Instant.EPOCH, null), InvalidDateRange.class, "start and an end");
        refused(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO), InvalidArgument.class, "0 attempts",
                "expected 1 or more");
        refused(() -> new RetryPolicy(2, null, Duration.ZERO), InvalidArgument.class, "backoffs");
        refused(() -> scheduler().queries().availabilityByRange((Timespan) null, List.of(scheduler().resource())),
                InvalidArgument.class, "span is missing");
    }

    @Test
    @DisplayName("changing the quota of a mirror instead of its master is refused: imaginary ones have no id, stored ones are no master")
    void quotaOfMirror() {
        DateRange noon = range(at(2015, 2, 6, 12), at(2015, 2, 6, 13));
        Allocation master = scheduler().allocate(noon, AllocateOptions.builder().quota(3).build()).get(0);
        scheduler().approveReservations(scheduler().reserve(EMAIL, noon));
        scheduler().approveReservations(scheduler().reserve(EMAIL, noon));
        List<Allocation> siblings = master.siblings(lookup());
        Allocation stored = siblings.get(1);
        Allocation imaginary = siblings.get(2);
        assertThat(stored.isTransient()).isFalse();
        assertThat(imaginary.isTransient()).isTrue();
        refused(() -> scheduler().changeQuota(imaginary, 1), InvalidAllocationError.class, "not stored");
        refused(() -> scheduler().changeQuota(stored, 1), NoResultFound.class, String.valueOf(stored.requireId()));
        assertThat(scheduler().allocationById(master.requireId()).quota()).isEqualTo(3);
    }

    @Test
    @DisplayName("changing a reservation or a blocker to a backward span is refused and changes nothing")
    void backwardChanges() {
        UUID token = someRecords();
        int id = scheduler().reservationsByToken(token).one().requireId();
        io.libres.db.models.ReservationBlocker blocker = scheduler().managedBlockers().one();
        DateRange backwards = range(at(2015, 2, 9, 10), at(2015, 2, 9, 9));
        refused(() -> scheduler().changeReservation(token, id, backwards), io.libres.errors.ReservationTooShort.class,
                "expected");
        refused(() -> scheduler().changeBlocker(blocker.token(), blocker.requireId(), backwards),
                io.libres.errors.ReservationTooShort.class, "expected");
        assertThat(scheduler().reservationsByToken(token).one().start()).contains(zoned(at(2015, 2, 9, 8, 0)));
    }

    @Test
    @DisplayName("searching or asking availability for a backward range is an InvalidDateRange")
    void backwardQueries() {
        someRecords();
        DateRange backwards = range(at(2015, 2, 9, 12), at(2015, 2, 9, 8));
        refused(() -> scheduler().searchAllocations(backwards), InvalidDateRange.class, "ends before it starts");
        refused(() -> scheduler().availability(backwards), InvalidDateRange.class, "ends before it starts");
        refused(() -> scheduler().reservationTargets(backwards), InvalidDateRange.class, "ends before it starts");
        refused(() -> scheduler().allocationsWithAvailabilityByRange(backwards), InvalidDateRange.class,
                "ends before it starts");
    }

    private static Instant zoned(java.time.LocalDateTime local) {
        return local.atZone(KitFixture.ZURICH).toInstant();
    }
}
