package io.libres.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.db.Session;
import io.libres.db.Work;
import io.libres.errors.SerializationFailure;
import io.libres.errors.TransactionIsolationTooWeak;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.testkit.postgres.WithPostgres;
import io.libres.time.DateRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Libres inside a transaction the application owns (a JDBI {@code Handle}, a jOOQ
 * {@code DSLContext.transaction}, a Spring-managed transaction, or whatever a user's adapter joins),
 * on a real PostgreSQL: the booking and the application's own write commit together and roll back
 * together; libres nests behind a savepoint and never commits what it does not own; a transaction
 * below SERIALIZABLE is refused with {@link TransactionIsolationTooWeak} before anything is written;
 * a serialization failure reaches the application's retry, and running the whole transaction again
 * succeeds.
 *
 * <p>An adapter extends the group with two hooks: {@link #storageOn(DataSource)} (the storage for
 * work outside the application's transactions) and {@link #inTransaction(int, Body)} (the
 * application's transaction, opened, committed and rolled back by the adapter's own means, and how
 * libres joins it: {@link Transaction#join(Session)}).
 */
@WithPostgres
@DisplayName("external transactions")
public abstract class ExternalTransactionKit {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalTransactionKit.class);
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final DateRange NINE = DateRange.of(LocalDateTime.of(2031, 6, 2, 9, 0),
            LocalDateTime.of(2031, 6, 2, 10, 0));

    /** The test database; {@code @WithPostgres} injects it. */
    protected DataSource dataSource;

    private Storage storage;
    private Context context;
    private Scheduler scheduler;

    /** Creates the group. */
    protected ExternalTransactionKit() {
    }

    /**
     * The application's transaction as the group uses it, open on the thread that runs
     * {@link Body#run(Transaction)}.
     */
    public interface Transaction {

        /**
         * Runs a statement of the application's own inside the transaction, on its connection.
         *
         * @param sql the statement, with {@code ?} for parameters
         * @param parameters the parameters, in order
         */
        void update(String sql, Object... parameters);

        /**
         * Has libres join the transaction the adapter's way, for example
         * {@code session.join(storage.joining(handle))}, or {@code session.begin()} where the storage
         * joins the transaction bound to the thread by itself.
         *
         * @param session the session of the group's context on this thread
         * @return the joined scope; committing it keeps libres' writes in the transaction
         * @throws TransactionIsolationTooWeak if the transaction runs below SERIALIZABLE
         */
        Work join(Session session);
    }

    /**
     * What runs inside the application's transaction.
     *
     * @param <T> what it returns
     */
    @FunctionalInterface
    public interface Body<T> {

        /**
         * Runs inside the transaction.
         *
         * @param transaction the application's transaction
         * @return the result
         */
        T run(Transaction transaction);
    }

    /**
     * The adapter's storage on a data source, for the work the group does outside the
     * application's transactions (and for the context the scheduler lives in).
     *
     * @param dataSource the test database
     * @return a new storage on it
     */
    protected abstract Storage storageOn(DataSource dataSource);

    /**
     * Runs the body in a new transaction of the application's (on {@link #dataSource}), at the
     * given isolation, the way the adapter's users run theirs: committed when the body returns,
     * rolled back when it throws, the body's exception rethrown as it is.
     *
     * @param isolation a {@link Connection} isolation level, e.g. {@link Connection#TRANSACTION_SERIALIZABLE}
     * @param body what runs inside
     * @param <T> what the body returns
     * @return what the body returned
     */
    protected abstract <T> T inTransaction(int isolation, Body<T> body);

    /**
     * Whether a failure out of {@link #inTransaction(int, Body)} is a serialization conflict, which
     * the application retries by running the whole transaction again. Unless overridden: a
     * {@link SerializationFailure} or an {@link SQLException} with SQLSTATE 40001 anywhere in its
     * causes (a conflict found at the application's commit comes wrapped by its framework).
     *
     * @param failure what the transaction threw
     * @return true for a conflict
     */
    protected boolean isConflict(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SerializationFailure
                    || t instanceof SQLException && "40001".equals(((SQLException) t).getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @BeforeEach
    void prepare() throws SQLException {
        storage = storageOn(dataSource);
        storage.setupDatabase();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS kit_orders (id uuid PRIMARY KEY)");
            sql.execute("TRUNCATE kit_orders, reserved_slots, reservations, allocations");
        }
        context = Registry.createDefault().registerContext("external-" + UUID.randomUUID());
        context.setService(StoragePorts.STORAGE.key(), c -> storage, true);
        scheduler = new Scheduler(context, "room", ZURICH);
    }

    @AfterEach
    void stopStorage() throws Exception {
        if (storage instanceof io.libres.context.StoppableService) {
            ((io.libres.context.StoppableService) storage).stopService();
        }
    }

    /** Counts as another connection sees it, outside every transaction. */
    private int committed(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count with " + sql, e);
        }
    }

    private int orders(UUID order) {
        return committed("SELECT count(*) FROM kit_orders WHERE id = ?", order);
    }

    private int slots() {
        return committed("SELECT count(*) FROM reserved_slots WHERE resource = ?", scheduler.resource());
    }

    private int reservations() {
        return committed("SELECT count(*) FROM reservations WHERE resource = ?", scheduler.resource());
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
        List<Integer> seenBeforeTheApplicationCommits = new ArrayList<>();

        inTransaction(Connection.TRANSACTION_SERIALIZABLE, transaction -> {
            transaction.update("INSERT INTO kit_orders (id) VALUES (?)", order);
            try (Work work = transaction.join(Session.of(context))) {
                book("guest@example.org");
                work.commit();
            }
            assertThat(Session.of(context).inUnitOfWork()).isFalse();
            // libres committed nothing of its own: another connection sees neither yet
            seenBeforeTheApplicationCommits.add(slots());
            seenBeforeTheApplicationCommits.add(orders(order));
            return null;
        });

        assertThat(seenBeforeTheApplicationCommits).containsExactly(0, 0);
        assertThat(orders(order)).isEqualTo(1);
        assertThat(slots()).isEqualTo(1);
    }

    @Test
    @DisplayName("the booking and the application's own write roll back together, when the application rolls back")
    void rollBackTogether() {
        allocate(1);
        UUID order = UUID.randomUUID();

        assertThatThrownBy(() -> inTransaction(Connection.TRANSACTION_SERIALIZABLE, transaction -> {
            transaction.update("INSERT INTO kit_orders (id) VALUES (?)", order);
            try (Work work = transaction.join(Session.of(context))) {
                book("guest@example.org");
                work.commit();
            }
            throw new IllegalStateException("payment declined");
        })).isInstanceOf(IllegalStateException.class).hasMessage("payment declined");

        assertThat(orders(order)).isZero();
        assertThat(reservations()).isZero();
        assertThat(slots()).isZero();
        assertThat(Session.of(context).inUnitOfWork()).isFalse();
    }

    @Test
    @DisplayName("a joined scope left without commit undoes only libres' writes; the application's stay")
    void joinedScopeUndoesOnlyItsOwn() {
        allocate(1);
        UUID order = UUID.randomUUID();

        inTransaction(Connection.TRANSACTION_SERIALIZABLE, transaction -> {
            transaction.update("INSERT INTO kit_orders (id) VALUES (?)", order);
            try (Work work = transaction.join(Session.of(context))) {
                book("guest@example.org");
            }
            return null;
        });

        assertThat(orders(order)).isEqualTo(1);
        assertThat(reservations()).isZero();
        assertThat(slots()).isZero();
    }

    @Test
    @DisplayName("libres nests behind a savepoint: an inner transaction that fails undoes only itself, nothing commits before the application")
    void nestsBehindASavepoint() {
        allocate(1);
        UUID order = UUID.randomUUID();
        AtomicInteger innerAttempts = new AtomicInteger();
        List<Integer> seenInside = new ArrayList<>();

        inTransaction(Connection.TRANSACTION_SERIALIZABLE, transaction -> {
            transaction.update("INSERT INTO kit_orders (id) VALUES (?)", order);
            try (Work work = transaction.join(Session.of(context))) {
                assertThatThrownBy(() -> scheduler.transaction(() -> {
                    innerAttempts.incrementAndGet();
                    book("first@example.org");
                    throw new IllegalStateException("the first guest changes their mind");
                })).hasMessageContaining("changes their mind");
                scheduler.transaction(() -> book("second@example.org"));
                seenInside.add(scheduler.managedReservations().count() > 0 ? 1 : 0);
                seenInside.add(reservations());
                work.commit();
            }
            seenInside.add(reservations());
            return null;
        });

        // the inner transaction ran once: libres does not retry inside a transaction it does not own
        assertThat(innerAttempts.get()).isEqualTo(1);
        assertThat(seenInside).containsExactly(1, 0, 0);
        assertThat(orders(order)).isEqualTo(1);
        assertThat(committed("SELECT count(*) FROM reservations WHERE resource = ? AND email = ?",
                scheduler.resource(), "second@example.org")).isEqualTo(1);
        assertThat(reservations()).isEqualTo(1);
        assertThat(slots()).isEqualTo(1);
    }

    @Test
    @DisplayName("a transaction below SERIALIZABLE is refused with TransactionIsolationTooWeak, and nothing is written")
    void weakIsolationIsRefused() {
        allocate(1);
        UUID order = UUID.randomUUID();

        assertThatThrownBy(() -> inTransaction(Connection.TRANSACTION_READ_COMMITTED, transaction -> {
            transaction.update("INSERT INTO kit_orders (id) VALUES (?)", order);
            try (Work work = transaction.join(Session.of(context))) {
                book("guest@example.org");
                work.commit();
            }
            return null;
        })).isInstanceOf(TransactionIsolationTooWeak.class).hasMessageContaining("SERIALIZABLE");

        assertThat(Session.of(context).inUnitOfWork()).isFalse();
        assertThat(orders(order)).isZero();
        assertThat(reservations()).isZero();
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
        try {
            List<Future<UUID>> racers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                racers.add(threads.submit(() -> {
                    UUID order = UUID.randomUUID();
                    for (int attempt = 1; ; attempt++) {
                        boolean first = attempt == 1;
                        applicationAttempts.incrementAndGet();
                        try {
                            return inTransaction(Connection.TRANSACTION_SERIALIZABLE, transaction -> {
                                transaction.update("INSERT INTO kit_orders (id) VALUES (?)", order);
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
        assertThat(committed("SELECT count(*) FROM kit_orders")).isEqualTo(2);
        assertThat(reservations()).isEqualTo(2);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other racer did not arrive", e);
        }
    }
}
