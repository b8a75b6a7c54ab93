package io.libres.testkit.kit;

import io.libres.errors.InvalidReservationError;
import io.libres.errors.AffectedPendingReservationError;
import io.libres.errors.OverlappingAllocationError;
import io.libres.spi.UnitOfWork;
import io.libres.db.Session;
import io.libres.db.Work;
import io.libres.db.AllocateOptions;
import io.libres.db.MoveOptions;
import io.libres.db.RetryPolicy;
import io.libres.db.models.Allocation;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.SerializationFailure;
import io.libres.time.DateRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Units of work of concurrent threads: SERIALIZABLE, never a double booking. Each racing thread
 * reads first in its unit of work, waits for the other to have read too, then writes and commits, so the threads
 * overlap on every storage (a SQL storage blocks the second writer until the first commits).
 */
public abstract class ConcurrencyBehaviour extends Behaviour {

    private static final int THREADS = 2;

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected ConcurrencyBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    /** What one thread did. */
    private enum Outcome { COMMITTED, CONFLICTED }

    private static <T> List<T> inThreads(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Outcome> race(Runnable read, Runnable write) throws Exception {
        CyclicBarrier bothRead = new CyclicBarrier(THREADS);
        List<Callable<Outcome>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tasks.add(() -> {
                // the read belongs to the unit of work that writes: a scope holds both
                try (Work work = scheduler().begin()) {
                    read.run();
                    bothRead.await(30, TimeUnit.SECONDS);
                    write.run();
                    work.commit();
                    return Outcome.COMMITTED;
                } catch (SerializationFailure | AlreadyReservedError e) {
                    return Outcome.CONFLICTED;
                }
            });
        }
        return inThreads(tasks);
    }

    @Test
    @DisplayName("two threads reserving the last spot: exactly one gets it")
    void lastSpot() throws Exception {
        DateRange dates = range(at(2014, 11, 27, 12), at(2014, 11, 27, 13));
        scheduler().allocate(dates);
        scheduler().commit();
        List<Outcome> outcomes = race(() -> scheduler().reservationTargets(dates),
                () -> scheduler().approveReservations(scheduler().reserve("racer@example.org", dates)));
        assertThat(outcomes).containsExactlyInAnyOrder(Outcome.COMMITTED, Outcome.CONFLICTED);
        assertThat(scheduler().managedReservedSlots().count()).isEqualTo(1);
        assertThat(scheduler().managedReservations().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("two threads changing one allocation: one of them is rolled back")
    void collision() throws Exception {
        Allocation allocation = scheduler().allocate(range(at(2014, 11, 27, 12), at(2014, 11, 27, 13))).get(0);
        scheduler().commit();
        List<Outcome> outcomes = race(() -> scheduler().allocationById(allocation.requireId()),
                () -> scheduler().moveAllocation(allocation.requireId(), MoveOptions.builder().group(UUID.randomUUID()).build()));
        assertThat(outcomes).containsExactlyInAnyOrder(Outcome.COMMITTED, Outcome.CONFLICTED);
    }

    @Test
    @DisplayName("a reader does not collide with a writer")
    void readerAndWriter() throws Exception {
        Allocation allocation = scheduler().allocate(range(at(2014, 11, 27, 12), at(2014, 11, 27, 13)),
                AllocateOptions.builder().quota(2).build()).get(0);
        scheduler().commit();
        CyclicBarrier bothRead = new CyclicBarrier(2);
        Callable<Boolean> writer = () -> {
            scheduler().allocationById(allocation.requireId());
            bothRead.await(30, TimeUnit.SECONDS);
            scheduler().moveAllocation(allocation.requireId(), MoveOptions.builder().group(UUID.randomUUID()).build());
            scheduler().commit();
            return true;
        };
        Callable<Boolean> reader = () -> {
            scheduler().allocationById(allocation.requireId());
            bothRead.await(30, TimeUnit.SECONDS);
            scheduler().rollback();
            return true;
        };
        assertThat(inThreads(List.of(writer, reader))).containsExactly(true, true);
        assertThat(scheduler().allocationById(allocation.requireId()).group()).isNotEqualTo(allocation.group());
    }

    @Test
    @DisplayName("a transaction that conflicts is run again and then succeeds while spots are left")
    void transactionRetries() throws Exception {
        DateRange dates = range(at(2014, 11, 27, 12), at(2014, 11, 27, 13));
        scheduler().allocate(dates, AllocateOptions.builder().quota(2).build());
        scheduler().commit();
        CyclicBarrier bothRead = new CyclicBarrier(THREADS);
        AtomicInteger attempts = new AtomicInteger();
        List<Callable<UUID>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tasks.add(() -> {
                AtomicInteger mine = new AtomicInteger();
                return scheduler().transaction(() -> {
                    attempts.incrementAndGet();
                    scheduler().reservationTargets(dates);
                    if (mine.incrementAndGet() == 1) {
                        await(bothRead);
                    }
                    UUID token = scheduler().reserve("racer@example.org", dates);
                    scheduler().approveReservations(token);
                    return token;
                });
            });
        }
        List<UUID> tokens = inThreads(tasks);
        assertThat(tokens).doesNotHaveDuplicates().hasSize(2);
        assertThat(attempts.get()).isGreaterThanOrEqualTo(THREADS);
        assertThat(scheduler().managedReservedSlots().count()).isEqualTo(2);
    }

    @Test
    @DisplayName("a transaction does not retry what is not retryable, and rolls it back")
    void transactionGivesUp() {
        DateRange dates = range(at(2014, 11, 27, 12), at(2014, 11, 27, 13));
        scheduler().allocate(dates);
        scheduler().approveReservations(scheduler().reserve("first@example.org", dates));
        scheduler().commit();
        AtomicInteger attempts = new AtomicInteger();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scheduler().transaction(() -> {
            attempts.incrementAndGet();
            scheduler().allocate(range(at(2014, 11, 28, 12), at(2014, 11, 28, 13)));
            return scheduler().reserve("second@example.org", dates);
        })).isInstanceOf(AlreadyReservedError.class);
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(scheduler().managedAllocations().count()).isEqualTo(1);
        assertThat(RetryPolicy.immediate(3).maxAttempts()).isEqualTo(3);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other thread did not arrive", e);
        }
    }

    @Test
    @DisplayName("each thread has its own unit of work: what one thread has not committed another does not see")
    void unitOfWorkPerThread() throws Exception {
        UnitOfWork mine = Session.of(context()).current();
        scheduler().allocate(range(at(2014, 11, 28, 12), at(2014, 11, 28, 13)));
        CyclicBarrier written = new CyclicBarrier(2);
        Callable<Long> other = () -> {
            try {
                assertThat(Session.of(context()).current()).isNotSameAs(mine);
                written.await(30, TimeUnit.SECONDS);
                return scheduler().managedAllocations().count();
            } finally {
                scheduler().close();
            }
        };
        Callable<Long> self = () -> {
            written.await(30, TimeUnit.SECONDS);
            return -1L;
        };
        assertThat(inThreads(List.of(other, self)).get(0)).isZero();
        assertThat(Session.of(context()).current()).isSameAs(mine);
        assertThat(scheduler().managedAllocations().count()).isEqualTo(1);
        scheduler().commit();
        assertThat(inThreads(List.<Callable<Long>>of(() -> {
            try {
                return scheduler().managedAllocations().count();
            } finally {
                scheduler().close();
            }
        }))).containsExactly(1L);
    }

    @Test
    @DisplayName("closing a unit of work that was never used does no harm; closing one rolls back what was not committed")
    void closing() {
        scheduler().close();
        scheduler().close();
        scheduler().allocate(range(at(2014, 11, 29, 12), at(2014, 11, 29, 13)));
        scheduler().close();
        assertThat(scheduler().managedAllocations().count()).isZero();
        scheduler().allocate(range(at(2014, 11, 29, 12), at(2014, 11, 29, 13)));
        scheduler().commit();
        scheduler().close();
        assertThat(scheduler().managedAllocations().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("two threads allocating overlapping spans: exactly one allocation is stored")
    void racingAllocations() throws Exception {
        CyclicBarrier bothRead = new CyclicBarrier(2);
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int hour : new int[] {12, 13}) {
            tasks.add(() -> {
                try {
                    scheduler().allocationsInRange(range(at(2014, 12, 1, 11), at(2014, 12, 1, 15))).count();
                    bothRead.await(30, TimeUnit.SECONDS);
                    scheduler().allocate(range(at(2014, 12, 1, hour), at(2014, 12, 1, hour + 2)));
                    scheduler().commit();
                    return true;
                } catch (SerializationFailure | OverlappingAllocationError e) {
                    return false;
                } finally {
                    scheduler().close();
                }
            });
        }
        assertThat(inThreads(tasks)).containsExactlyInAnyOrder(true, false);
        assertThat(scheduler().managedAllocations().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("reserving while another thread removes the allocation: never a reservation without its allocation")
    void reserveWhileRemoving() throws Exception {
        DateRange dates = range(at(2014, 12, 2, 12), at(2014, 12, 2, 13));
        Allocation allocation = scheduler().allocate(dates, AllocateOptions.builder().approveManually(true).build()).get(0);
        scheduler().commit();
        CyclicBarrier bothRead = new CyclicBarrier(2);
        Callable<Boolean> reserver = () -> {
            try {
                scheduler().allocationById(allocation.requireId());
                scheduler().reservationsByGroup(allocation.group()).count();
                bothRead.await(30, TimeUnit.SECONDS);
                scheduler().reserve("racer@example.org", dates);
                scheduler().commit();
                return true;
            } catch (SerializationFailure | InvalidReservationError e) {
                return false;
            } finally {
                scheduler().close();
            }
        };
        Callable<Boolean> remover = () -> {
            try {
                scheduler().allocationById(allocation.requireId());
                scheduler().reservationsByGroup(allocation.group()).count();
                bothRead.await(30, TimeUnit.SECONDS);
                scheduler().removeAllocation(allocation.requireId());
                scheduler().commit();
                return true;
            } catch (SerializationFailure | AffectedPendingReservationError e) {
                return false;
            } finally {
                scheduler().close();
            }
        };
        List<Boolean> outcomes = inThreads(List.of(reserver, remover));
        assertThat(outcomes).containsOnlyOnce(true);
        long allocations = scheduler().managedAllocations().count();
        long reservations = scheduler().managedReservations().count();
        assertThat(allocations + reservations).isEqualTo(outcomes.get(0) ? 2 : 0);
    }

    @Test
    @DisplayName("a real livelock still gives up: work that always conflicts ends after the attempts or the time budget")
    void livelockGivesUp() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Runnable alwaysConflicts = () -> {
            attempts.incrementAndGet();
            throw new SerializationFailure("forced conflict", SerializationFailure.SERIALIZATION_FAILURE, null);
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scheduler().transaction(alwaysConflicts,
                RetryPolicy.immediate(4))).isInstanceOf(SerializationFailure.class);
        assertThat(attempts).hasValue(4);

        attempts.set(0);
        RetryPolicy budgeted = new RetryPolicy(1_000_000, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2))
                .withBudget(java.time.Duration.ofMillis(200));
        // two threads in the retry lane at once: both give up, neither waits for the other forever
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            racers.add(() -> {
                try {
                    scheduler().transaction(alwaysConflicts, budgeted);
                    return false;
                } catch (SerializationFailure gaveUp) {
                    return true;
                }
            });
        }
        assertThat(inThreads(racers)).containsExactly(true, true);
        assertThat(attempts.get()).isBetween(2, 1_000_000);
    }
}
