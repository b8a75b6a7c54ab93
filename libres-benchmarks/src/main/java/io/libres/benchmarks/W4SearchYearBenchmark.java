package io.libres.benchmarks;

import io.libres.db.Scheduler;
import io.libres.db.SearchHit;
import io.libres.db.SearchOptions;
import io.libres.time.DateRange;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
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
 * W4 of issue 13: 5,000 one-hour allocations of {@link Workloads#pattern the pattern}, then
 * {@code searchAllocations} from 2030-01-01 00:00 to 2030-12-31 23:59:59, Monday and Wednesday,
 * minspots 1, available only; per call, each in a unit of work of its own. The result count is
 * printed once per trial (libres 1.2 and this port must find the same).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class W4SearchYearBenchmark {

    /** W4's year. */
    static final DateRange YEAR = DateRange.of(LocalDateTime.of(2030, 1, 1, 0, 0),
            LocalDateTime.of(2030, 12, 31, 23, 59, 59));
    /** W4's filters. */
    static final SearchOptions OPTIONS = SearchOptions.builder().days(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)
            .minspots(1).availableOnly(true).build();

    /** The storage: {@code memory}, {@code postgresql} (JDBI) or {@code jooq}. */
    @Param({"memory", "postgresql", "jooq"})
    public String storage;

    Backend backend;
    Scheduler scheduler;

    /** Allocates and books the 5,000 allocations. */
    @Setup(Level.Trial)
    public void open() {
        backend = Backend.open(StorageKind.named(storage), "w4");
        scheduler = backend.scheduler("w4");
        Workloads.pattern(backend, scheduler, 5_000);
        backend.analyze();
        System.out.println("W4 (" + storage + "): the year search finds " + searchYear().size() + " allocations");
    }

    /** Drops the storage. */
    @TearDown(Level.Trial)
    public void close() {
        backend.close();
    }

    /**
     * Searches the year.
     *
     * @return the hits
     */
    @Benchmark
    public List<SearchHit> searchYear() {
        try {
            return scheduler.searchAllocations(YEAR, OPTIONS);
        } finally {
            scheduler.rollback();
        }
    }
}
