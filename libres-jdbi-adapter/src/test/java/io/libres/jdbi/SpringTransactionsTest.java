package io.libres.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.db.Session;
import io.libres.errors.SerializationFailure;
import io.libres.errors.TransactionIsolationTooWeak;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.time.DateRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spring-managed transactions with a real {@link DataSourceTransactionManager} on PostgreSQL: the
 * storage joins the transaction bound to the thread through a {@link TransactionBinding}, and
 * neither commits nor rolls back what Spring owns.
 */
@DisplayName("Spring-managed transactions (DataSourceTransactionManager, TransactionTemplate)")
class SpringTransactionsTest {

    private static final Logger LOG = LoggerFactory.getLogger(SpringTransactionsTest.class);

    private static TestDatabase database;
    private static HikariDataSource pool;
    private static JdbcTemplate jdbc;
    private static DataSourceTransactionManager manager;
    private static JdbiStorage storage;

    private Context context;
    private Scheduler scheduler;

    /** Spring's binding, as an application (or the starter) writes it. */
    static TransactionBinding spring(DataSource dataSource) {
        return new TransactionBinding() {
            @Override
            public Optional<Connection> boundConnection() {
                return TransactionSynchronizationManager.isActualTransactionActive()
                        ? Optional.of(DataSourceUtils.getConnection(dataSource)) : Optional.empty();
            }

            @Override
            public void release(Connection connection) {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        };
    }

    @BeforeAll
    static void start() {
        database = Databases.create("jdbi-spring");
        pool = Databases.pool(database);
        jdbc = new JdbcTemplate(pool);
        manager = new DataSourceTransactionManager(pool);
        storage = JdbiStorage.builder().dataSource(pool).transactionBinding(spring(pool)).build();
        storage.setupDatabase();
        jdbc.execute("CREATE TABLE IF NOT EXISTS app_orders (id uuid PRIMARY KEY)");
    }

    @AfterAll
    static void stop() {
        pool.close();
        Databases.drop(database);
    }

    @BeforeEach
    void scheduler() {
        context = Registry.createDefault().registerContext("spring-" + UUID.randomUUID());
        storage.install(context);
        scheduler = new Scheduler(context, "room", ZoneId.of("Europe/Zurich"));
    }

    private static TransactionTemplate template(int isolation) {
        TransactionTemplate template = new TransactionTemplate(manager);
        template.setIsolationLevel(isolation);
        return template;
    }

    private static DateRange dates() {
        return DateRange.of(LocalDateTime.of(2031, 6, 2, 9, 0), LocalDateTime.of(2031, 6, 2, 10, 0));
    }

    private static long orders(UUID id) {
        return jdbc.queryForObject("SELECT count(*) FROM app_orders WHERE id = ?", Long.class, id);
    }

    private long slots() {
        return jdbc.queryForObject("SELECT count(*) FROM reserved_slots WHERE resource = ?", Long.class,
                scheduler.resource());
    }

    @Test
    @DisplayName("a booking and the application's own insert commit together")
    void commitTogether() {
        scheduler.transaction(() -> scheduler.allocate(dates()));
        UUID order = UUID.randomUUID();
        template(TransactionDefinition.ISOLATION_SERIALIZABLE).executeWithoutResult(status -> {
            jdbc.update("INSERT INTO app_orders (id) VALUES (?)", order);
            scheduler.transaction(() -> scheduler.approveReservations(scheduler.reserve("guest@example.org", dates())));
            // committed by libres? no: another connection sees neither yet
            assertThat(inOtherThread(() -> slots())).isZero();
            assertThat(inOtherThread(() -> orders(order))).isZero();
            assertThat(status.isCompleted()).isFalse();
        });
        assertThat(orders(order)).isEqualTo(1);
        assertThat(slots()).isEqualTo(1);
        assertThat(Session.of(context).inUnitOfWork()).isFalse();
    }

    @Test
    @DisplayName("a booking and the application's own insert roll back together, by rollback-only or by an exception")
    void rollBackTogether() {
        scheduler.transaction(() -> scheduler.allocate(dates()));
        UUID first = UUID.randomUUID();
        template(TransactionDefinition.ISOLATION_SERIALIZABLE).executeWithoutResult(status -> {
            jdbc.update("INSERT INTO app_orders (id) VALUES (?)", first);
            scheduler.transaction(() -> scheduler.approveReservations(scheduler.reserve("guest@example.org", dates())));
            status.setRollbackOnly();
        });
        UUID second = UUID.randomUUID();
        assertThatThrownBy(() -> template(TransactionDefinition.ISOLATION_SERIALIZABLE).executeWithoutResult(status -> {
            jdbc.update("INSERT INTO app_orders (id) VALUES (?)", second);
            scheduler.transaction(() -> scheduler.approveReservations(scheduler.reserve("guest@example.org", dates())));
            throw new IllegalStateException("payment declined");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(orders(first) + orders(second)).isZero();
        assertThat(slots()).isZero();
    }

    @Test
    @DisplayName("a Spring transaction below SERIALIZABLE is refused with a typed error, and nothing is written")
    void weakIsolation() {
        scheduler.transaction(() -> scheduler.allocate(dates()));
        UUID order = UUID.randomUUID();
        assertThatThrownBy(() -> template(TransactionDefinition.ISOLATION_READ_COMMITTED).executeWithoutResult(status -> {
            jdbc.update("INSERT INTO app_orders (id) VALUES (?)", order);
            scheduler.transaction(() -> scheduler.reserve("guest@example.org", dates()));
        })).isInstanceOf(TransactionIsolationTooWeak.class).hasMessageContaining("Isolation.SERIALIZABLE");
        assertThat(orders(order)).isZero();
        assertThat(scheduler.managedReservations().count()).isZero();
    }

    @Test
    @DisplayName("a serialization failure reaches the caller's retry, and running the whole transaction again succeeds")
    void conflictReachesTheCallersRetry() throws Exception {
        scheduler.transaction(() -> scheduler.allocate(dates(), AllocateOptions.builder().quota(2).build()));
        CyclicBarrier bothRead = new CyclicBarrier(2);
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger libresAttempts = new AtomicInteger();
        AtomicInteger springAttempts = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<UUID>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(threads.submit(() -> {
                    UUID order = UUID.randomUUID();
                    for (int attempt = 1; ; attempt++) {
                        int mine = attempt;
                        try {
                            springAttempts.incrementAndGet();
                            return template(TransactionDefinition.ISOLATION_SERIALIZABLE).execute(status -> {
                                jdbc.update("INSERT INTO app_orders (id) VALUES (?)", order);
                                return scheduler.transaction(() -> {
                                    libresAttempts.incrementAndGet();
                                    scheduler.reservationTargets(dates());
                                    if (mine == 1) {
                                        await(bothRead);
                                    }
                                    UUID token = scheduler.reserve("racer@example.org", dates());
                                    scheduler.approveReservations(token);
                                    return token;
                                });
                            });
                        } catch (SerializationFailure e) {
                            failures.incrementAndGet();
                            if (attempt == 5) {
                                throw e;
                            }
                        }
                    }
                }));
            }
            List<UUID> tokens = new ArrayList<>();
            for (Future<UUID> future : futures) {
                tokens.add(future.get(60, TimeUnit.SECONDS));
            }
            assertThat(tokens).doesNotHaveDuplicates().hasSize(2);
        } finally {
            threads.shutdownNow();
        }
        LOG.info("spring retries: {} serialization failures reached the caller, {} Spring attempts, {} libres attempts",
                failures.get(), springAttempts.get(), libresAttempts.get());
        assertThat(failures.get()).isGreaterThanOrEqualTo(1);
        // libres did not retry inside a transaction it does not own: one libres attempt per Spring attempt
        assertThat(libresAttempts.get()).isEqualTo(springAttempts.get());
        // one slot on the master, one on its mirror
        assertThat(scheduler.managedReservedSlots().count()).isEqualTo(2);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other thread did not arrive", e);
        }
    }

    private static <T> T inOtherThread(java.util.concurrent.Callable<T> read) {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            return other.submit(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the reading thread failed", e);
        } finally {
            other.shutdownNow();
        }
    }
}
