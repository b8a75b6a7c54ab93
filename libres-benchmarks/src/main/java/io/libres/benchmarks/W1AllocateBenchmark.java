package io.libres.benchmarks;

import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.time.DateRange;
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
 * W1 of issue 13: 2,000 separate one-hour allocations (consecutive hours from 2030-01-01 08:00),
 * quota 1, in one {@code allocate} call, then commit. One macro operation: single-shot time, each
 * iteration on a scheduler (a resource) of its own.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class W1AllocateBenchmark {

    /** The storage: {@code memory}, {@code postgresql} (JDBI) or {@code jooq}. */
    @Param({"memory", "postgresql", "jooq"})
    public String storage;

    Backend backend;
    Scheduler scheduler;
    List<DateRange> hours;
    int run;

    /** Opens a fresh storage. */
    @Setup(Level.Trial)
    public void open() {
        backend = Backend.open(StorageKind.named(storage), "w1");
        hours = Workloads.hours(2_000, Workloads.FIRST_HOUR);
    }

    /** A fresh scheduler per iteration, so every allocation call finds an empty resource. */
    @Setup(Level.Iteration)
    public void freshScheduler() {
        scheduler = backend.scheduler("w1-" + ++run);
    }

    /** Drops the storage. */
    @TearDown(Level.Trial)
    public void close() {
        backend.close();
    }

    /**
     * Allocates the 2,000 hours and commits.
     *
     * @return the number of allocations made
     */
    @Benchmark
    public int allocate2000AndCommit() {
        int made = scheduler.allocate(hours, AllocateOptions.builder().build()).size();
        scheduler.commit();
        return made;
    }
}
