package io.libres.benchmarks;

import io.libres.db.AllocateOptions;
import io.libres.db.Queries;
import io.libres.db.Scheduler;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
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
 * W3 of issue 13: one allocation 08:00-20:00, partly available on a 15-minute raster, whose 48
 * quarter hours were reserved, approved and committed one by one; then the availability of that
 * day, per call. {@code *PerRequest} calls run in a unit of work of their own, rolled back after
 * (what a web request pays, BEGIN and ROLLBACK included); {@code *InOpenUnitOfWork} calls share one
 * open unit of work (the query alone).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class W3AvailabilityBenchmark {

    static final LocalDate DAY = LocalDate.of(2030, 1, 7);

    /** The storage: {@code memory}, {@code postgresql} (JDBI) or {@code jooq}. */
    @Param({"memory", "postgresql", "jooq"})
    public String storage;

    Backend backend;
    Scheduler room;
    Queries queries;
    DateRange day;
    Timespan daySpan;
    List<UUID> resources;

    /** Allocates the day and books its 48 quarter hours one by one. */
    @Setup(Level.Trial)
    public void open() {
        backend = Backend.open(StorageKind.named(storage), "w3");
        room = backend.scheduler("w3-room");
        queries = new Queries(backend.context());
        day = DateRange.of(DAY.atTime(8, 0), DAY.atTime(20, 0));
        daySpan = DateRange.of(DAY.atStartOfDay(), DAY.plusDays(1).atStartOfDay()).resolve(Backend.ZONE);
        resources = List.of(room.resource());
        room.allocate(day, AllocateOptions.builder().partlyAvailable(true).raster(15).build());
        room.commit();
        for (int quarter = 0; quarter < 48; quarter++) {
            LocalDateTime start = DAY.atTime(8, 0).plusMinutes(15L * quarter);
            UUID token = room.reserve(Workloads.EMAIL, DateRange.of(start, start.plusMinutes(15)));
            room.approveReservations(token);
            room.commit();
        }
        if (room.availability(day) != 0.0) {
            throw new IllegalStateException("W3: the day should be fully booked, is " + room.availability(day) + " % free");
        }
        room.rollback();
        backend.analyze();
    }

    /** Ends the open unit of work of the last iteration. */
    @TearDown(Level.Iteration)
    public void endUnitOfWork() {
        room.rollback();
    }

    /** Drops the storage. */
    @TearDown(Level.Trial)
    public void close() {
        backend.close();
    }

    /**
     * {@code Scheduler.availability(day)} in a unit of work of its own.
     *
     * @return 0 to 100
     */
    @Benchmark
    public double availabilityPerRequest() {
        try {
            return room.availability(day);
        } finally {
            room.rollback();
        }
    }

    /**
     * {@code Queries.availabilityByRange(day)} in a unit of work of its own.
     *
     * @return 0 to 100
     */
    @Benchmark
    public double availabilityByRangePerRequest() {
        try {
            return queries.availabilityByRange(daySpan, resources);
        } finally {
            room.rollback();
        }
    }

    /**
     * {@code Scheduler.availability(day)} in the iteration's open unit of work.
     *
     * @return 0 to 100
     */
    @Benchmark
    public double availabilityInOpenUnitOfWork() {
        return room.availability(day);
    }

    /**
     * {@code Queries.availabilityByRange(day)} in the iteration's open unit of work.
     *
     * @return 0 to 100
     */
    @Benchmark
    public double availabilityByRangeInOpenUnitOfWork() {
        return queries.availabilityByRange(daySpan, resources);
    }
}
