package io.libres.benchmarks;

import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.db.Session;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.SerializationFailure;
import io.libres.time.DateRange;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * W5 of issue 13: 8 threads, each its own unit of work, race to reserve and approve one spot of
 * one allocation of quota 50, quota limit 1: 400 attempts in all, each with the library's retry
 * helper ({@code Session.transaction(work)}, its default policy). Exactly 50 must succeed (else
 * the invocation fails); every invocation prints the conflicts retried and the attempts that gave
 * up. PostgreSQL only ({@code storage} = {@code postgresql} for JDBI, {@code jooq}): the
 * in-memory storage has one writer at a time.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class W5RaceBenchmark {

    static final int THREADS = 8;
    static final int ATTEMPTS = 400;
    static final int QUOTA = 50;

    /** The adapter: {@code postgresql} (JDBI) or {@code jooq}. */
    @Param({"postgresql", "jooq"})
    public String storage;

    Backend backend;
    ExecutorService threads;
    Scheduler scheduler;
    DateRange hour;
    int run;

    /** Opens a fresh PostgreSQL database and the 8 threads. */
    @Setup(Level.Trial)
    public void open() {
        backend = Backend.open(StorageKind.named(storage), "w5");
        threads = Executors.newFixedThreadPool(THREADS);
        hour = DateRange.of(LocalDateTime.of(2030, 1, 1, 8, 0), LocalDateTime.of(2030, 1, 1, 9, 0));
    }

    /** A fresh allocation of quota 50 per iteration. */
    @Setup(Level.Iteration)
    public void allocate() {
        scheduler = backend.scheduler("w5-" + ++run);
        scheduler.allocate(hour, AllocateOptions.builder().quota(QUOTA).quotaLimit(1).build());
        scheduler.commit();
    }

    /** Stops the threads and drops the database. */
    @TearDown(Level.Trial)
    public void close() {
        threads.shutdownNow();
        backend.close();
    }

    /**
     * Races the 400 attempts.
     *
     * @return the reservations that succeeded
     * @throws Exception if an attempt fails otherwise than by a full allocation or giving up
     */
    @Benchmark
    public int race() throws Exception {
        Session session = Session.of(backend.context());
        AtomicInteger tries = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger full = new AtomicInteger();
        AtomicInteger gaveUp = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            done.add(threads.submit(() -> {
                try {
                    session.transaction(() -> {
                        tries.incrementAndGet();
                        UUID token = scheduler.reserve(Workloads.EMAIL, hour);
                        return scheduler.approveReservations(token);
                    });
                    succeeded.incrementAndGet();
                } catch (AlreadyReservedError taken) {
                    full.incrementAndGet();
                } catch (SerializationFailure conflict) {
                    gaveUp.incrementAndGet();
                }
            }));
        }
        for (Future<?> attempt : done) {
            try {
                attempt.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
            }
        }
        System.out.println("W5: " + succeeded + " succeeded, " + full + " found it full, " + gaveUp
                + " gave up, " + (tries.get() - ATTEMPTS) + " conflicts retried");
        if (succeeded.get() != QUOTA && gaveUp.get() == 0) {
            throw new IllegalStateException("W5: " + succeeded + " reservations succeeded; expected " + QUOTA);
        }
        return succeeded.get();
    }
}
