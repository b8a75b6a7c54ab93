package io.libres.benchmarks;

import io.libres.db.DayAvailability;
import io.libres.db.Queries;
import io.libres.db.Scheduler;
import io.libres.db.SearchHit;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

/**
 * W6 of issue 13: {@link Workloads#pattern the W4 pattern} over 100,000 allocations on one
 * resource (2030 to 2049) and over 5,000 on another; W4's year search on each, W4's search over
 * the whole 20-year window, and a month's {@code availabilityByDay} on the large resource. Time
 * must grow with the answer, not with the table: the year search costs the same on both. Result
 * counts are printed once per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class W6LargeWindowBenchmark {

    /** The 20 years the 100,000 allocations lie in. */
    static final DateRange TWENTY_YEARS = DateRange.of(LocalDateTime.of(2030, 1, 1, 0, 0),
            LocalDateTime.of(2049, 12, 31, 23, 59, 59));

    /** The storage: {@code memory}, {@code postgresql} (JDBI) or {@code jooq}. */
    @Param({"memory", "postgresql", "jooq"})
    public String storage;

    Backend backend;
    Scheduler large;
    Scheduler small;
    Queries queries;
    Timespan month;

    /** Allocates and books both resources. */
    @Setup(Level.Trial)
    public void open() {
        backend = Backend.open(StorageKind.named(storage), "w6");
        large = backend.scheduler("w6-large");
        small = backend.scheduler("w6-small");
        queries = new Queries(backend.context());
        month = DateRange.of(LocalDate.of(2035, 3, 1).atStartOfDay(), LocalDate.of(2035, 4, 1).atStartOfDay())
                .resolve(Backend.ZONE);
        Workloads.pattern(backend, large, 100_000);
        Workloads.pattern(backend, small, 5_000);
        backend.analyze();
        System.out.println("W6 (" + storage + "): year search finds " + searchYearOnLarge().size() + " on 100,000 and "
                + searchYearOnSmall().size() + " on 5,000; the 20-year search " + searchTwentyYears().size()
                + "; the month has " + monthAvailabilityByDay().size() + " days");
    }

    /** Drops the storage. */
    @TearDown(Level.Trial)
    public void close() {
        backend.close();
    }

    /**
     * W4's year search on the 100,000 allocations.
     *
     * @return the hits
     */
    @Benchmark
    public List<SearchHit> searchYearOnLarge() {
        return search(large, W4SearchYearBenchmark.YEAR);
    }

    /**
     * W4's year search on the 5,000 allocations.
     *
     * @return the hits
     */
    @Benchmark
    public List<SearchHit> searchYearOnSmall() {
        return search(small, W4SearchYearBenchmark.YEAR);
    }

    /**
     * W4's search over the 20 years of the 100,000 allocations.
     *
     * @return the hits
     */
    @Benchmark
    public List<SearchHit> searchTwentyYears() {
        return search(large, TWENTY_YEARS);
    }

    /**
     * The availability of each day of a month (March 2035) of the 100,000 allocations.
     *
     * @return the days with allocations
     */
    @Benchmark
    public Map<LocalDate, DayAvailability> monthAvailabilityByDay() {
        try {
            return queries.availabilityByDay(month, List.of(large.resource()), Backend.ZONE);
        } finally {
            large.rollback();
        }
    }

    private static List<SearchHit> search(Scheduler scheduler, DateRange range) {
        try {
            return scheduler.searchAllocations(range, W4SearchYearBenchmark.OPTIONS);
        } finally {
            scheduler.rollback();
        }
    }
}
