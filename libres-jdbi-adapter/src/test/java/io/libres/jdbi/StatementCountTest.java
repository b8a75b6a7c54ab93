package io.libres.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.Queries;
import io.libres.db.Scheduler;
import io.libres.db.SearchHit;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import io.libres.testkit.postgres.WithPostgres;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Counts the statements the adapter sends, so that a query per row (N+1) fails the build: the
 * count must not grow with the number of slots or allocations involved.
 */
@WithPostgres
@DisplayName("statements sent to PostgreSQL")
class StatementCountTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    DataSource dataSource;

    private final AtomicInteger statements = new AtomicInteger();
    private final List<String> log = new ArrayList<>();
    private Context context;

    @BeforeEach
    void setUp() {
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext ctx) {
                count(ctx);
            }

            @Override
            public void logException(StatementContext ctx, SQLException ex) {
                count(ctx);
            }
        });
        context = Registry.createDefault().registerContext("count-" + UUID.randomUUID());
        JdbiStorage.using(jdbi).install(context).setupDatabase();
    }

    private synchronized void count(StatementContext ctx) {
        statements.incrementAndGet();
        log.add(ctx.getRenderedSql());
    }

    private int counting(Runnable work) {
        statements.set(0);
        synchronized (this) {
            log.clear();
        }
        work.run();
        return statements.get();
    }

    private Scheduler scheduler() {
        return new Scheduler(context, "count-" + UUID.randomUUID(), ZURICH);
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
            assertThat(new Queries(context).availabilityByDay(new Timespan(first.atZone(ZURICH).toInstant()
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

        assertThat(large).as("statements for 64 slots vs 8 slots; log: %s", log(() -> log)).isEqualTo(small);
        assertThat(small).isLessThanOrEqualTo(30);
    }

    @Test
    @DisplayName("searching 60 allocations and their availability by range and by day takes as many statements as for 6")
    void searchIsSetBased() {
        int small = search(6);
        int large = search(60);

        assertThat(large).as("statements for 60 allocations vs 6; log: %s", log(() -> log)).isEqualTo(small);
        assertThat(small).isLessThanOrEqualTo(30);
    }

    private synchronized String log(Supplier<List<String>> lines) {
        return String.join("\n", lines.get());
    }
}
