package io.libres.testkit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.db.Session;
import io.libres.db.Work;
import io.libres.errors.SerializationFailure;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.testkit.internal.KitPreflight;
import io.libres.testkit.internal.KitSupport;
import io.libres.time.DateRange;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Libres inside a transaction the application owns, for any storage that can join one: the
 * booking and the application's own write commit together and roll back together; a joined scope
 * left without commit undoes only libres' writes; libres nests behind a savepoint and never
 * commits what it does not own; a serialization failure reaches the application's retry, and
 * running the whole transaction again succeeds.
 *
 * <p>The in-memory storage runs it with a unit of work the test owns
 * ({@link io.libres.testkit.memory.InMemoryStorage#joining}); the SQL adapters run it through
 * {@link io.libres.testkit.sql.ExternalTransactionKit}, which adds what only a real database can
 * show (raw counts on another connection, a weaker isolation refused). A user's adapter that
 * joins transactions of its own kind extends this class (or the SQL kit) with three hooks:
 * {@link #newStorage()}, {@link #inApplicationTransaction(ApplicationWork)} and
 * {@link #isCommitted(UUID)}.
 *
 * <p>Each test gets a fresh registry, a context with the storage installed and a scheduler in
 * Europe/Zurich; the kit stops the storage afterwards (a {@link io.libres.context.StoppableService}
 * or {@link AutoCloseable}). The counts of committed records are read on another thread, outside
 * every transaction of the test's thread, unless a subclass reads them its own way.
 */
@ExtendWith(KitPreflight.class)
@DisplayName("joining the application's transaction")
public abstract class ApplicationTransactionKit {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationTransactionKit.class);
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    /** The hour every test books. */
    protected static final DateRange NINE = DateRange.of(LocalDateTime.of(2031, 6, 2, 9, 0),
            LocalDateTime.of(2031, 6, 2, 10, 0));

    private Storage storage;
    private Context context;
    private Scheduler scheduler;
    private ExecutorService outside;

    /** Creates the group. */
    protected ApplicationTransactionKit() {
    }

    /**
     * The application's transaction as the group uses it, open on the thread that runs
     * {@link ApplicationWork#run(ApplicationTransaction)}.
     */
    public interface ApplicationTransaction {

        /**
         * Writes a record of the application's own (an order with the given id) inside the
         * transaction, the way the application would: it is committed or rolled back with the
         * transaction, never by libres.
         *
         * @param order the order's id
         */
        void insertOrder(UUID order);

        /**
         * Has libres join the transaction the storage's way, for example
         * {@code session.join(storage.joining(owner))}, or {@code session.begin()} where the storage
         * joins the transaction bound to the thread by itself.
         *
         * @param session the session of the group's context on this thread
         * @return the joined scope; committing it keeps libres' writes in the transaction
         */
        Work join(Session session);
    }

    /**
     * What runs inside the application's transaction.
     *
     * @param <T> what it returns
     */
    @FunctionalInterface
    public interface ApplicationWork<T> {

        /**
         * Runs inside the transaction.
         *
         * @param transaction the application's transaction
         * @return the result
         */
        T run(ApplicationTransaction transaction);
    }

    /**
     * The storage under test, for one test, empty or at least without records of the group's
     * resource. Called once before each test; the kit stops it after the test.
     *
     * @return a new storage
     */
    protected abstract Storage newStorage();

    /**
     * Runs the body in a new transaction of the application's, at the isolation libres needs, the
     * way the storage's users run theirs: committed when the body returns (a conflict at that
     * commit thrown as the application's framework throws it), rolled back when it throws, the
     * body's exception rethrown as it is.
     *
     * @param work what runs inside
     * @param <T> what the body returns
     * @return what the body returned
     */
    protected abstract <T> T inApplicationTransaction(ApplicationWork<T> work);

    /**
     * Whether the order {@link ApplicationTransaction#insertOrder(UUID)} wrote is committed, as
     * a reader outside the transaction sees it.
     *
     * @param order the order's id
     * @return true once the application's transaction that wrote it committed
     */
    protected abstract boolean isCommitted(UUID order);

    /**
     * Whether a failure out of {@link #inApplicationTransaction(ApplicationWork)} is a
     * serialization conflict, which the application retries by running the whole transaction
     * again. Unless overridden: a {@link SerializationFailure} anywhere in its causes.
     *
     * @param failure what the transaction threw
     * @return true for a conflict
     */
    protected boolean isConflict(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SerializationFailure) {
                return true;
            }
        }
        return false;
    }

    /**
     * The committed reservations of the group's scheduler, as a reader outside every transaction
     * sees them. Unless overridden: counted through libres on another thread.
     *
     * @return the count
     */
    protected int committedReservations() {
        return outside(() -> (int) scheduler.managedReservations().count());
    }

    /**
     * The committed reserved slots of the group's scheduler, as a reader outside every transaction
     * sees them. Unless overridden: counted through libres on another thread.
     *
     * @return the count
     */
    protected int committedSlots() {
        return outside(() -> (int) scheduler.managedReservedSlots().count());
    }

    /** @return the storage {@link #newStorage()} returned for the running test */
    protected final Storage storage() {
        return storage;
    }

    /** @return the context of the running test */
    protected final Context context() {
        return context;
    }

    /** @return the scheduler of the running test ("room", Europe/Zurich) */
    protected final Scheduler scheduler() {
        return scheduler;
    }

    @BeforeEach
    void prepareApplicationTransactionKit() {
        storage = KitSupport.newStorage(this, ApplicationTransactionKit.class, this::newStorage);
        context = Registry.createDefault().registerContext("joined-" + UUID.randomUUID());
        Storage installed = storage;
        context.setService(StoragePorts.STORAGE.key(), c -> installed, true);
        scheduler = new Scheduler(context, "room", ZURICH);
        outside = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "application-transaction-kit-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterEach
    void stopApplicationTransactionKit() {
        try {
            if (outside != null) {
                outside.shutdownNow();
            }
        } finally {
            if (storage != null) {
                KitSupport.stop(storage);
            }
        }
    }

    /** Runs a read on the kit's reader thread, where no transaction of the test's thread is bound. */
    private <T> T outside(Callable<T> read) {
        Future<T> result = outside.submit(read);
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting outside the transaction", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not count outside the transaction", e);
        }
    }

    private void allocate(int quota) {
        scheduler.transaction(() -> scheduler.allocate(NINE, AllocateOptions.builder().quota(quota).build()));
    }

    private UUID book(String email) {
        UUID token = scheduler.reserve(email, NINE);
        scheduler.approveReservations(token);
        return token;
    }

    @Test
    @DisplayName("the booking and the application's own write commit together, when the application commits")
    void commitTogether() {
        allocate(1);
        UUID order = UUID.randomUUID();
        List<Object> seenBeforeTheApplicationCommits = new ArrayList<>();

        inApplicationTransaction(transaction -> {
            transaction.insertOrder(order);
            try (Work work = transaction.join(Session.of(context))) {
                book("guest@example.org");
                work.commit();
            }
            assertThat(Session.of(context).inUnitOfWork()).isFalse();
            // libres committed nothing of its own: a reader outside sees neither yet
            seenBeforeTheApplicationCommits.add(committedSlots());
            seenBeforeTheApplicationCommits.add(isCommitted(order));
            return null;
        });

        assertThat(seenBeforeTheApplicationCommits).containsExactly(0, false);
        assertThat(isCommitted(order)).isTrue();
        assertThat(committedSlots()).isEqualTo(1);
        assertThat(committedReservations()).isEqualTo(1);
    }

    @Test
    @DisplayName("the booking and the application's own write roll back together, when the application rolls back")
    void rollBackTogether() {
        allocate(1);
        UUID order = UUID.randomUUID();

        assertThatThrownBy(() -> inApplicationTransaction(transaction -> {
            transaction.insertOrder(order);
            try (Work work = transaction.join(Session.of(context))) {
                book("guest@example.org");
                work.commit();
            }
            throw new IllegalStateException("payment declined");
        })).isInstanceOf(IllegalStateException.class).hasMessage("payment declined");

        assertThat(isCommitted(order)).isFalse();
        assertThat(committedReservations()).isZero();
        assertThat(committedSlots()).isZero();
        assertThat(Session.of(context).inUnitOfWork()).isFalse();
    }

    @Test
    @DisplayName("a joined scope left without commit undoes only libres' writes; the application's stay")
    void joinedScopeUndoesOnlyItsOwn() {
        allocate(1);
        UUID order = UUID.randomUUID();

        inApplicationTransaction(transaction -> {
            transaction.insertOrder(order);
            try (Work work = transaction.join(Session.of(context))) {
                book("guest@example.org");
            }
            return null;
        });

        assertThat(isCommitted(order)).isTrue();
        assertThat(committedReservations()).isZero();
        assertThat(committedSlots()).isZero();
    }

    @Test
    @DisplayName("libres nests behind a savepoint: an inner transaction that fails undoes only itself, nothing commits before the application")
    void nestsBehindASavepoint() {
        allocate(1);
        UUID order = UUID.randomUUID();
        AtomicInteger innerAttempts = new AtomicInteger();
        List<Integer> seenInside = new ArrayList<>();

        inApplicationTransaction(transaction -> {
            transaction.insertOrder(order);
            try (Work work = transaction.join(Session.of(context))) {
                assertThatThrownBy(() -> scheduler.transaction(() -> {
                    innerAttempts.incrementAndGet();
                    book("first@example.org");
                    throw new IllegalStateException("the first guest changes their mind");
                })).hasMessageContaining("changes their mind");
                scheduler.transaction(() -> book("second@example.org"));
                seenInside.add((int) scheduler.managedReservations().count());
                seenInside.add(committedReservations());
                work.commit();
            }
            seenInside.add(committedReservations());
            return null;
        });

        // the inner transaction ran once: libres does not retry inside a transaction it does not own
        assertThat(innerAttempts.get()).isEqualTo(1);
        assertThat(seenInside).containsExactly(1, 0, 0);
        assertThat(isCommitted(order)).isTrue();
        assertThat(outside(() -> scheduler.managedReservations().list().get(0).email()))
                .isEqualTo("second@example.org");
        assertThat(committedReservations()).isEqualTo(1);
        assertThat(committedSlots()).isEqualTo(1);
    }

    @Test
    @DisplayName("a serialization failure reaches the application's retry, and running the whole transaction again succeeds")
    void conflictReachesTheApplicationsRetry() throws Exception {
        allocate(2);
        CyclicBarrier bothRead = new CyclicBarrier(2);
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger applicationAttempts = new AtomicInteger();
        AtomicInteger libresAttempts = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<UUID> tokens = new ArrayList<>();
        List<UUID> orders = List.of(UUID.randomUUID(), UUID.randomUUID());
        try {
            List<Future<UUID>> racers = new ArrayList<>();
            for (UUID order : orders) {
                racers.add(threads.submit(() -> {
                    for (int attempt = 1; ; attempt++) {
                        boolean first = attempt == 1;
                        applicationAttempts.incrementAndGet();
                        try {
                            return inApplicationTransaction(transaction -> {
                                transaction.insertOrder(order);
                                try (Work work = transaction.join(Session.of(context))) {
                                    UUID token = scheduler.transaction(() -> {
                                        libresAttempts.incrementAndGet();
                                        scheduler.reservationTargets(NINE);
                                        if (first) {
                                            await(bothRead);
                                        }
                                        return book("racer@example.org");
                                    });
                                    work.commit();
                                    return token;
                                }
                            });
                        } catch (RuntimeException e) {
                            if (!isConflict(e) || attempt == 5) {
                                throw e;
                            }
                            conflicts.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<UUID> racer : racers) {
                tokens.add(racer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
        LOG.info("{}: {} conflicts reached the application, {} application attempts, {} libres attempts",
                getClass().getSimpleName(), conflicts.get(), applicationAttempts.get(), libresAttempts.get());

        assertThat(tokens).doesNotHaveDuplicates().hasSize(2);
        assertThat(conflicts.get()).isGreaterThanOrEqualTo(1);
        // libres did not retry inside a transaction it does not own: one libres attempt per application attempt
        assertThat(libresAttempts.get()).isEqualTo(applicationAttempts.get());
        assertThat(orders).allSatisfy(order -> assertThat(isCommitted(order)).isTrue());
        assertThat(committedReservations()).isEqualTo(2);
        assertThat(committedSlots()).isEqualTo(2);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other racer did not arrive", e);
        }
    }
}
