package io.libres.testkit.kit;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.db.Session;
import io.libres.db.Work;
import io.libres.errors.ConnectionPoolExhausted;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.time.DateRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Units of work give their connection back: reads outside a unit of work hold none past the call,
 * scopes hold one only while open, and work forgotten on a pooled thread is rolled back (freeing
 * its connection) when that thread's next scope begins. Runs on a storage whose pool is smaller
 * than the number of threads ({@link SchedulerBehaviourKit#newStorageWithConnections}).
 */
public abstract class ConnectionReleaseBehaviour extends Behaviour {

    /** The pool's size. */
    static final int CONNECTIONS = 4;

    /** The threads, four times the pool. */
    static final int READERS = 16;

    /** The rounds of reads of each thread. */
    static final int ROUNDS = 25;

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionReleaseBehaviour.class);

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected ConnectionReleaseBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    /** A scheduler of a context of its own on the storage with a small pool; its records go after the test. */
    private Scheduler limitedScheduler() {
        Storage limited = fixture().storageWithConnections(CONNECTIONS);
        Context context = Registry.createDefault().registerContext("limited-" + UUID.randomUUID());
        context.setService(StoragePorts.STORAGE.key(), ctx -> limited, true);
        return new Scheduler(context, "limited-" + UUID.randomUUID(), KitFixture.ZURICH);
    }

    private static void cleanUp(Scheduler scheduler) {
        scheduler.transaction(scheduler::extinguishManagedRecords);
    }

    private static DateRange hour(int day, int hour) {
        return range(at(2015, 6, day, hour), at(2015, 6, day, hour + 1));
    }

    private static <T> List<T> inThreads(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("16 threads that only read, on a pool of 4, never exhaust it and keep no unit of work open")
    void readersNeverExhaustThePool() throws Exception {
        Scheduler scheduler = limitedScheduler();
        try {
            UUID token = scheduler.transaction(() -> {
                scheduler.allocate(List.of(hour(1, 8), hour(2, 8), hour(3, 8)),
                        AllocateOptions.builder().quota(2).build());
                return scheduler.reserve("reader@example.org", hour(1, 8));
            });
            CyclicBarrier start = new CyclicBarrier(READERS);
            List<Callable<Integer>> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                readers.add(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    int reads = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        assertThat(scheduler.managedAllocations().list()).hasSize(3);
                        assertThat(scheduler.reservationsByToken(token).count()).isEqualTo(1);
                        assertThat(scheduler.searchAllocations(range(at(2015, 6, 1, 7), at(2015, 6, 3, 10))))
                                .hasSize(3);
                        assertThat(scheduler.availability()).isEqualTo(100.0);
                        reads += 4;
                    }
                    assertThat(Session.of(scheduler.context()).inUnitOfWork()).isFalse();
                    return reads;
                });
            }
            List<Integer> reads = inThreads(READERS, readers);
            int total = reads.stream().mapToInt(Integer::intValue).sum();
            LOG.info("connection release: {} threads made {} reads on a pool of {} connections, none failed",
                    READERS, total, CONNECTIONS);
            assertThat(total).isEqualTo(READERS * ROUNDS * 4);
        } finally {
            cleanUp(scheduler);
        }
    }

    @Test
    @DisplayName("units of work held open beyond the pool's size fail with ConnectionPoolExhausted, naming the pool")
    void heldUnitsOfWorkExhaustThePool() throws Exception {
        Scheduler scheduler = limitedScheduler();
        CountDownLatch held = new CountDownLatch(CONNECTIONS);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService holders = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                holders.submit(() -> {
                    try (Work work = scheduler.begin()) {
                        scheduler.managedAllocations().count();
                        held.countDown();
                        done.await(60, TimeUnit.SECONDS);
                    }
                    return null;
                });
            }
            assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();
            Throwable failure = inThreads(1, List.<Callable<Throwable>>of(() -> {
                try {
                    scheduler.managedAllocations().count();
                    return null;
                } catch (ConnectionPoolExhausted e) {
                    return e;
                }
            })).get(0);
            assertThat(failure).isInstanceOf(ConnectionPoolExhausted.class)
                    .hasMessageContaining("refused nothing").hasMessageContaining("end units of work sooner");
        } finally {
            done.countDown();
            holders.shutdown();
            assertThat(holders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(scheduler.managedAllocations().count()).isZero();
    }

    @Test
    @DisplayName("work forgotten on each pooled thread is rolled back at its next scope, which then gets a connection")
    void forgottenWorkFreesItsConnection() throws Exception {
        Scheduler scheduler = limitedScheduler();
        Session session = Session.of(scheduler.context());
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            CyclicBarrier all = new CyclicBarrier(CONNECTIONS);
            List<Future<?>> forgetting = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                int day = i + 1;
                forgetting.add(pool.submit(() -> {
                    all.await(30, TimeUnit.SECONDS);
                    // a libres-style write that the task never commits: its connection stays checked out
                    scheduler.allocate(hour(day, 8));
                    all.await(30, TimeUnit.SECONDS);
                    return null;
                }));
            }
            for (Future<?> task : forgetting) {
                task.get(60, TimeUnit.SECONDS);
            }
            List<Future<Integer>> next = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                int day = i + 1;
                next.add(pool.submit(() -> {
                    all.await(30, TimeUnit.SECONDS);
                    return scheduler.transaction(() -> scheduler.allocate(hour(day, 12)).size());
                }));
            }
            for (Future<Integer> task : next) {
                assertThat(task.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        try {
            assertThat(session.abandonedUnitsOfWork()).isEqualTo(CONNECTIONS);
            assertThat(scheduler.managedAllocations().list()).hasSize(CONNECTIONS)
                    .allSatisfy(a -> assertThat(a.start().atZone(KitFixture.ZURICH).getHour()).isEqualTo(12));
        } finally {
            cleanUp(scheduler);
        }
    }
}
