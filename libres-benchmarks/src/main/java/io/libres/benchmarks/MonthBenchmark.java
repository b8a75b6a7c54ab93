package io.libres.benchmarks;

import io.libres.db.AllocateOptions;
import io.libres.db.DayAvailability;
import io.libres.db.Queries;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.db.SearchHit;
import io.libres.db.SearchOptions;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Reading a month of a course room: 30 days of 10 hourly allocations (08:00 to 18:00) with a quota
 * of 4, of which 0 to 4 spots are booked in a repeating pattern (a fifth of them full). Each read
 * runs in a unit of work of its own, rolled back afterwards, as a web request would.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class MonthBenchmark {

    static final LocalDate FIRST_DAY = LocalDate.of(2030, 6, 1);
    static final int DAYS = 30;
    static final int FIRST_HOUR = 8;
    static final int ALLOCATIONS_PER_DAY = 10;
    static final int QUOTA = 4;

    /** The storage: {@code memory}, {@code postgresql} (through JDBI) or {@code jooq}. */
    @Param({"memory", "postgresql", "jooq"})
    public String storage;

    Backend backend;
    Scheduler room;
    Queries queries;
    DateRange month;
    Timespan monthSpan;
    SearchOptions availableOnly;
    SearchOptions availableWithTwoSpots;

    /** Allocates and books the month on a fresh storage. */
    @Setup(Level.Trial)
    public void open() {
        backend = Backend.open(StorageKind.named(storage), "month");
        room = backend.scheduler("course-room");
        queries = new Queries(backend.context());
        LocalDate lastDay = FIRST_DAY.plusDays(DAYS - 1L);
        int lastHour = FIRST_HOUR + ALLOCATIONS_PER_DAY;
        month = DateRange.of(FIRST_DAY.atTime(FIRST_HOUR, 0), lastDay.atTime(lastHour, 0));
        monthSpan = DateRange.of(FIRST_DAY.atStartOfDay(), lastDay.plusDays(1).atStartOfDay()).resolve(Backend.ZONE);
        availableOnly = SearchOptions.builder().availableOnly(true).build();
        availableWithTwoSpots = SearchOptions.builder().availableOnly(true).minspots(2).build();

        List<DateRange> hours = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            for (int hour = FIRST_HOUR; hour < lastHour; hour++) {
                hours.add(hourOf(day, hour));
            }
        }
        backend.transaction(() -> room.allocate(hours, AllocateOptions.builder().quota(QUOTA).build()));
        for (int day = 0; day < DAYS; day++) {
            int thisDay = day;
            backend.transaction(() -> {
                for (int hour = FIRST_HOUR; hour < lastHour; hour++) {
                    int booked = (thisDay + hour) % (QUOTA + 1);
                    if (booked > 0) {
                        UUID token = room.reserve("student@example.org", hourOf(thisDay, hour),
                                ReserveOptions.builder().quota(booked).build());
                        room.approveReservations(token);
                    }
                }
                return null;
            });
        }
        backend.analyze();
    }

    private static DateRange hourOf(int day, int hour) {
        LocalDate date = FIRST_DAY.plusDays(day);
        return DateRange.of(date.atTime(hour, 0), date.atTime(hour + 1, 0));
    }

    /** Drops the storage. */
    @TearDown(Level.Trial)
    public void close() {
        backend.close();
    }

    /**
     * Searches every allocation of the month between 08:00 and 18:00.
     *
     * @return the hits
     */
    @Benchmark
    public List<SearchHit> searchAllocations() {
        return read(() -> room.searchAllocations(month));
    }

    /**
     * Searches the allocations of the month with a free spot.
     *
     * @return the hits
     */
    @Benchmark
    public List<SearchHit> searchAllocationsAvailableOnly() {
        return read(() -> room.searchAllocations(month, availableOnly));
    }

    /**
     * Searches the allocations of the month with at least two free spots.
     *
     * @return the hits
     */
    @Benchmark
    public List<SearchHit> searchAllocationsMinspotsTwo() {
        return read(() -> room.searchAllocations(month, availableWithTwoSpots));
    }

    /**
     * The availability of the room over the month.
     *
     * @return 0 to 100
     */
    @Benchmark
    public double availability() {
        return read(() -> room.availability(month));
    }

    /**
     * The availability of each day of the month.
     *
     * @return the days with allocations
     */
    @Benchmark
    public Map<LocalDate, DayAvailability> availabilityByDay() {
        return read(() -> queries.availabilityByDay(monthSpan, List.of(room.resource()), Backend.ZONE));
    }

    private <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } finally {
            room.rollback();
        }
    }
}
