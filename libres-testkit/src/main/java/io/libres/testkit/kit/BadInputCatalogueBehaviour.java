package io.libres.testkit.kit;

import io.libres.context.Context;
import io.libres.context.Settings;
import io.libres.db.AllocateOptions;
import io.libres.db.Limits;
import io.libres.db.MoveOptions;
import io.libres.db.Queries;
import io.libres.db.ReserveOptions;
import io.libres.db.RetryPolicy;
import io.libres.db.Scheduler;
import io.libres.db.SearchOptions;
import io.libres.db.models.Allocation;
import io.libres.db.models.ReservationBlocker;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.ContextAlreadyExists;
import io.libres.errors.ContextIsLocked;
import io.libres.errors.DataNotSerializable;
import io.libres.errors.InvalidAllocationError;
import io.libres.errors.InvalidArgument;
import io.libres.errors.InvalidDateRange;
import io.libres.errors.InvalidEmailAddress;
import io.libres.errors.InvalidQuota;
import io.libres.errors.InvalidRaster;
import io.libres.errors.InvalidReservationError;
import io.libres.errors.InvalidReservationToken;
import io.libres.errors.InvalidSetting;
import io.libres.errors.LibresException;
import io.libres.errors.NoReservationsToConfirm;
import io.libres.errors.NoResultFound;
import io.libres.errors.OverlappingAllocationError;
import io.libres.errors.QuotaImpossible;
import io.libres.errors.ReservationTooLong;
import io.libres.errors.ReservationTooShort;
import io.libres.errors.UnknownContext;
import io.libres.errors.UnknownService;
import io.libres.json.JsonValues;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The bad-input catalogue: what a careless or hostile caller could send to every part of the
 * public API (scheduler, queries, models, options, dates, context and registry, JSON values), each
 * case refused with its exception type, a message naming what was wrong and what was expected, and
 * nothing written: the storage's rows (on an SQL storage every row of the libres tables, committed
 * after the refusal) are the same before and after.
 *
 * <p>Every case runs against the same records: an allocation with an approved reservation and a
 * blocker in the test's scheduler, the same in another scheduler of the context, and in a scheduler
 * of another context on the same database, so that their ids, tokens and groups can be sent to the
 * wrong scheduler.
 */
public abstract class BadInputCatalogueBehaviour extends Behaviour {

    private static final String EMAIL = "guest@example.org";
    private static final DateRange MORNING = range(at(2015, 2, 9, 8), at(2015, 2, 9, 12));
    private static final DateRange HOUR = range(at(2015, 2, 9, 8), at(2015, 2, 9, 9));
    private static final DateRange AFTERNOON = range(at(2015, 2, 9, 14), at(2015, 2, 9, 16));
    /** Zurich springs forward on 2015-03-29 from 02:00 to 03:00. */
    private static final DateRange IN_THE_GAP = range(at(2015, 3, 29, 2, 30), at(2015, 3, 29, 3, 30));
    private static final String EXPECTED = "expected";

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected BadInputCatalogueBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    /** The records every case may spoil. */
    static final class World {
        Scheduler s;
        Scheduler sibling;
        Scheduler foreign;
        Context context;
        Allocation master;
        Allocation triple;
        UUID token;
        int reservationId;
        UUID blocker;
        int blockerId;
        Allocation siblingMaster;
        UUID siblingToken;
        UUID siblingBlocker;
        Allocation foreignMaster;
        UUID foreignToken;
        UUID session;
        UUID sessionToken;

        Queries q() {
            return s.queries();
        }

        Timespan span() {
            return MORNING.resolve(KitFixture.ZURICH);
        }
    }

    /** A call that is expected to be refused. */
    @FunctionalInterface
    interface Call {
        void run(World w) throws Exception;
    }

    /** One case of the catalogue. */
    static final class Case {
        final String name;
        final Call call;
        final Class<? extends LibresException> type;
        final String[] fragments;

        Case(String name, Class<? extends LibresException> type, Call call, String... fragments) {
            this.name = name;
            this.call = call;
            this.type = type;
            this.fragments = fragments;
        }

        @Override
        public String toString() {
            return name + " -> " + type.getSimpleName();
        }
    }

    private World world() {
        World w = new World();
        w.s = scheduler();
        w.context = context();
        w.sibling = fixture().other("sibling-" + UUID.randomUUID());
        w.foreign = fixture().otherContext(scheduler().name());
        w.master = records(w.s);
        w.token = w.s.managedReservations().one().token();
        w.reservationId = w.s.managedReservations().one().requireId();
        ReservationBlocker blocker = w.s.managedBlockers().one();
        w.blocker = blocker.token();
        w.blockerId = blocker.requireId();
        w.triple = w.s.allocate(range(at(2015, 2, 12, 8), at(2015, 2, 12, 9)), AllocateOptions.builder().quota(3).build())
                .get(0);
        w.session = UUID.randomUUID();
        w.sessionToken = w.s.reserve(EMAIL, AFTERNOON, ReserveOptions.builder().sessionId(w.session).build());
        w.s.commit();
        w.siblingMaster = records(w.sibling);
        w.siblingToken = w.sibling.managedReservations().one().token();
        w.siblingBlocker = w.sibling.managedBlockers().one().token();
        w.sibling.commit();
        w.foreignMaster = records(w.foreign);
        w.foreignToken = w.foreign.managedReservations().one().token();
        w.foreign.commit();
        return w;
    }

    private static Allocation records(Scheduler s) {
        Allocation master = s.allocate(MORNING, AllocateOptions.builder().partlyAvailable(true).quota(2).build()).get(0);
        s.allocate(AFTERNOON, AllocateOptions.builder().approveManually(true).build());
        s.approveReservations(s.reserve(EMAIL, HOUR));
        s.addBlocker(List.of(range(at(2015, 2, 9, 11), at(2015, 2, 9, 12))), "repairs");
        s.commit();
        return master;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("io.libres.testkit.kit.BadInputCatalogueBehaviour#cases")
    @DisplayName("is refused with a typed error naming what was wrong and what was expected, and writes nothing")
    void refused(Case c) {
        World w = world();
        Object before = fixture().tableContents();
        w.s.commit();

        Throwable thrown = catchThrowable(() -> c.call.run(w));

        assertThat(thrown).as(c.name).isInstanceOf(c.type);
        assertThat(thrown.getMessage()).as(c.name).contains(EXPECTED);
        if (c.fragments.length > 0) {
            assertThat(thrown.getMessage()).as(c.name).contains(c.fragments);
        }
        w.s.commit();
        w.sibling.commit();
        w.foreign.commit();
        assertThat(fixture().tableContents()).as(c.name + ": the rows after the refusal").isEqualTo(before);
    }

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        schedulers(all);
        dates(all);
        allocating(all);
        options(all);
        searching(all);
        emails(all);
        reserving(all);
        data(all);
        tokens(all);
        ids(all);
        blockers(all);
        queries(all);
        models(all);
        contexts(all);
        json(all);
        return all.stream();
    }

    private static Case refuse(String name, Class<? extends LibresException> type, Call call, String... fragments) {
        return new Case(name, type, call, fragments);
    }

    private static void schedulers(List<Case> all) {
        ZoneId zone = KitFixture.ZURICH;
        all.add(refuse("a scheduler without context", InvalidArgument.class, w -> new Scheduler(null, "x", zone), "context"));
        all.add(refuse("a scheduler without zone", InvalidArgument.class, w -> new Scheduler(w.context, "x", null), "zone"));
        all.add(refuse("a scheduler with a blank name", InvalidArgument.class, w -> new Scheduler(w.context, " ", zone), "blank"));
        all.add(refuse("a scheduler without name", InvalidArgument.class, w -> new Scheduler(w.context, null, zone), "blank"));
        all.add(refuse("a scheduler blocking itself", InvalidArgument.class,
                w -> new Scheduler(w.context, "x", zone, Set.of("x")), "cannot block itself"));
        all.add(refuse("a scheduler without blocking names", InvalidArgument.class,
                w -> new Scheduler(w.context, "x", zone, null), "blocking names"));
        all.add(refuse("a scheduler with a missing blocking name", InvalidArgument.class,
                w -> new Scheduler(w.context, "x", zone, Arrays.asList("y", null)), "blocking names"));
    }

    private static void dates(List<Case> all) {
        all.add(refuse("a date range without end", InvalidDateRange.class, w -> DateRange.of(at(2015, 2, 9, 8), null),
                "end is missing"));
        all.add(refuse("a date range without start", InvalidDateRange.class,
                w -> new DateRange(null, at(2015, 2, 9, 8)), "start is missing"));
        all.add(refuse("a date range of a LocalTime", InvalidDateRange.class,
                w -> new DateRange(LocalTime.NOON, at(2015, 2, 9, 8)), "LocalTime"));
        all.add(refuse("a date range of a Year", InvalidDateRange.class,
                w -> new DateRange(at(2015, 2, 9, 8), Year.of(2015)), "Year"));
        all.add(refuse("a timespan without start", InvalidDateRange.class, w -> new Timespan(null, Instant.EPOCH),
                "start and an end"));
        all.add(refuse("a timespan without end", InvalidDateRange.class, w -> new Timespan(Instant.EPOCH, null),
                "start and an end"));
        all.add(refuse("a retry policy without attempts", InvalidArgument.class,
                w -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO), "0 attempts"));
        all.add(refuse("a retry policy without backoff", InvalidArgument.class,
                w -> new RetryPolicy(2, null, Duration.ZERO), "backoffs"));
    }

    private static void allocating(List<Case> all) {
        all.add(refuse("an allocation ending before it starts", InvalidAllocationError.class,
                w -> w.s.allocate(range(at(2015, 2, 10, 12), at(2015, 2, 10, 8))), "ends before it starts"));
        all.add(refuse("an allocation of no length", InvalidAllocationError.class,
                w -> w.s.allocate(range(at(2015, 2, 10, 8), at(2015, 2, 10, 8))), "shorter than its raster"));
        all.add(refuse("an allocation inside the spring-forward gap", InvalidAllocationError.class,
                w -> w.s.allocate(IN_THE_GAP), "daylight-saving gap", "02:00 to 03:00", "2015-03-29T02:30"));
        all.add(refuse("an allocation of the hour the clocks skip, 02:00-03:00 on the spring-forward day",
                InvalidAllocationError.class, w -> w.s.allocate(range(at(2015, 3, 29, 2, 0), at(2015, 3, 29, 3, 0))),
                "daylight-saving gap", "is read as 2015-03-29T03:00"));
        all.add(refuse("an allocation ending in the gap before it starts after it", InvalidAllocationError.class,
                w -> w.s.allocate(range(at(2015, 3, 29, 3, 45), at(2015, 3, 29, 2, 15))), "daylight-saving gap"));
        all.add(refuse("an allocation backwards inside the fall-back overlap", InvalidAllocationError.class,
                w -> w.s.allocate(range(at(2015, 10, 25, 2, 45), at(2015, 10, 25, 2, 15))), "ends before it starts"));
        all.add(refuse("two whole-day allocations of the same fall-back day", InvalidAllocationError.class,
                w -> w.s.allocate(List.of(range(at(2015, 10, 25, 10), at(2015, 10, 25, 11)),
                        range(at(2015, 10, 25, 0), at(2015, 10, 26, 0))), AllocateOptions.builder().wholeDay(true)
                        .build()), "overlap each other"));
        all.add(refuse("an allocation ending at Instant.MAX", InvalidDateRange.class,
                w -> w.s.allocate(DateRange.of(Instant.EPOCH, Instant.MAX)), "outside the times libres stores",
                "0001-01-01T00:00:00Z"));
        all.add(refuse("an allocation starting at Instant.MIN", InvalidDateRange.class,
                w -> w.s.allocate(DateRange.of(Instant.MIN, Instant.EPOCH)), "outside the times libres stores"));
        all.add(refuse("an allocation ending at LocalDateTime.MAX", InvalidDateRange.class,
                w -> w.s.allocate(range(at(2015, 2, 10, 8), LocalDateTime.MAX)), "outside the times libres stores"));
        all.add(refuse("an allocation starting at LocalDateTime.MIN", InvalidDateRange.class,
                w -> w.s.allocate(range(LocalDateTime.MIN, at(2015, 2, 10, 8))), "outside the times libres stores"));
        all.add(refuse("an allocation in the year 0", InvalidDateRange.class,
                w -> w.s.allocate(range(at(0, 6, 1, 8), at(0, 6, 1, 9))), "outside the times libres stores"));
        all.add(refuse("an allocation in the year 10000", InvalidDateRange.class,
                w -> w.s.allocate(range(at(10_000, 6, 1, 8), at(10_000, 6, 1, 9))), "outside the times libres stores"));
        all.add(refuse("an allocation at local midnight of year 1, before UTC's year 1", InvalidDateRange.class,
                w -> w.s.allocate(range(at(1, 1, 1, 0), at(1, 1, 1, 1))), "outside the times libres stores"));
        all.add(refuse("an allocation ending after 9999-12-31 in UTC", InvalidDateRange.class,
                w -> w.s.allocate(DateRange.of(Instant.parse("9999-12-31T22:00:00Z"), Instant.parse("+10000-01-01T00:00:00Z"))),
                "9999-12-31T23:59:59.999999Z"));
        all.add(refuse("allocating no list of dates", InvalidDateRange.class,
                w -> w.s.allocate((List<DateRange>) null, AllocateOptions.DEFAULTS), "dates are missing"));
        all.add(refuse("allocating a missing range", InvalidDateRange.class,
                w -> w.s.allocate(Arrays.asList(MORNING, null), AllocateOptions.DEFAULTS), "position 1"));
        all.add(refuse("allocating a missing single range", InvalidDateRange.class, w -> w.s.allocate((DateRange) null),
                "position 0"));
        all.add(refuse("allocating without options", InvalidArgument.class, w -> w.s.allocate(MORNING, null),
                "allocate options"));
        all.add(refuse("allocating dates that overlap each other", InvalidAllocationError.class,
                w -> w.s.allocate(List.of(range(at(2015, 2, 10, 8), at(2015, 2, 10, 10)),
                        range(at(2015, 2, 10, 9), at(2015, 2, 10, 11))), AllocateOptions.DEFAULTS), "overlap each other"));
        all.add(refuse("allocating over an existing allocation", OverlappingAllocationError.class,
                w -> w.s.allocate(range(at(2015, 2, 9, 9), at(2015, 2, 9, 10)))));
        all.add(refuse("allocating over an existing allocation, among new dates", OverlappingAllocationError.class,
                w -> w.s.allocate(List.of(range(at(2015, 2, 11, 9), at(2015, 2, 11, 10)), HOUR), AllocateOptions.DEFAULTS)));
        all.add(refuse("changing the quota of no master", InvalidArgument.class, w -> w.s.changeQuota(null, 3),
                "master allocation"));
        all.add(refuse("changing the quota to 0", InvalidQuota.class, w -> w.s.changeQuota(w.master, 0), "quota of 0"));
        all.add(refuse("changing the quota beyond the limit", InvalidQuota.class,
                w -> w.s.changeQuota(w.master, Limits.MAX_QUOTA + 1), "at most " + Limits.MAX_QUOTA));
        all.add(refuse("changing the quota of another scheduler's master", NoResultFound.class,
                w -> w.s.changeQuota(w.siblingMaster, 3)));
        all.add(refuse("changing the quota of another application's master", NoResultFound.class,
                w -> w.s.changeQuota(w.foreignMaster, 3)));
        all.add(refuse("counting the free allocations of no master", InvalidArgument.class,
                w -> w.s.freeAllocationsCount(null, MORNING), "master allocation"));
    }

    private static void options(List<Case> all) {
        for (int minutes : new int[] {0, -5, 7, 20, 45, 90, Integer.MAX_VALUE}) {
            all.add(refuse("a raster of " + minutes + " minutes", InvalidRaster.class,
                    w -> AllocateOptions.builder().raster(minutes).build(), String.valueOf(minutes), "5, 10, 15, 30 or 60"));
        }
        all.add(refuse("a missing raster", InvalidArgument.class,
                w -> AllocateOptions.builder().raster((io.libres.time.Raster) null), "raster is missing"));
        for (int quota : new int[] {0, -3, Integer.MIN_VALUE, Limits.MAX_QUOTA + 1, Integer.MAX_VALUE}) {
            all.add(refuse("an allocation quota of " + quota, InvalidQuota.class,
                    w -> AllocateOptions.builder().quota(quota).build(), "quota of " + quota, "1 or more"));
        }
        all.add(refuse("a negative quota limit", InvalidQuota.class, w -> AllocateOptions.builder().quotaLimit(-1).build(),
                "quota limit of -1"));
        all.add(refuse("grouped and partly available", InvalidAllocationError.class,
                w -> AllocateOptions.builder().grouped(true).partlyAvailable(true).build()));
        all.add(refuse("a reservation quota of 0", InvalidQuota.class, w -> ReserveOptions.builder().quota(0).build(),
                "quota of 0"));
        all.add(refuse("a reservation quota of -1", InvalidQuota.class, w -> ReserveOptions.builder().quota(-1).build(),
                "quota of -1"));
        all.add(refuse("a huge reservation quota", InvalidQuota.class,
                w -> ReserveOptions.builder().quota(Integer.MAX_VALUE).build(), "at most " + Limits.MAX_QUOTA));
        all.add(refuse("a move to a quota of -1", InvalidQuota.class, w -> MoveOptions.builder().newQuota(-1).build(),
                "quota of -1"));
        all.add(refuse("a move to a huge quota", InvalidQuota.class,
                w -> MoveOptions.builder().newQuota(Limits.MAX_QUOTA + 1).build(), "at most"));
        all.add(refuse("a move to a negative quota limit", InvalidQuota.class,
                w -> MoveOptions.builder().quotaLimit(-2).build(), "quota limit of -2"));
    }

    private static void searching(List<Case> all) {
        DateRange backwards = range(at(2015, 2, 9, 12), at(2015, 2, 9, 8));
        all.add(refuse("negative minspots", InvalidArgument.class, w -> SearchOptions.builder().minspots(-1).build(),
                "minspots of -1"));
        all.add(refuse("an unknown weekday", InvalidArgument.class, w -> SearchOptions.builder().weekdays("mo", "xx"),
                "'xx'", "mo, tu, we, th, fr, sa, su"));
        all.add(refuse("a missing weekday abbreviation", InvalidArgument.class,
                w -> SearchOptions.builder().weekdays("mo", null), "'null'"));
        all.add(refuse("missing weekdays", InvalidArgument.class, w -> SearchOptions.builder().days((Set<DayOfWeek>) null),
                "weekdays"));
        all.add(refuse("a missing day", InvalidArgument.class, w -> SearchOptions.builder().days(DayOfWeek.MONDAY, null),
                "missing day"));
        all.add(refuse("a missing whole-day inclusion", InvalidArgument.class, w -> SearchOptions.builder().wholeDay(null),
                "ANY, YES or NO"));
        all.add(refuse("a missing groups inclusion", InvalidArgument.class, w -> SearchOptions.builder().groups(null),
                "ANY, YES or NO"));
        all.add(refuse("searching no range", InvalidDateRange.class, w -> w.s.searchAllocations(null), "date range is missing"));
        all.add(refuse("searching without options", InvalidArgument.class, w -> w.s.searchAllocations(MORNING, null),
                "search options"));
        all.add(refuse("searching backwards", InvalidDateRange.class, w -> w.s.searchAllocations(backwards),
                "ends before it starts"));
        all.add(refuse("searching up to Instant.MAX", InvalidDateRange.class,
                w -> w.s.searchAllocations(DateRange.of(Instant.EPOCH, Instant.MAX)), "outside the times libres stores"));
        all.add(refuse("the availability of no range", InvalidDateRange.class, w -> w.s.availability(null),
                "date range is missing"));
        all.add(refuse("the availability of a backward range", InvalidDateRange.class, w -> w.s.availability(backwards),
                "ends before it starts"));
        all.add(refuse("the availability from Instant.MIN to Instant.MAX", InvalidDateRange.class,
                w -> w.s.availability(DateRange.of(Instant.MIN, Instant.MAX)), "outside the times libres stores"));
        all.add(refuse("reservation targets of a backward range", InvalidDateRange.class,
                w -> w.s.reservationTargets(backwards), "ends before it starts"));
        all.add(refuse("allocations with availability of a backward range", InvalidDateRange.class,
                w -> w.s.allocationsWithAvailabilityByRange(backwards), "ends before it starts"));
        all.add(refuse("allocations in no range", InvalidDateRange.class, w -> w.s.allocationsInRange(null),
                "date range is missing"));
        all.add(refuse("reserved slots in no range", InvalidDateRange.class, w -> w.s.reservedSlotsByRange(null),
                "date range is missing"));
        all.add(refuse("removing unused allocations backwards", InvalidDateRange.class,
                w -> w.s.removeUnusedAllocations(LocalDate.of(2015, 3, 10), LocalDate.of(2015, 3, 1)),
                "lies before the first day"));
        all.add(refuse("removing unused allocations from no day", InvalidDateRange.class,
                w -> w.s.removeUnusedAllocations(null, LocalDate.of(2015, 3, 1)), "missing"));
        all.add(refuse("removing unused allocations on no weekdays", InvalidArgument.class,
                w -> w.s.removeUnusedAllocations(LocalDate.of(2015, 2, 1), LocalDate.of(2015, 2, 28), (Set<DayOfWeek>) null, false),
                "weekdays"));
    }

    private static void emails(List<Case> all) {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("a missing email", null);
        bad.put("a blank email", "   ");
        bad.put("an email without @", "no-at-sign");
        bad.put("an email with a header injected after a line break", "a@example.org\nBcc: x@evil.org");
        bad.put("an email with a header injected after CR LF", "a@example.org\r\nBcc: x@evil.org");
        bad.put("an email followed by a script tag", "a@example.org <script>");
        bad.put("an email in angle brackets", "<a@example.org>");
        bad.put("two emails separated by a comma", "a@example.org,b@evil.org");
        bad.put("two emails separated by a semicolon", "a@example.org;b@evil.org");
        bad.put("an email with a tab", "a\tb@example.org");
        bad.put("an email with a no-break space", "a\u00a0b@example.org");
        bad.put("an email with a bell character", "a\u0007@example.org");
        bad.put("an email with SQL in it", "x'); DROP TABLE reservations; --@example.org");
        bad.put("an email with a NUL character", "a\u0000@example.org");
        bad.put("an email with a lone surrogate", "a\ud800@example.org");
        bad.put("an email of 255 characters", "a".repeat(243) + "@example.org");
        bad.put("an email of 10,000 characters", "a".repeat(10_000) + "@example.org");
        bad.put("a unicode text that is no email", "\u00fc\u00f1\u00ee\u00e7\u00f8d\u00e9");
        bad.put("an email with two @", "a@b.org@c");
        bad.forEach((name, email) -> {
            all.add(refuse("reserving with " + name, InvalidEmailAddress.class, w -> w.s.reserve(email, MORNING)));
        });
        all.add(refuse("changing to an email with a header injected", InvalidEmailAddress.class,
                w -> w.s.changeEmail(w.token, "a@example.org\nBcc: x@evil.org"), "line break"));
        all.add(refuse("changing to a blank email", InvalidEmailAddress.class, w -> w.s.changeEmail(w.token, " "), "blank"));
        all.add(refuse("changing to no email", InvalidEmailAddress.class, w -> w.s.changeEmail(w.token, null), "missing"));
        all.add(refuse("changing to an over-long email", InvalidEmailAddress.class,
                w -> w.s.changeEmail(w.token, "b".repeat(300) + "@example.org"), "too long", "254"));
        all.add(refuse("reserving a group with a blank email", InvalidEmailAddress.class,
                w -> w.s.reserveGroup("", w.master.group()), "blank"));
    }

    private static void reserving(List<Case> all) {
        all.add(refuse("reserving without options", InvalidArgument.class, w -> w.s.reserve(EMAIL, MORNING, null),
                "reserve options"));
        all.add(refuse("reserving no dates", InvalidReservationError.class,
                w -> w.s.reserve(EMAIL, List.of(), ReserveOptions.DEFAULTS)));
        all.add(refuse("reserving a missing range", InvalidDateRange.class,
                w -> w.s.reserve(EMAIL, Arrays.asList(MORNING, null), ReserveOptions.DEFAULTS), "position 1"));
        all.add(refuse("reserving three minutes", ReservationTooShort.class,
                w -> w.s.reserve(EMAIL, range(at(2015, 2, 9, 9), at(2015, 2, 9, 9, 3))), "too short"));
        all.add(refuse("reserving 25 hours", ReservationTooLong.class,
                w -> w.s.reserve(EMAIL, range(at(2015, 2, 9, 8), at(2015, 2, 10, 9))), "too long"));
        all.add(refuse("reserving inside the spring-forward gap", ReservationTooShort.class,
                w -> w.s.reserve(EMAIL, IN_THE_GAP), "too short", "daylight-saving gap", "02:00 to 03:00"));
        all.add(refuse("blocking inside the spring-forward gap", ReservationTooShort.class,
                w -> w.s.addBlocker(List.of(IN_THE_GAP), null), "too short", "daylight-saving gap"));
        all.add(refuse("reserving the 25-hour fall-back day plus an hour", ReservationTooLong.class,
                w -> w.s.reserve(EMAIL, range(at(2015, 10, 25, 0), at(2015, 10, 26, 1))), "too long"));
        all.add(refuse("reserving the 23-hour spring-forward day plus two hours", ReservationTooLong.class,
                w -> w.s.reserve(EMAIL, range(at(2015, 3, 29, 0), at(2015, 3, 30, 2))), "too long"));
        all.add(refuse("reserving up to Instant.MAX", InvalidDateRange.class,
                w -> w.s.reserve(EMAIL, DateRange.of(Instant.EPOCH, Instant.MAX)), "outside the times libres stores"));
        all.add(refuse("reserving more spots than the quota", QuotaImpossible.class,
                w -> w.s.reserve(EMAIL, AFTERNOON, ReserveOptions.builder().quota(3).build())));
        all.add(refuse("reserving a blocked slot", AlreadyReservedError.class,
                w -> w.s.reserve(EMAIL, List.of(range(at(2015, 2, 9, 9), at(2015, 2, 9, 10)),
                        range(at(2015, 2, 9, 11), at(2015, 2, 9, 12))), ReserveOptions.DEFAULTS)));
        all.add(refuse("reserving an unknown group", InvalidReservationError.class,
                w -> w.s.reserveGroup(EMAIL, UUID.randomUUID())));
        all.add(refuse("reserving another scheduler's group", InvalidReservationError.class,
                w -> w.s.reserveGroup(EMAIL, w.siblingMaster.group())));
        all.add(refuse("reserving another application's group", InvalidReservationError.class,
                w -> w.s.reserveGroup(EMAIL, w.foreignMaster.group())));
        all.add(refuse("reserving no group", InvalidArgument.class, w -> w.s.reserveGroup(EMAIL, null), "group is missing"));
        all.add(refuse("reserving a group without options", InvalidArgument.class,
                w -> w.s.reserveGroup(EMAIL, w.master.group(), null), "reserve options"));
        all.add(refuse("changing a reservation to a quota of 0", InvalidQuota.class,
                w -> w.s.changeReservation(w.token, w.reservationId, HOUR, 0), "quota"));
        all.add(refuse("changing a reservation backwards", ReservationTooShort.class,
                w -> w.s.changeReservation(w.token, w.reservationId, range(at(2015, 2, 9, 10), at(2015, 2, 9, 9)))));
        all.add(refuse("changing a reservation to Instant.MIN", InvalidDateRange.class,
                w -> w.s.changeReservation(w.token, w.reservationId, DateRange.of(Instant.MIN, Instant.EPOCH)),
                "outside the times libres stores"));
    }

    private static void data(List<Case> all) {
        Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
        bad.put("a NUL character in a value", Map.of("note", "a\u0000b"));
        bad.put("a NUL character in a key", Map.of("no\u0000te", "x"));
        bad.put("a lone surrogate in a value", Map.of("note", "a\udc00"));
        bad.put("a lone surrogate in a key", Map.of("\ud800", 1));
        bad.put("itself in it", selfContaining());
        bad.put("a list that contains itself", listContainingItself());
        bad.put("lists nested 10,000 deep", nested(10_000));
        bad.put("lists nested one level too deep", nested(Limits.MAX_DATA_DEPTH));
        bad.put("more than " + Limits.MAX_DATA_CHARACTERS + " characters", Map.of("big", "x".repeat(Limits.MAX_DATA_CHARACTERS)));
        bad.put("a date", Map.of("when", LocalDate.of(2015, 2, 9)));
        bad.put("NaN", Map.of("n", Double.NaN));
        bad.put("a non-string key", Map.of("outer", Map.of(1, "one")));
        bad.put("an array", Map.of("list", new int[] {1, 2}));
        bad.put("an object that is no JSON value", Map.of("thing", new Object()));
        bad.forEach((name, value) -> {
            all.add(refuse("reservation data with " + name, DataNotSerializable.class,
                    w -> ReserveOptions.builder().data(value).build(), "data"));
        });
        all.add(refuse("allocation data with itself in it", DataNotSerializable.class,
                w -> AllocateOptions.builder().data(selfContaining()).build(), "contains itself"));
        all.add(refuse("allocation data nested too deep", DataNotSerializable.class,
                w -> AllocateOptions.builder().data(nested(10_000)).build(), "levels deep", "at most " + Limits.MAX_DATA_DEPTH));
        all.add(refuse("move data with a NUL character", DataNotSerializable.class,
                w -> MoveOptions.builder().data(Map.of("k", "\u0000")).build(), "NUL"));
        all.add(refuse("changed reservation data with itself in it", DataNotSerializable.class,
                w -> w.s.changeReservationData(w.token, selfContaining()), "contains itself"));
        all.add(refuse("changed reservation data with a NUL character", DataNotSerializable.class,
                w -> w.s.changeReservationData(w.token, Map.of("k", "\u0000")), "NUL"));
    }

    private static Map<String, Object> selfContaining() {
        Map<String, Object> self = new HashMap<>();
        self.put("self", self);
        return self;
    }

    private static Map<String, Object> listContainingItself() {
        List<Object> list = new ArrayList<>();
        list.add(list);
        return Map.of("list", list);
    }

    private static Map<String, Object> nested(int depth) {
        Object inner = "bottom";
        for (int i = 0; i < depth; i++) {
            inner = List.of(inner);
        }
        return Map.of("deep", inner);
    }

    private static void tokens(List<Case> all) {
        Map<String, Call> calls = new LinkedHashMap<>();
        UUID unknown = UUID.fromString("00000000-0000-4000-8000-000000000bad");
        calls.put("approving", w -> w.s.approveReservations(unknown));
        calls.put("denying", w -> w.s.denyReservation(unknown));
        calls.put("removing", w -> w.s.removeReservation(unknown));
        calls.put("removing by id", w -> w.s.removeReservation(unknown, 1));
        calls.put("changing the email of", w -> w.s.changeEmail(unknown, EMAIL));
        calls.put("changing the data of", w -> w.s.changeReservationData(unknown, Map.of("a", 1)));
        calls.put("changing", w -> w.s.changeReservation(unknown, 1, MORNING));
        calls.put("reading", w -> w.s.reservationsByToken(unknown));
        calls.put("removing the blocker of", w -> w.s.removeBlocker(unknown));
        calls.put("changing the blocker reason of", w -> w.s.changeBlockerReason(unknown, "why"));
        calls.put("changing the blocker of", w -> w.s.changeBlocker(unknown, 1, MORNING));
        calls.put("reading the blockers of", w -> w.s.blockersByToken(unknown));
        calls.forEach((name, call) -> all.add(refuse(name + " an unknown token", InvalidReservationToken.class, call,
                unknown.toString())));
        all.add(refuse("approving another scheduler's token", InvalidReservationToken.class,
                w -> w.s.approveReservations(w.siblingToken)));
        all.add(refuse("removing another scheduler's reservation", InvalidReservationToken.class,
                w -> w.s.removeReservation(w.siblingToken)));
        all.add(refuse("approving another application's token", InvalidReservationToken.class,
                w -> w.s.approveReservations(w.foreignToken)));
        all.add(refuse("changing the email of another application's reservation", InvalidReservationToken.class,
                w -> w.s.changeEmail(w.foreignToken, EMAIL)));
        all.add(refuse("denying another application's reservation", InvalidReservationToken.class,
                w -> w.s.denyReservation(w.foreignToken)));
        all.add(refuse("removing another scheduler's blocker", InvalidReservationToken.class,
                w -> w.s.removeBlocker(w.siblingBlocker)));
        all.add(refuse("approving no token", InvalidReservationToken.class, w -> w.s.approveReservations(null),
                "token is missing"));
        all.add(refuse("removing no blocker token", InvalidReservationToken.class, w -> w.s.removeBlocker(null),
                "token is missing"));
        all.add(refuse("reading the slots of no token", InvalidReservationToken.class,
                w -> w.s.reservedSlotsByReservation(null), "token is missing"));
    }

    private static void ids(List<Case> all) {
        int unknown = 2_000_000_000;
        all.add(refuse("an unknown allocation id", NoResultFound.class, w -> w.s.allocationById(unknown),
                String.valueOf(unknown)));
        all.add(refuse("another scheduler's allocation id", NoResultFound.class,
                w -> w.s.allocationById(w.siblingMaster.requireId())));
        all.add(refuse("another application's allocation id", NoResultFound.class,
                w -> w.s.allocationById(w.foreignMaster.requireId())));
        all.add(refuse("moving an unknown allocation", NoResultFound.class,
                w -> w.s.moveAllocation(unknown, MoveOptions.builder().newQuota(3).build())));
        all.add(refuse("moving another scheduler's allocation", NoResultFound.class,
                w -> w.s.moveAllocation(w.siblingMaster.requireId(), MoveOptions.builder().newQuota(3).build())));
        all.add(refuse("removing another application's allocation", NoResultFound.class,
                w -> w.s.removeAllocation(w.foreignMaster.requireId())));
        all.add(refuse("removing an unknown allocation", NoResultFound.class, w -> w.s.removeAllocation(unknown)));
        all.add(refuse("the reservations of an unknown allocation", NoResultFound.class,
                w -> w.s.reservationsByAllocation(unknown)));
        all.add(refuse("moving without options", InvalidArgument.class, w -> w.s.moveAllocation(w.master.requireId(), null),
                "move options"));
        all.add(refuse("moving with nothing to change", InvalidAllocationError.class,
                w -> w.s.moveAllocation(w.master.requireId(), MoveOptions.builder().build()), "nothing to change"));
        all.add(refuse("moving backwards", InvalidAllocationError.class, w -> w.s.moveAllocation(w.master.requireId(),
                MoveOptions.builder().dates(range(at(2015, 2, 9, 12), at(2015, 2, 9, 7))).build())));
        all.add(refuse("removing no groups", InvalidAllocationError.class, w -> w.s.removeAllocations(List.of()),
                "no groups"));
        all.add(refuse("removing a missing group", InvalidArgument.class,
                w -> w.s.removeAllocations(Arrays.asList((UUID) null)), "groups"));
        all.add(refuse("allocations of a missing id", InvalidArgument.class,
                w -> w.s.allocationsByIds(Arrays.asList(1, null)), "position 1"));
        all.add(refuse("manual approval of no ids", InvalidArgument.class, w -> w.s.manualApprovalRequired(null),
                "allocation ids are missing"));
        all.add(refuse("allocations of a missing group", InvalidArgument.class,
                w -> w.s.allocationsByGroups(Arrays.asList(UUID.randomUUID(), null), true), "groups"));
        all.add(refuse("change candidates of no tokens", InvalidArgument.class,
                w -> w.s.changeReservationTimeCandidates(null), "tokens"));
    }

    private static void blockers(List<Case> all) {
        all.add(refuse("a blocker reason with a NUL character", InvalidArgument.class,
                w -> w.s.addBlocker(List.of(AFTERNOON), "re\u0000pairs"), "NUL"));
        all.add(refuse("changing a blocker reason to one with a NUL character", InvalidArgument.class,
                w -> w.s.changeBlockerReason(w.blocker, "\u0000"), "NUL"));
        all.add(refuse("a blocker reason with a lone surrogate", InvalidArgument.class,
                w -> w.s.addBlocker(List.of(AFTERNOON), "\ud800"), "unpaired surrogate"));
        all.add(refuse("blocking an unknown group", InvalidReservationError.class,
                w -> w.s.addGroupBlocker(UUID.randomUUID(), null)));
        all.add(refuse("blocking another application's group", InvalidReservationError.class,
                w -> w.s.addGroupBlocker(w.foreignMaster.group(), "x")));
        all.add(refuse("blocking no group", InvalidArgument.class, w -> w.s.addGroupBlocker(null, "x"), "group is missing"));
        all.add(refuse("blocking no dates", InvalidReservationError.class, w -> w.s.addBlocker(List.of(), "nothing")));
        all.add(refuse("blocking a missing range", InvalidDateRange.class,
                w -> w.s.addBlocker(Arrays.asList(MORNING, null), null), "position 1"));
        all.add(refuse("changing a blocker backwards", ReservationTooShort.class,
                w -> w.s.changeBlocker(w.blocker, w.blockerId, range(at(2015, 2, 9, 10), at(2015, 2, 9, 9)))));
        all.add(refuse("blocking up to Instant.MAX", InvalidDateRange.class,
                w -> w.s.addBlocker(List.of(DateRange.of(Instant.EPOCH, Instant.MAX)), null),
                "outside the times libres stores"));
    }

    private static void queries(List<Case> all) {
        all.add(refuse("removing no token from no session", InvalidArgument.class,
                w -> w.q().removeReservationFromSession(null, null), "session id is missing"));
        all.add(refuse("removing no token from a session", InvalidArgument.class,
                w -> w.q().removeReservationFromSession(w.session, null), "token is missing"));
        all.add(refuse("removing an unknown token from a session", NoResultFound.class,
                w -> w.q().removeReservationFromSession(w.session, UUID.randomUUID())));
        all.add(refuse("removing another application's token from a session", NoResultFound.class,
                w -> w.q().removeReservationFromSession(w.session, w.foreignToken)));
        all.add(refuse("confirming no session", NoReservationsToConfirm.class,
                w -> w.q().confirmReservationsForSession(null, null), "no session was given"));
        all.add(refuse("confirming an unknown session", NoReservationsToConfirm.class,
                w -> w.q().confirmReservationsForSession(UUID.randomUUID(), null), "has no reservations"));
        all.add(refuse("confirming another application's token in a session", NoReservationsToConfirm.class,
                w -> w.q().confirmReservationsForSession(w.session, w.foreignToken), "has no reservations"));
        all.add(refuse("expiring sessions as of Instant.MIN", InvalidDateRange.class,
                w -> w.q().findExpiredReservationSessions(Instant.MIN), "outside the times libres stores"));
        all.add(refuse("removing sessions expired as of Instant.MAX", InvalidDateRange.class,
                w -> w.q().removeExpiredReservationSessions(Instant.MAX), "outside the times libres stores"));
        all.add(refuse("removing every resource's sessions expired as of Instant.MAX", InvalidDateRange.class,
                w -> w.q().removeExpiredReservationSessionsOfAllResources(Instant.MAX), "outside the times libres stores"));
        all.add(refuse("availability of no span", InvalidArgument.class,
                w -> w.q().availabilityByRange((Timespan) null, List.of(w.s.resource())), "span is missing"));
        all.add(refuse("availability from Instant.MIN to Instant.MAX", InvalidDateRange.class,
                w -> w.q().availabilityByRange(new Timespan(Instant.MIN, Instant.MAX), List.of(w.s.resource())),
                "outside the times libres stores"));
        all.add(refuse("availability of no resources", InvalidArgument.class,
                w -> w.q().availabilityByRange(w.span(), null), "resources are missing"));
        all.add(refuse("availability by day in no zone", InvalidArgument.class,
                w -> w.q().availabilityByDay(w.span(), List.of(w.s.resource()), null), "zone"));
        all.add(refuse("availability by day of a missing resource", InvalidArgument.class,
                w -> w.q().availabilityByDay(w.span(), Arrays.asList(w.s.resource(), null)), "position 1"));
        all.add(refuse("reserved slots of no resource", InvalidArgument.class,
                w -> w.q().reservedSlotsByRange(w.span(), null, List.of()), "resource is missing"));
        all.add(refuse("allocations in range up to Instant.MAX", InvalidDateRange.class,
                w -> w.q().allocationsInRange(new Timespan(Instant.EPOCH, Instant.MAX)), "outside the times libres stores"));
        all.add(refuse("allocations with availability of no resource", InvalidArgument.class,
                w -> w.q().allocationsWithAvailabilityByRange(w.span(), null, List.of(), false), "resource is missing"));
        all.add(refuse("availability of no allocations", InvalidArgument.class,
                w -> w.q().availabilityByAllocations(null), "allocations are missing"));
        all.add(refuse("session calls of queries naming no resource", InvalidArgument.class,
                w -> new Queries(w.context).reservationsBySession(w.session), "name none", "scheduler.queries()"));
        all.add(refuse("expiring sessions through queries naming no resource", InvalidArgument.class,
                w -> new Queries(w.context).removeExpiredReservationSessions(null), "OfAllResources"));
        all.add(refuse("queries of no context", InvalidArgument.class, w -> new Queries(null), "context is missing"));
        all.add(refuse("queries of no resources", InvalidArgument.class,
                w -> new Queries(w.context, (List<UUID>) null), "resources are missing"));
        all.add(refuse("queries without clock", InvalidArgument.class,
                w -> new Queries(w.context, List.of(w.s.resource()), null), "clock is missing"));
        all.add(refuse("queries with another clock, missing", InvalidArgument.class,
                w -> w.q().withClock((Clock) null), "clock is missing"));
    }

    private static void models(List<Case> all) {
        all.add(refuse("an allocation overlapping no span", InvalidArgument.class, w -> w.master.overlaps(null),
                "span is missing"));
        all.add(refuse("an allocation containing no span", InvalidArgument.class, w -> w.master.contains(null),
                "span is missing"));
        all.add(refuse("an allocation overlapping a span up to Instant.MAX", InvalidDateRange.class,
                w -> w.master.overlaps(new Timespan(Instant.EPOCH, Instant.MAX)), "outside the times libres stores"));
        all.add(refuse("an allocation containing a span from Instant.MIN", InvalidDateRange.class,
                w -> w.master.contains(new Timespan(Instant.MIN, Instant.EPOCH)), "outside the times libres stores"));
        all.add(refuse("the siblings of an imaginary mirror without imaginary ones", InvalidAllocationError.class,
                w -> w.triple.siblings(w.s.lookup()).get(2).siblings(w.s.lookup(), false), "imaginary"));
    }

    private static void contexts(List<Case> all) {
        all.add(refuse("registering an existing context", ContextAlreadyExists.class,
                w -> w.context.registry().registerContext(w.context.name())));
        all.add(refuse("an unknown context", UnknownContext.class,
                w -> w.context.registry().getContext("no-such-context-" + UUID.randomUUID())));
        all.add(refuse("a dsn setting of the wrong type", InvalidSetting.class, w -> w.context.setSetting("dsn", 42),
                "'dsn'"));
        all.add(refuse("a dsn setting in no known form", InvalidSetting.class,
                w -> w.context.setSetting(Settings.DSN, "host=db password=s3cret-Pa55 dbname=libres"), "password=***"));
        all.add(refuse("a uuid namespace that is no UUID", InvalidSetting.class,
                w -> w.context.setSetting("uuid_namespace", "not-a-uuid"), "'uuid_namespace'"));
        all.add(refuse("no uuid namespace", InvalidSetting.class, w -> w.context.setSetting("uuid_namespace", null),
                "must not be null"));
        all.add(refuse("a setting of the locked master context", ContextIsLocked.class,
                w -> w.context.registry().masterContext().setSetting(Settings.DSN, "jdbc:postgresql://db/x")));
        all.add(refuse("an unknown service", UnknownService.class, w -> w.context.getService("no_such_service")));
    }

    private static void json(List<Case> all) {
        all.add(refuse("a JSON value containing itself", DataNotSerializable.class,
                w -> JsonValues.requireJsonValue(selfContaining()), "contains itself"));
        all.add(refuse("a JSON value nested 10,000 deep", DataNotSerializable.class,
                w -> JsonValues.requireJsonValue(nested(10_000)), "nested more than"));
        all.add(refuse("a JSON value with a lone surrogate", DataNotSerializable.class,
                w -> JsonValues.normalise(List.of("\ud800")), "unpaired surrogate"));
        all.add(refuse("a JSON value that is a bean", DataNotSerializable.class,
                w -> JsonValues.normalise(Map.of("x", new Object())), "java.lang.Object"));
    }
}
