package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.MoveOptions;
import io.libres.db.models.Allocation;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.SerializationFailure;
import io.libres.time.DateRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Units of work of concurrent threads: SERIALIZABLE, never a double booking. */
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

    private List<Outcome> race(Runnable work) throws Exception {
        CyclicBarrier beforeCommit = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    try {
                        try {
                            work.run();
                        } finally {
                            beforeCommit.await(30, TimeUnit.SECONDS);
                        }
                        scheduler().commit();
                        return Outcome.COMMITTED;
                    } catch (SerializationFailure | AlreadyReservedError e) {
                        scheduler().rollback();
                        return Outcome.CONFLICTED;
                    } finally {
                        scheduler().close();
                    }
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("two threads reserving the last spot: exactly one gets it")
    void lastSpot() throws Exception {
        DateRange dates = range(at(2014, 11, 27, 12), at(2014, 11, 27, 13));
        scheduler().allocate(dates);
        scheduler().commit();
        List<Outcome> outcomes = race(() -> scheduler().approveReservations(scheduler().reserve("racer@example.org", dates)));
        assertThat(outcomes).containsExactlyInAnyOrder(Outcome.COMMITTED, Outcome.CONFLICTED);
        assertThat(scheduler().managedReservedSlots().count()).isEqualTo(1);
        assertThat(scheduler().managedReservations().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("two threads changing one allocation: one of them is rolled back")
    void collision() throws Exception {
        Allocation allocation = scheduler().allocate(range(at(2014, 11, 27, 12), at(2014, 11, 27, 13))).get(0);
        scheduler().commit();
        List<Outcome> outcomes = race(() -> scheduler().moveAllocation(allocation.requireId(),
                MoveOptions.builder().group(UUID.randomUUID()).build()));
        assertThat(outcomes).containsExactlyInAnyOrder(Outcome.COMMITTED, Outcome.CONFLICTED);
    }

    @Test
    @DisplayName("a reader does not collide with a writer")
    void readerAndWriter() throws Exception {
        Allocation allocation = scheduler().allocate(range(at(2014, 11, 27, 12), at(2014, 11, 27, 13)),
                AllocateOptions.builder().quota(2).build()).get(0);
        scheduler().commit();
        CyclicBarrier bothRead = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> writer = pool.submit(() -> {
                scheduler().allocationById(allocation.requireId());
                bothRead.await(30, TimeUnit.SECONDS);
                scheduler().moveAllocation(allocation.requireId(), MoveOptions.builder().group(UUID.randomUUID()).build());
                scheduler().commit();
                return true;
            });
            Future<Boolean> reader = pool.submit(() -> {
                scheduler().allocationById(allocation.requireId());
                bothRead.await(30, TimeUnit.SECONDS);
                scheduler().rollback();
                return true;
            });
            assertThat(writer.get(60, TimeUnit.SECONDS)).isTrue();
            assertThat(reader.get(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(scheduler().allocationById(allocation.requireId()).group()).isNotEqualTo(allocation.group());
    }
}
