package io.libres.benchmarks;

import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.time.DateRange;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * W2 of issue 13: 1,000 one-hour allocations; for each, one after the other: reserve, approve,
 * commit. The score is per reservation (the 1,000 of an iteration divided out); every iteration
 * allocates its 1,000 hours on a scheduler of its own, outside the measured time.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class W2ReserveBenchmark {

    static final int RESERVATIONS = 1_000;

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
        backend = Backend.open(StorageKind.named(storage), "w2");
        hours = Workloads.hours(RESERVATIONS, Workloads.FIRST_HOUR);
    }

    /** Allocates the hours on a fresh scheduler. */
    @Setup(Level.Iteration)
    public void allocate() {
        scheduler = backend.scheduler("w2-" + ++run);
        scheduler.allocate(hours, AllocateOptions.builder().build());
        scheduler.commit();
    }

    /** Drops the storage. */
    @TearDown(Level.Trial)
    public void close() {
        backend.close();
    }

    /**
     * Reserves, approves and commits each hour, one after the other.
     *
     * @return the number of slots written
     */
    @Benchmark
    @OperationsPerInvocation(RESERVATIONS)
    public int reserveApproveCommit() {
        int slots = 0;
        for (DateRange hour : hours) {
            UUID token = scheduler.reserve(Workloads.EMAIL, hour);
            slots += scheduler.approveReservations(token).size();
            scheduler.commit();
        }
        return slots;
    }
}
