package io.libres.testkit.kit;

import io.libres.db.RetryPolicy;
import io.libres.db.Scheduler;
import io.libres.db.Session;
import io.libres.db.Work;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.SerializationFailure;
import io.libres.errors.UnitOfWorkMisused;
import io.libres.time.DateRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scoped units of work ({@code begin()} with try-with-resources, {@code transaction(...)}) and the
 * nesting rule: an inner scope joins the open unit of work behind a savepoint, only the outermost
 * commits, and earlier work is never discarded silently.
 */
public abstract class ScopedWorkBehaviour extends Behaviour {

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected ScopedWorkBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    private Session session() {
        return Session.of(context());
    }

    private static DateRange hour(int hour) {
        return range(at(2015, 3, 2, hour), at(2015, 3, 2, hour + 1));
    }

    /** What is committed, read on another thread so that nothing of this thread's work is seen. */
    private long committedAllocations() {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            return other.submit(() -> scheduler().managedAllocations().count()).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the reading thread failed", e);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    @DisplayName("a committed scope makes its writes durable and leaves nothing on the thread")
    void scopeCommits() {
        try (Work work = scheduler().begin()) {
            assertThat(work.isOutermost()).isTrue();
            scheduler().allocate(hour(8));
            assertThat(session().inScope()).isTrue();
            work.commit();
            assertThat(work.isOpen()).isFalse();
        }
        assertThat(session().inUnitOfWork()).isFalse();
        assertThat(committedAllocations()).isEqualTo(1);
    }

    @Test
    @DisplayName("leaving a scope without commit, or by an exception, rolls back and leaves nothing on the thread")
    void scopeRollsBack() {
        try (Work work = scheduler().begin()) {
            scheduler().allocate(hour(8));
            assertThat(scheduler().managedAllocations().count()).isEqualTo(1);
        }
        assertThatThrownBy(() -> {
            try (Work work = scheduler().begin()) {
                scheduler().allocate(hour(10));
                throw new IllegalStateException("the request failed");
            }
        }).isInstanceOf(IllegalStateException.class);
        assertThat(session().inUnitOfWork()).isFalse();
        assertThat(committedAllocations()).isZero();
        assertThat(scheduler().managedAllocations().count()).isZero();
    }

    @Test
    @DisplayName("transaction commits a value-returning and a void callback, and rolls back one that throws")
    void transactionCallbacks() {
        int stored = scheduler().transaction(() -> scheduler().allocate(hour(8)).size());
        scheduler().transaction(() -> {
            scheduler().allocate(hour(10));
        });
        assertThatThrownBy(() -> scheduler().transaction(() -> {
            scheduler().allocate(hour(12));
            throw new IllegalArgumentException("bad request");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(stored).isEqualTo(1);
        assertThat(committedAllocations()).isEqualTo(2);
        assertThat(session().inUnitOfWork()).isFalse();
    }

    @Test
    @DisplayName("an inner scope joins: its commit hands its writes to the outermost, which commits both")
    void innerScopeJoins() {
        try (Work outer = scheduler().begin()) {
            scheduler().allocate(hour(8));
            try (Work inner = scheduler().begin()) {
                assertThat(inner.isOutermost()).isFalse();
                scheduler().allocate(hour(10));
                inner.commit();
            }
            assertThat(committedAllocations()).isZero();
            assertThat(scheduler().managedAllocations().count()).isEqualTo(2);
            outer.commit();
        }
        assertThat(committedAllocations()).isEqualTo(2);
    }

    @Test
    @DisplayName("an inner scope left without commit undoes only its own writes")
    void innerScopeRollsBackItsOwn() {
        try (Work outer = scheduler().begin()) {
            scheduler().allocate(hour(8));
            try (Work inner = scheduler().begin()) {
                scheduler().allocate(hour(10));
            }
            assertThatThrownBy(() -> scheduler().transaction(() -> {
                scheduler().allocate(hour(12));
                throw new IllegalStateException("inner failure");
            })).isInstanceOf(IllegalStateException.class);
            outer.commit();
        }
        assertThat(scheduler().managedAllocations().list()).singleElement()
                .satisfies(a -> assertThat(a.start()).isEqualTo(hour(8).resolve(KitFixture.ZURICH).start()));
    }

    @Test
    @DisplayName("a transaction inside a scope joins it and commits nothing by itself")
    void innerTransactionJoins() {
        try (Work outer = scheduler().begin()) {
            scheduler().allocate(hour(8));
            scheduler().transaction(() -> scheduler().allocate(hour(10)));
            assertThat(committedAllocations()).isZero();
            outer.rollback();
        }
        assertThat(committedAllocations()).isZero();
    }

    @Test
    @DisplayName("a conflict in an inner scope dooms the unit of work: the outermost commit refuses, retryable")
    void innerConflictDooms() {
        try (Work outer = scheduler().begin()) {
            scheduler().allocate(hour(8));
            assertThatThrownBy(() -> scheduler().transaction(() -> {
                throw new SerializationFailure("simulated conflict", SerializationFailure.SERIALIZATION_FAILURE, null);
            })).isInstanceOf(SerializationFailure.class);
            assertThatThrownBy(outer::commit).isInstanceOf(SerializationFailure.class)
                    .hasMessageContaining("run the whole unit of work again");
        }
        assertThat(committedAllocations()).isZero();
        assertThat(session().inUnitOfWork()).isFalse();
    }

    @Test
    @DisplayName("the outermost transaction runs the whole work again after an inner conflict, once")
    void outermostRetries() {
        AtomicInteger attempts = new AtomicInteger();
        scheduler().transaction(() -> {
            attempts.incrementAndGet();
            scheduler().allocate(hour(8));
            scheduler().transaction(() -> {
                if (attempts.get() == 1) {
                    throw new SerializationFailure("simulated conflict", SerializationFailure.SERIALIZATION_FAILURE, null);
                }
            });
        }, RetryPolicy.immediate(3));
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(committedAllocations()).isEqualTo(1);
    }

    @Test
    @DisplayName("a transaction does not retry a failure that is not retryable")
    void noRetryOfPermanentFailures() {
        scheduler().transaction(() -> scheduler().approveReservations(scheduler().reserve("a@example.org",
                allocated(hour(8)))));
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> scheduler().transaction(() -> {
            attempts.incrementAndGet();
            return scheduler().approveReservations(scheduler().reserve("b@example.org", hour(8)));
        }, RetryPolicy.immediate(5))).isInstanceOf(AlreadyReservedError.class);
        assertThat(attempts.get()).isEqualTo(1);
    }

    private DateRange allocated(DateRange dates) {
        scheduler().allocate(dates);
        return dates;
    }

    @Test
    @DisplayName("a scheduler is AutoCloseable: closing it discards the thread-bound work, the scheduler stays usable")
    void schedulerClosesThreadBoundWork() {
        Scheduler scheduler = scheduler();
        try (Scheduler libresStyle = scheduler) {
            libresStyle.allocate(hour(8));
            assertThat(session().inUnitOfWork()).isTrue();
        }
        assertThat(session().inUnitOfWork()).isFalse();
        assertThat(committedAllocations()).isZero();
        scheduler.allocate(hour(9));
        scheduler.commit();
        assertThat(committedAllocations()).isEqualTo(1);
        try (Work work = scheduler.begin()) {
            assertThatThrownBy(scheduler::close).isInstanceOf(UnitOfWorkMisused.class);
            work.commit();
        }
        assertThat(AutoCloseable.class).isAssignableFrom(Scheduler.class);
    }

    @Test
    @DisplayName("the libres-style commit and rollback are refused inside a scope, which owns the work")
    void libresCallsInsideAScopeAreRefused() {
        try (Work work = scheduler().begin()) {
            scheduler().allocate(hour(8));
            assertThatThrownBy(() -> scheduler().commit()).isInstanceOf(UnitOfWorkMisused.class)
                    .hasMessageContaining("work.commit()");
            assertThatThrownBy(() -> scheduler().rollback()).isInstanceOf(UnitOfWorkMisused.class);
            assertThat(committedAllocations()).isZero();
            assertThat(scheduler().managedAllocations().count()).isEqualTo(1);
            work.commit();
        }
        assertThat(committedAllocations()).isEqualTo(1);
    }

    @Test
    @DisplayName("a scope is used by the thread that began it only; ending it twice or out of order is refused")
    void scopeBelongsToItsThread() throws Exception {
        try (Work outer = scheduler().begin()) {
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                assertThat(other.submit(() -> {
                    try {
                        outer.commit();
                        return null;
                    } catch (UnitOfWorkMisused e) {
                        return e;
                    }
                }).get(30, TimeUnit.SECONDS)).isInstanceOf(UnitOfWorkMisused.class);
            } finally {
                other.shutdownNow();
            }
            Work inner = scheduler().begin();
            assertThatThrownBy(outer::commit).isInstanceOf(UnitOfWorkMisused.class).hasMessageContaining("inner scope");
            inner.commit();
            assertThatThrownBy(inner::commit).isInstanceOf(UnitOfWorkMisused.class);
            outer.commit();
        }
        assertThat(session().inUnitOfWork()).isFalse();
    }

    @Test
    @DisplayName("thread-bound work left open when a scope begins is rolled back, counted, never committed")
    void abandonedThreadBoundWork() {
        long before = session().abandonedUnitsOfWork();
        scheduler().allocate(hour(8));
        scheduler().transaction(() -> scheduler().allocate(hour(10)));
        assertThat(session().abandonedUnitsOfWork()).isEqualTo(before + 1);
        assertThat(scheduler().managedAllocations().list()).singleElement()
                .satisfies(a -> assertThat(a.start()).isEqualTo(hour(10).resolve(KitFixture.ZURICH).start()));
        assertThat(session().inUnitOfWork()).isFalse();
    }

    @Test
    @DisplayName("work a task forgot to commit on a pooled thread never reaches the next task on that thread")
    void forgottenWorkOnAPooledThread() throws Exception {
        long before = session().abandonedUnitsOfWork();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> scheduler().allocate(hour(8))).get(30, TimeUnit.SECONDS);
            pool.submit(() -> scheduler().transaction(() -> {
                assertThat(scheduler().managedAllocations().count()).isZero();
                scheduler().allocate(hour(12));
            })).get(30, TimeUnit.SECONDS);
            assertThat(pool.submit(() -> session().inUnitOfWork()).get(30, TimeUnit.SECONDS)).isFalse();
        } finally {
            pool.shutdownNow();
        }
        assertThat(session().abandonedUnitsOfWork()).isEqualTo(before + 1);
        assertThat(scheduler().managedAllocations().list()).singleElement()
                .satisfies(a -> assertThat(a.start()).isEqualTo(hour(12).resolve(KitFixture.ZURICH).start()));
    }

    @Test
    @DisplayName("a read outside any unit of work leaves none open; inside a scope it sees the scope's writes")
    void readsOutsideUnitsOfWork() {
        assertThat(scheduler().managedAllocations().count()).isZero();
        assertThat(scheduler().availability()).isZero();
        assertThat(scheduler().searchAllocations(hour(8))).isEmpty();
        assertThat(session().inUnitOfWork()).isFalse();
        try (Work work = scheduler().begin()) {
            scheduler().allocate(hour(8));
            assertThat(scheduler().managedAllocations().list()).hasSize(1);
            assertThat(scheduler().availability()).isEqualTo(100.0);
            assertThat(scheduler().queries().availabilityByRange(hour(8).resolve(KitFixture.ZURICH),
                    java.util.List.of(scheduler().resource()))).isEqualTo(100.0);
        }
        assertThat(session().inUnitOfWork()).isFalse();
    }
}
