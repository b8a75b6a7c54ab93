package io.libres.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.Scheduler;
import io.libres.db.Session;
import io.libres.db.Work;
import io.libres.errors.TransactionIsolationTooWeak;
import io.libres.errors.UnitOfWorkMisused;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.time.DateRange;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Joining the caller's JDBI handle: its transaction commits or rolls back the booking with its own writes. */
@DisplayName("joining a transaction on the caller's JDBI handle")
class JdbiExternalTransactionsTest {

    private static TestDatabase database;
    private static HikariDataSource pool;
    private static Jdbi jdbi;
    private static JdbiStorage storage;

    private Context context;
    private Scheduler scheduler;

    @BeforeAll
    static void start() {
        database = Databases.create("jdbi-external");
        pool = Databases.pool(database);
        jdbi = Jdbi.create(pool);
        storage = JdbiStorage.using(pool);
        storage.setupDatabase();
        jdbi.useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS app_orders (id uuid PRIMARY KEY)"));
    }

    @AfterAll
    static void stop() {
        pool.close();
        Databases.drop(database);
    }

    @BeforeEach
    void scheduler() {
        context = Registry.createDefault().registerContext("external-" + UUID.randomUUID());
        storage.install(context);
        scheduler = new Scheduler(context, "room", ZoneId.of("Europe/Zurich"));
    }

    private static DateRange dates() {
        return DateRange.of(LocalDateTime.of(2031, 5, 5, 9, 0), LocalDateTime.of(2031, 5, 5, 10, 0));
    }

    private static long orders(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM app_orders WHERE id = :id")
                .bind("id", id).mapTo(Long.class).one());
    }

    private static <T> T inOtherThread(java.util.concurrent.Callable<T> read) {
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            return other.submit(read).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the reading thread failed", e);
        } finally {
            other.shutdownNow();
        }
    }

    private long slots() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM reserved_slots WHERE resource = :r")
                .bind("r", scheduler.resource()).mapTo(Long.class).one());
    }

    @Test
    @DisplayName("the booking and the application's insert commit together, when the owner commits")
    void commitTogether() {
        scheduler.transaction(() -> scheduler.allocate(dates()));
        UUID order = UUID.randomUUID();
        jdbi.useTransaction(TransactionIsolationLevel.SERIALIZABLE, handle -> {
            handle.execute("INSERT INTO app_orders (id) VALUES (?)", order);
            try (Work work = Session.of(context).join(storage.joining(handle))) {
                scheduler.approveReservations(scheduler.reserve("guest@example.org", dates()));
                work.commit();
            }
            // libres committed nothing of its own: another thread (another connection) sees no booking yet
            assertThat(inOtherThread(this::slots)).isZero();
            assertThat(handle.isClosed()).isFalse();
        });
        assertThat(orders(order)).isEqualTo(1);
        assertThat(slots()).isEqualTo(1);
    }

    @Test
    @DisplayName("the booking and the application's insert roll back together, when the owner rolls back")
    void rollBackTogether() {
        scheduler.transaction(() -> scheduler.allocate(dates()));
        UUID order = UUID.randomUUID();
        assertThatThrownBy(() -> jdbi.useTransaction(TransactionIsolationLevel.SERIALIZABLE, handle -> {
            handle.execute("INSERT INTO app_orders (id) VALUES (?)", order);
            try (Work work = Session.of(context).join(storage.joining(handle))) {
                scheduler.approveReservations(scheduler.reserve("guest@example.org", dates()));
                work.commit();
            }
            throw new IllegalStateException("payment declined");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(orders(order)).isZero();
        assertThat(slots()).isZero();
    }

    @Test
    @DisplayName("a joined scope left without commit undoes only the booking; the owner's writes stay")
    void scopeUndoesOnlyItsOwn() {
        scheduler.transaction(() -> scheduler.allocate(dates()));
        UUID order = UUID.randomUUID();
        jdbi.useTransaction(TransactionIsolationLevel.SERIALIZABLE, handle -> {
            handle.execute("INSERT INTO app_orders (id) VALUES (?)", order);
            try (Work work = Session.of(context).join(storage.joining(handle))) {
                scheduler.approveReservations(scheduler.reserve("guest@example.org", dates()));
            }
            assertThat(Session.of(context).inUnitOfWork()).isFalse();
        });
        assertThat(orders(order)).isEqualTo(1);
        assertThat(slots()).isZero();
    }

    @Test
    @DisplayName("a transaction below SERIALIZABLE, or none, is refused before anything is read or written")
    void weakIsolationIsRefused() {
        assertThatThrownBy(() -> jdbi.useTransaction(TransactionIsolationLevel.READ_COMMITTED,
                handle -> storage.joining(handle))).isInstanceOf(TransactionIsolationTooWeak.class)
                .hasMessageContaining("READ COMMITTED").hasMessageContaining("SERIALIZABLE");
        assertThatThrownBy(() -> jdbi.useHandle(handle -> storage.joining(handle)))
                .isInstanceOf(UnitOfWorkMisused.class).hasMessageContaining("no open transaction");
        assertThat(Session.of(context).inUnitOfWork()).isFalse();
    }
}
