package io.libres.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.db.AllocateOptions;
import io.libres.db.Queries;
import io.libres.db.Scheduler;
import io.libres.db.ReserveOptions;
import io.libres.db.SearchHit;
import io.libres.db.SearchOptions;
import io.libres.db.models.Allocation;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import io.libres.testkit.postgres.WithPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Counts the statements the adapter sends, so that a query per row (N+1) fails the build: the
 * count must not grow with the number of slots or allocations involved.
 */
@WithPostgres
@DisplayName("statements sent to PostgreSQL")
public abstract class SchedulerStatementCountKit extends CountingKit {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    /** Creates the group. */
    protected SchedulerStatementCountKit() {
    }

    private Scheduler scheduler() {
        return new Scheduler(context(), "count-" + UUID.randomUUID(), ZURICH);
    }

    /** Statements to reserve and approve a whole partly available allocation of the given hours. */
    private int reserveAndApprove(int hours) {
        Scheduler scheduler = scheduler();
        LocalDateTime start = LocalDateTime.of(2031, 6, 2, 6, 0);
        DateRange range = DateRange.of(start, start.plusHours(hours));
        scheduler.allocate(range, AllocateOptions.builder().partlyAvailable(true).raster(15).quota(3).build());
        scheduler.commit();
        return counting(() -> {
            UUID token = scheduler.reserve("count@example.org", range);
            int slots = scheduler.approveReservations(token).size();
            scheduler.commit();
            assertThat(slots).isEqualTo(hours * 4);
        });
    }

    /** Statements to search the allocations of the given days, some of them partly reserved. */
    private int search(int days) {
        Scheduler scheduler = scheduler();
        List<DateRange> dates = new ArrayList<>();
        LocalDateTime first = LocalDateTime.of(2031, 7, 1, 8, 0);
        for (int day = 0; day < days; day++) {
            dates.add(DateRange.of(first.plusDays(day), first.plusDays(day).plusHours(8)));
        }
        scheduler.allocate(dates, AllocateOptions.builder().partlyAvailable(true).raster(30).quota(2).build());
        for (int day = 0; day < days; day += 3) {
            UUID token = scheduler.reserve("count@example.org",
                    DateRange.of(first.plusDays(day), first.plusDays(day).plusHours(2)));
            scheduler.approveReservations(token);
        }
        scheduler.commit();
        DateRange all = DateRange.of(first.minusDays(1), first.plusDays(days + 1));
        return counting(() -> {
            List<SearchHit> hits = scheduler.searchAllocations(all);
            assertThat(hits).hasSize(days);
            assertThat(scheduler.allocationsWithAvailabilityByRange(all)).hasSize(days);
            assertThat(new Queries(context()).availabilityByDay(new Timespan(first.atZone(ZURICH).toInstant()
                    .minusSeconds(86_400), first.plusDays(days + 1).atZone(ZURICH).toInstant()),
                    List.of(scheduler.resource()), ZURICH)).hasSize(days);
            scheduler.commit();
        });
    }

    @Test
    @DisplayName("reserving and approving 64 slots takes as many statements as 8 slots, and a handful at that")
    void reserveAndApproveIsSetBased() {
        int small = reserveAndApprove(2);
        int large = reserveAndApprove(16);

        assertThat(large).as("statements for 64 slots vs 8 slots; log: %s", log()).isEqualTo(small);
        // reserve: allocations, slots, group sizes, ids, insert; approve: reservations, allocations, slots, slot insert,
        // status update (issue 13; it was 13 with an existence check and a re-read of the token's reservations)
        assertThat(small).as("log: %s", log()).isLessThanOrEqualTo(10);
    }

    /** Statements of issue 13's W2 step: reserve one whole one-hour allocation (quota 1), approve, commit. */
    private int reserveApproveCommitOneHour() {
        Scheduler scheduler = scheduler();
        LocalDateTime start = LocalDateTime.of(2031, 6, 3, 8, 0);
        List<DateRange> hours = new ArrayList<>();
        for (int hour = 0; hour < 3; hour++) {
            hours.add(DateRange.of(start.plusHours(hour), start.plusHours(hour + 1)));
        }
        scheduler.allocate(hours, AllocateOptions.builder().build());
        scheduler.commit();
        UUID first = scheduler.reserve("count@example.org", hours.get(0));
        scheduler.approveReservations(first);
        scheduler.commit();
        return counting(() -> {
            UUID token = scheduler.reserve("count@example.org", hours.get(1));
            assertThat(scheduler.approveReservations(token)).hasSize(1);
            scheduler.commit();
        });
    }

    @Test
    @DisplayName("reserving, approving and committing one hour (issue 13's W2 step) takes a handful of statements")
    void reserveApproveCommitIsAHandful() {
        int statements = reserveApproveCommitOneHour();
        // the same ten as above; no savepoint either (not counted here: the slot insert is all or none)
        assertThat(statements).as("log: %s", log()).isLessThanOrEqualTo(10);
    }

    @Test
    @DisplayName("searching 60 allocations and their availability by range and by day takes as many statements as for 6")
    void searchIsSetBased() {
        int small = search(6);
        int large = search(60);

        assertThat(large).as("statements for 60 allocations vs 6; log: %s", log()).isEqualTo(small);
        assertThat(small).isLessThanOrEqualTo(30);
    }

    /**
     * Rooms blocked by one shared scheduler, each with hourly partly available allocations on
     * {@code days} days from 1 September 2031 (the first hour blocked, half of the second reserved), and a grouped pair of
     * whole allocations on the first day.
     */
    private io.libres.db.Schedulers rooms(int count, int hours, int days) {
        Scheduler blocking = new Scheduler(context(), "count-blocking-" + UUID.randomUUID(), ZURICH);
        LocalDateTime first = LocalDateTime.of(2031, 9, 1, 8, 0);
        blocking.allocate(DateRange.of(first, first.plusHours(1)));
        blocking.approveReservations(blocking.reserve("count@example.org", DateRange.of(first, first.plusHours(1))));
        List<Scheduler> rooms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Scheduler room = new Scheduler(context(), "count-room-" + UUID.randomUUID(), ZURICH,
                    java.util.Set.of(blocking.name()));
            List<DateRange> dates = new ArrayList<>();
            for (int day = 0; day < days; day++) {
                for (int hour = 0; hour < hours; hour++) {
                    LocalDateTime start = first.plusDays(day).plusHours(hour);
                    dates.add(DateRange.of(start, start.plusHours(1)));
                }
            }
            room.allocate(dates, AllocateOptions.builder().partlyAvailable(true).raster(15).build());
            room.approveReservations(room.reserve("count@example.org", DateRange.of(first.plusHours(1),
                    first.plusHours(1).plusMinutes(30))));
            room.allocate(List.of(DateRange.of(first.minusHours(3), first.minusHours(2)),
                    DateRange.of(first.minusHours(2), first.minusHours(1))), AllocateOptions.builder().grouped(true).build());
            rooms.add(room);
        }
        blocking.commit();
        return io.libres.db.Schedulers.of(rooms);
    }

    private int freeSlots(int count, int hours) {
        io.libres.db.Schedulers rooms = rooms(count, hours, 1);
        java.time.LocalDate day = java.time.LocalDate.of(2031, 9, 1);
        return counting(() -> {
            List<io.libres.db.FreeSlot> slots = rooms.freeSlots(io.libres.db.FreeSlotQuery.of(
                    java.time.Duration.ofMinutes(30), day, day).limit(100_000).build());
            // per room: the group, none in the first hour (blocked), one in the second (half
            // reserved), three in every other hour
            assertThat(slots).hasSize(count * (1 + 1 + 3 * (hours - 2)));
            rooms.members().get(0).commit();
        });
    }

    private int matrix(int count, int days) {
        io.libres.db.Schedulers rooms = rooms(count, 4, days);
        java.time.LocalDate day = java.time.LocalDate.of(2031, 9, 1);
        return counting(() -> {
            io.libres.db.AvailabilityMatrix matrix = rooms.availabilityMatrix(day, day.plusDays(days - 1),
                    java.time.Duration.ofHours(1));
            assertThat(matrix.cells()).hasSize(count * days);
            assertThat(matrix.cell(rooms.names().get(0), day).allocations()).isEqualTo(4 + 2);
            rooms.members().get(0).commit();
        });
    }

    @Test
    @DisplayName("free slots of 12 blocked rooms with 10 hours each take as many statements as of 2 rooms with 2 hours")
    void freeSlotsAreSetBased() {
        int small = freeSlots(2, 2);
        int large = freeSlots(12, 10);

        assertThat(large).as("statements for 12 rooms x 10 hours vs 2 x 2; log: %s", log()).isEqualTo(small);
        // allocations, blocking allocations, slots, group sizes, group members, their slots
        assertThat(small).isLessThanOrEqualTo(6);
    }

    @Test
    @DisplayName("an availability matrix of 12 rooms over a week takes as many statements as of 2 rooms over 2 days")
    void matrixIsSetBased() {
        int small = matrix(2, 2);
        int large = matrix(12, 7);

        assertThat(large).as("statements for 12 rooms x 7 days vs 2 x 2; log: %s", log()).isEqualTo(small);
        assertThat(small).isLessThanOrEqualTo(3);
    }

    /** Allocations of {@code count} days from 1 July 2031, 8:00 - 16:00, partly available in half hours, quota 2. */
    private List<DateRange> days(int count) {
        List<DateRange> dates = new ArrayList<>();
        LocalDateTime first = LocalDateTime.of(2031, 7, 1, 8, 0);
        for (int day = 0; day < count; day++) {
            dates.add(DateRange.of(first.plusDays(day), first.plusDays(day).plusHours(8)));
        }
        return dates;
    }

    private DateRange around(List<DateRange> dates) {
        return DateRange.of(((LocalDateTime) dates.get(0).start()).minusDays(1),
                ((LocalDateTime) dates.get(dates.size() - 1).end()).plusDays(1));
    }

    /** A scheduler with the allocations of {@link #days}; every third day has a morning reserved once. */
    private Scheduler partlyReserved(List<DateRange> dates) {
        Scheduler scheduler = scheduler();
        scheduler.allocate(dates, AllocateOptions.builder().partlyAvailable(true).raster(30).quota(2).build());
        for (int day = 0; day < dates.size(); day += 3) {
            LocalDateTime start = (LocalDateTime) dates.get(day).start();
            scheduler.approveReservations(scheduler.reserve("count@example.org", DateRange.of(start, start.plusHours(2))));
        }
        scheduler.commit();
        return scheduler;
    }

    private int searchWith(int allocations, SearchOptions options) {
        List<DateRange> dates = days(allocations);
        Scheduler scheduler = partlyReserved(dates);
        return counting(() -> {
            assertThat(scheduler.searchAllocations(around(dates), options)).hasSize(allocations);
            scheduler.commit();
        });
    }

    /** Reserves every allocation with a quota of two in one token and approves it. */
    private int reserveAndApproveQuota(int allocations) {
        List<DateRange> dates = days(allocations);
        Scheduler scheduler = scheduler();
        scheduler.allocate(dates, AllocateOptions.builder().quota(3).build());
        for (int day = 0; day < allocations; day += 3) {
            scheduler.approveReservations(scheduler.reserve("count@example.org", dates.get(day)));
        }
        scheduler.commit();
        return counting(() -> {
            UUID token = scheduler.reserve("count@example.org", dates, ReserveOptions.builder().quota(2).build());
            assertThat(scheduler.approveReservations(token)).hasSize(2 * allocations);
            scheduler.commit();
        });
    }

    /** The availability by day of a month holding the given number of allocations. */
    private int availabilityByDay(int allocations) {
        Scheduler scheduler = scheduler();
        List<DateRange> dates = new ArrayList<>();
        LocalDateTime first = LocalDateTime.of(2031, 9, 1, 0, 0);
        int perDay = Math.max(1, allocations / 30);
        int step = Math.max(1, 30 / allocations);
        for (int day = 0; dates.size() < allocations; day += step) {
            for (int n = 0; n < perDay && dates.size() < allocations; n++) {
                LocalDateTime start = first.plusDays(day).plusHours(8 + 2 * n);
                dates.add(DateRange.of(start, start.plusHours(1)));
            }
        }
        scheduler.allocate(dates, AllocateOptions.builder().quota(2).build());
        for (int i = 0; i < dates.size(); i += 4) {
            scheduler.approveReservations(scheduler.reserve("count@example.org", dates.get(i)));
        }
        scheduler.commit();
        Timespan month = new Timespan(first.atZone(ZURICH).toInstant(), first.plusMonths(1).atZone(ZURICH).toInstant());
        return counting(() -> {
            assertThat(new Queries(context()).availabilityByDay(month, List.of(scheduler.resource()), ZURICH))
                    .hasSize(dates.size() / perDay);
            assertThat(scheduler.availability(DateRange.of(first, first.plusMonths(1)))).isBetween(0.0, 100.0);
            scheduler.commit();
        });
    }

    /** Reservation targets and free counts over every allocation, then removing a token of one reservation each. */
    private int targetsAndRemoval(int allocations) {
        List<DateRange> dates = days(allocations);
        Scheduler scheduler = partlyReserved(dates);
        UUID token = scheduler.reserve("count@example.org", dates.stream().map(d -> DateRange.of(
                ((LocalDateTime) d.start()).plusHours(6), (LocalDateTime) d.end())).collect(Collectors.toList()),
                ReserveOptions.builder().build());
        scheduler.approveReservations(token);
        scheduler.commit();
        LocalDateTime lastHour = ((LocalDateTime) dates.get(0).end()).minusHours(1);
        return counting(() -> {
            assertThat(scheduler.reservationTargets(around(dates))).hasSize(allocations);
            Allocation first = scheduler.managedAllocations().list().stream().filter(Allocation::isMaster).findFirst()
                    .orElseThrow();
            assertThat(scheduler.freeAllocationsCount(first, DateRange.of(lastHour, lastHour.plusMinutes(30))))
                    .isEqualTo(1);
            assertThat(scheduler.removeReservation(token)).hasSize(allocations);
            scheduler.commit();
        });
    }

    /** Removing grouped allocations, then unused ones. */
    private int removal(int allocations) {
        List<DateRange> dates = days(allocations);
        Scheduler scheduler = scheduler();
        List<Allocation> grouped = scheduler.allocate(dates, AllocateOptions.builder().grouped(true).build());
        LocalDateTime later = LocalDateTime.of(2032, 7, 1, 8, 0);
        List<DateRange> singles = new ArrayList<>();
        for (int day = 0; day < allocations; day++) {
            singles.add(DateRange.of(later.plusDays(day), later.plusDays(day).plusHours(1)));
        }
        scheduler.allocate(singles, AllocateOptions.builder().build());
        scheduler.commit();
        return counting(() -> {
            assertThat(scheduler.removeAllocations(List.of(grouped.get(0).group()))).hasSize(allocations);
            assertThat(scheduler.removeUnusedAllocations(later.toLocalDate(), later.toLocalDate().plusDays(allocations)))
                    .isEqualTo(allocations);
            scheduler.commit();
        });
    }

    /** Confirming and expiring browser sessions with one reservation per allocation. */
    private int sessions(int allocations) {
        List<DateRange> dates = days(allocations);
        Scheduler scheduler = scheduler();
        scheduler.allocate(dates, AllocateOptions.builder().build());
        UUID kept = UUID.randomUUID();
        UUID expiring = UUID.randomUUID();
        for (int day = 0; day < allocations; day++) {
            scheduler.reserve("count@example.org", dates.get(day),
                    ReserveOptions.builder().sessionId(day % 2 == 0 ? kept : expiring).build());
        }
        scheduler.commit();
        Queries queries = scheduler.queries();
        return counting(() -> {
            assertThat(queries.confirmReservationsForSession(kept, null)).hasSize((allocations + 1) / 2);
            assertThat(queries.removeExpiredReservationSessions(java.time.Instant.now().plusSeconds(3_600)))
                    .contains(expiring);
            scheduler.commit();
        });
    }

    private void sameFor6And60(String what, java.util.function.IntSupplier small, java.util.function.IntSupplier large,
            int bound) {
        int few = small.getAsInt();
        int many = large.getAsInt();
        System.out.printf("statements for %s: %d (6 allocations), %d (60 allocations)%n", what, few, many);
        assertThat(many).as("statements for %s with 60 allocations vs 6; log: %s", what, log()).isEqualTo(few);
        assertThat(few).as("statements for %s", what).isLessThanOrEqualTo(bound);
    }

    @Test
    @DisplayName("searching available allocations only takes as many statements for 60 allocations as for 6")
    void searchAvailableOnlyIsSetBased() {
        SearchOptions options = SearchOptions.builder().availableOnly(true).build();
        sameFor6And60("search availableOnly", () -> searchWith(6, options), () -> searchWith(60, options), 6);
    }

    @Test
    @DisplayName("searching with minspots takes as many statements for 60 allocations as for 6")
    void searchMinspotsIsSetBased() {
        SearchOptions options = SearchOptions.builder().minspots(1).build();
        sameFor6And60("search minspots", () -> searchWith(6, options), () -> searchWith(60, options), 6);
    }

    @Test
    @DisplayName("searching grouped allocations takes as many statements for 60 allocations as for 6")
    void searchGroupsIsSetBased() {
        sameFor6And60("search groups", () -> searchGrouped(6), () -> searchGrouped(60), 6);
    }

    private int searchGrouped(int allocations) {
        List<DateRange> dates = days(allocations);
        Scheduler scheduler = scheduler();
        scheduler.allocate(dates, AllocateOptions.builder().grouped(true).build());
        scheduler.commit();
        DateRange firstDay = DateRange.of((LocalDateTime) dates.get(0).start(), (LocalDateTime) dates.get(0).end());
        return counting(() -> {
            assertThat(scheduler.searchAllocations(firstDay)).hasSize(allocations);
            assertThat(scheduler.searchAllocations(around(dates))).hasSize(allocations);
            scheduler.commit();
        });
    }

    @Test
    @DisplayName("reserving 60 allocations with a quota of two and approving takes as many statements as 6")
    void reserveAndApproveQuotaIsSetBased() {
        sameFor6And60("reserve + approve, quota 2", () -> reserveAndApproveQuota(6), () -> reserveAndApproveQuota(60),
                12);
    }

    @Test
    @DisplayName("the availability by day of a month takes as many statements for 60 allocations as for 6")
    void availabilityByDayIsSetBased() {
        sameFor6And60("availability by day of a month", () -> availabilityByDay(6), () -> availabilityByDay(60), 10);
    }

    @Test
    @DisplayName("reservation targets, free counts and removing a reservation take as many statements for 60 allocations as for 6")
    void targetsAndRemovalAreSetBased() {
        sameFor6And60("targets + free count + remove reservation", () -> targetsAndRemoval(6),
                () -> targetsAndRemoval(60), 15);
    }

    @Test
    @DisplayName("removing allocations by group and unused ones takes as many statements for 60 allocations as for 6")
    void removalIsSetBased() {
        sameFor6And60("remove allocations + remove unused", () -> removal(6), () -> removal(60), 15);
    }

    @Test
    @DisplayName("confirming and expiring sessions takes as many statements for 60 reservations as for 6")
    void sessionsAreSetBased() {
        sameFor6And60("confirm + expire sessions", () -> sessions(6), () -> sessions(60), 15);
    }

    /** Lowering the quota of an allocation whose master is free and every mirror reserved: every mirror shifts down. */
    private int changeQuota(int quota) {
        Scheduler scheduler = scheduler();
        DateRange dates = DateRange.of(LocalDateTime.of(2031, 8, 1, 10, 0), LocalDateTime.of(2031, 8, 1, 11, 0));
        Allocation master = scheduler.allocate(dates, AllocateOptions.builder().quota(quota).build()).get(0);
        List<UUID> tokens = new ArrayList<>();
        for (int i = 0; i < quota; i++) {
            UUID token = scheduler.reserve("count@example.org", dates);
            scheduler.approveReservations(token);
            tokens.add(token);
        }
        scheduler.removeReservation(tokens.get(0));
        scheduler.commit();
        return counting(() -> {
            Allocation changed = scheduler.changeQuota(master, quota - 1);
            assertThat(changed.quota()).isEqualTo(quota - 1);
            assertThat(scheduler.freeAllocationsCount(changed, dates)).isZero();
            assertThat(scheduler.managedReservedSlots().count()).isEqualTo(quota - 1L);
            scheduler.commit();
        });
    }

    /** Blocking every allocation (quota 2, so every mirror is stored on the way), then a group. */
    private int blockers(int allocations) {
        List<DateRange> dates = days(allocations);
        Scheduler scheduler = scheduler();
        scheduler.allocate(dates, AllocateOptions.builder().partlyAvailable(true).raster(30).quota(2).build());
        LocalDateTime later = LocalDateTime.of(2032, 7, 1, 8, 0);
        List<DateRange> groupDates = new ArrayList<>();
        for (int day = 0; day < allocations; day++) {
            groupDates.add(DateRange.of(later.plusDays(day), later.plusDays(day).plusHours(1)));
        }
        UUID group = scheduler.allocate(groupDates, AllocateOptions.builder().grouped(true).quota(2).build()).get(0).group();
        scheduler.commit();
        return counting(() -> {
            assertThat(scheduler.addBlocker(dates.stream().map(d -> DateRange.of((LocalDateTime) d.start(),
                    ((LocalDateTime) d.start()).plusHours(1))).collect(Collectors.toList()), "repairs")).hasSize(allocations);
            assertThat(scheduler.addGroupBlocker(group, "cleaning")).hasSize(1);
            assertThat(scheduler.managedReservedSlots().count()).isEqualTo(2L * 2 * allocations + 2L * allocations);
            scheduler.commit();
        });
    }

    @Test
    @DisplayName("lowering a quota moves 59 mirrors in as many statements as 5")
    void changeQuotaIsSetBased() {
        sameFor6And60("change quota (6 vs 60 spots)", () -> changeQuota(6), () -> changeQuota(60), 15);
    }

    @Test
    @DisplayName("blocking 60 allocations and a group of 60 takes as many statements as 6")
    void blockersAreSetBased() {
        sameFor6And60("add blocker + add group blocker", () -> blockers(6), () -> blockers(60), 25);
    }
}
