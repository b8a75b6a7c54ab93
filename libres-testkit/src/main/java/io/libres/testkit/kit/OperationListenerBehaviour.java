package io.libres.testkit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.context.Context;
import io.libres.db.AllocateOptions;
import io.libres.db.RetryPolicy;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.SerializationFailure;
import io.libres.events.OperationListener;
import io.libres.events.OperationTiming;
import io.libres.events.Subscription;
import io.libres.time.DateRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Operation listeners: the hook metrics use, fed with each operation's timing and every retry. */
public abstract class OperationListenerBehaviour extends Behaviour {

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected OperationListenerBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    /** Records what it hears. */
    private static final class Recorder implements OperationListener {
        final List<OperationTiming> timings = new CopyOnWriteArrayList<>();
        final AtomicInteger retried = new AtomicInteger();
        final AtomicInteger exhausted = new AtomicInteger();

        @Override
        public void operationFinished(OperationTiming timing) {
            timings.add(timing);
        }

        @Override
        public void conflictRetried(Context context, int attempt) {
            retried.incrementAndGet();
        }

        @Override
        public void retriesExhausted(Context context, int attempts) {
            exhausted.incrementAndGet();
        }

        List<String> operations() {
            return timings.stream().map(OperationTiming::operation).toList();
        }
    }

    @Test
    @DisplayName("hear each scheduler operation by name, with the scheduler, its resource, a duration and how it ended")
    void timesOperations() {
        Recorder recorder = new Recorder();
        Subscription subscription = scheduler().events().onOperations(recorder);
        DateRange dates = range(at(2015, 3, 2, 9), at(2015, 3, 2, 10));

        scheduler().allocate(dates);
        UUID token = scheduler().reserve("first@example.org", dates);
        scheduler().approveReservations(token);
        scheduler().commit();
        assertThatThrownBy(() -> scheduler().reserve("late@example.org", dates)).isInstanceOf(AlreadyReservedError.class);
        scheduler().rollback();
        scheduler().searchAllocations(dates);
        subscription.close();
        scheduler().allocate(range(at(2015, 3, 3, 9), at(2015, 3, 3, 10)));
        scheduler().rollback();

        assertThat(recorder.operations()).containsExactly("allocate", "reserve", "approveReservations", "commit",
                "reserve", "searchAllocations");
        assertThat(recorder.timings).allSatisfy(timing -> {
            assertThat(timing.scheduler()).isEqualTo(scheduler().name());
            assertThat(timing.resource()).isEqualTo(scheduler().resource());
            assertThat(timing.context()).isSameAs(scheduler().context());
            assertThat(timing.duration()).isGreaterThanOrEqualTo(Duration.ZERO);
        });
        assertThat(recorder.timings.get(4).failed()).contains(io.libres.errors.NoFreeSpot.class);
        assertThat(recorder.timings.get(2).failed()).isEmpty();
        assertThat(recorder.timings.toString()).doesNotContain("first@example.org").doesNotContain(token.toString());
    }

    @Test
    @DisplayName("that throw never break the operation")
    void listenerFailuresAreContained() {
        scheduler().events().onOperations(new OperationListener() {
            @Override
            public void operationFinished(OperationTiming timing) {
                throw new IllegalStateException("a broken metrics backend");
            }
        });

        scheduler().allocate(range(at(2015, 3, 4, 9), at(2015, 3, 4, 10)));
        scheduler().commit();

        assertThat(scheduler().managedAllocations().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("hear one retry per extra attempt of a transaction, and a give-up per conflict on the last attempt")
    void countsRetriesAndGiveUps() throws Exception {
        Recorder recorder = new Recorder();
        scheduler().events().onOperations(recorder);
        DateRange dates = range(at(2015, 3, 5, 12), at(2015, 3, 5, 13));
        scheduler().allocate(dates, AllocateOptions.builder().quota(4).build());
        scheduler().commit();

        AtomicInteger attempts = new AtomicInteger();
        race(2, RetryPolicy.immediate(5), dates, attempts);
        assertThat(recorder.retried.get()).isEqualTo(attempts.get() - 2);
        assertThat(recorder.exhausted.get()).isZero();

        AtomicInteger once = new AtomicInteger();
        int gaveUp = race(2, RetryPolicy.immediate(1), dates, once);
        assertThat(once.get()).isEqualTo(2);
        assertThat(recorder.exhausted.get()).isEqualTo(gaveUp);
        assertThat(recorder.retried.get()).isEqualTo(attempts.get() - 2);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other thread did not arrive", e);
        }
    }

    /** Two threads read, then both book, so that the storage may make one of them conflict; returns the conflicts thrown. */
    private int race(int threads, RetryPolicy policy, DateRange dates, AtomicInteger attempts) throws Exception {
        CyclicBarrier bothRead = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    AtomicInteger mine = new AtomicInteger();
                    try {
                        scheduler().transaction(() -> {
                            attempts.incrementAndGet();
                            scheduler().reservationTargets(dates);
                            if (mine.incrementAndGet() == 1) {
                                await(bothRead);
                            }
                            scheduler().approveReservations(scheduler().reserve("racer@example.org", dates));
                            return null;
                        }, policy);
                        return false;
                    } catch (SerializationFailure conflict) {
                        return true;
                    }
                }));
            }
            int conflicts = 0;
            for (Future<Boolean> result : results) {
                conflicts += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return conflicts;
        } finally {
            pool.shutdownNow();
        }
    }
}
