package io.libres.jdbi;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.context.Settings;
import io.libres.db.Scheduler;
import io.libres.db.Work;
import io.libres.errors.ConnectionFailure;
import io.libres.errors.ConnectionPoolExhausted;
import io.libres.errors.DatabaseAuthenticationFailed;
import io.libres.errors.DatabaseMissing;
import io.libres.errors.DatabaseUnreachable;
import io.libres.errors.StorageException;
import io.libres.errors.UnknownDatabaseHost;
import io.libres.spi.StoragePorts;
import io.libres.spi.UnitOfWork;
import io.libres.testkit.postgres.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Connection trouble says what it is, on a real PostgreSQL: each cause a typed
 * {@link ConnectionFailure}, permanent ones reported by the driver at once (never the pool's
 * timeout, which stays at its 30 seconds here), and the pool's settings taken from the context.
 */
@DisplayName("connection failures and pool settings of the JDBI storage")
class ConnectionFailuresTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFailuresTest.class);

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = Databases.create("jdbi-connections");
    }

    @AfterAll
    static void dropDatabase() {
        Databases.drop(database);
    }

    private static String withDatabase(String name) {
        return Databases.dsn(database).replace("/" + database.databaseName() + "?", "/" + name + "?");
    }

    /** Begins a unit of work on a fresh storage of the dsn and returns what it threw. */
    private static <T extends ConnectionFailure> T failure(String dsn, Class<T> type) {
        JdbiStorage storage = JdbiStorage.connect(dsn);
        try {
            long started = System.nanoTime();
            T failure = catchThrowableOfType(type, storage::begin);
            LOG.info("{} after {} ms: {}", type.getSimpleName(), (System.nanoTime() - started) / 1_000_000,
                    failure == null ? null : failure.getMessage());
            assertThat(failure).as("a %s", type.getSimpleName()).isNotNull();
            // the driver answered, not the pool after its 30 s connection timeout
            assertThat(causes(failure)).noneMatch(SQLTransientConnectionException.class::isInstance);
            return failure;
        } finally {
            storage.stopService();
        }
    }

    private static java.util.List<Throwable> causes(Throwable failure) {
        java.util.List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && !all.contains(t); t = t.getCause()) {
            all.add(t);
        }
        return all;
    }

    @Test
    @DisplayName("a database that does not exist is DatabaseMissing, at once")
    void missingDatabase() {
        DatabaseMissing failure = failure(withDatabase("libres_no_such_database"), DatabaseMissing.class);
        assertThat(failure).hasMessageContaining("libres_no_such_database").hasMessageContaining("create the database");
        assertThat(failure.sqlState()).contains("3D000");
    }

    @Test
    @DisplayName("a port nothing listens on is DatabaseUnreachable, at once")
    void refused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DatabaseUnreachable failure = failure("jdbc:postgresql://127.0.0.1:" + port + "/libres?user=app",
                DatabaseUnreachable.class);
        assertThat(failure).hasMessageContaining("127.0.0.1:" + port + "/libres").hasMessageContaining("start it");
    }

    @Test
    @DisplayName("a host name that does not resolve is UnknownDatabaseHost, at once")
    void unknownHost() {
        UnknownDatabaseHost failure = failure("jdbc:postgresql://no-such-host.invalid:5432/libres?user=app",
                UnknownDatabaseHost.class);
        assertThat(failure).hasMessageContaining("no-such-host.invalid").hasMessageContaining("correct the dsn");
    }

    @Test
    @DisplayName("a wrong password is DatabaseAuthenticationFailed, at once, and the message holds no password")
    void wrongPassword() throws Exception {
        String maintenance = Databases.dsn(database);
        try (Connection admin = DriverManager.getConnection(maintenance); Statement sql = admin.createStatement()) {
            sql.execute("DROP ROLE IF EXISTS libres_pw");
            sql.execute("CREATE ROLE libres_pw LOGIN PASSWORD 'right-secret-1'");
            Path hba;
            try (ResultSet file = sql.executeQuery("SHOW hba_file")) {
                file.next();
                hba = Path.of(file.getString(1));
            }
            String original = Files.readString(hba, StandardCharsets.UTF_8);
            // the embedded server trusts everyone; make it ask this one role for its password
            Files.writeString(hba, "host all libres_pw 127.0.0.1/32 scram-sha-256\n"
                    + "host all libres_pw ::1/128 scram-sha-256\n" + original, StandardCharsets.UTF_8);
            try {
                sql.execute("SELECT pg_reload_conf()");
                String url = database.jdbcUrl().replace("localhost", "127.0.0.1");
                String base = url + (url.contains("?") ? "&" : "?") + "user=libres_pw&password=";
                DatabaseAuthenticationFailed failure = failure(base + "wrong-secret-2", DatabaseAuthenticationFailed.class);
                assertThat(failure).hasMessageContaining("refused the credentials")
                        .hasMessageNotContaining("wrong-secret-2");
                assertThat(failure.sqlState()).contains("28P01");
                JdbiStorage right = JdbiStorage.connect(base + "right-secret-1");
                try (UnitOfWork work = right.begin()) {
                    assertThat(work.isOpen()).isTrue();
                } finally {
                    right.stopService();
                }
            } finally {
                Files.writeString(hba, original, StandardCharsets.UTF_8);
                sql.execute("SELECT pg_reload_conf()");
                sql.execute("DROP ROLE IF EXISTS libres_pw");
            }
        }
    }

    @Test
    @DisplayName("a pool whose connections are all held is ConnectionPoolExhausted, saying the database refused nothing")
    void exhausted() throws Exception {
        JdbiStorage storage = JdbiStorage.builder().dsn(Databases.dsn(database)).poolSize(1)
                .connectionTimeout(Duration.ofMillis(250)).build();
        storage.setupDatabase();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<?> holding = holder.submit(() -> {
                try (UnitOfWork work = storage.begin()) {
                    held.countDown();
                    done.await(30, TimeUnit.SECONDS);
                }
                return null;
            });
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            ConnectionPoolExhausted failure = catchThrowableOfType(ConnectionPoolExhausted.class, storage::begin);
            assertThat(failure).isNotNull().hasMessageContaining("refused nothing")
                    .hasMessageContaining("storage_pool_size");
            done.countDown();
            holding.get(30, TimeUnit.SECONDS);
            try (UnitOfWork again = storage.begin()) {
                assertThat(again.isOpen()).isTrue();
            }
        } finally {
            done.countDown();
            holder.shutdownNow();
            storage.stopService();
        }
    }

    @Test
    @DisplayName("the pool made from the dsn takes its size and timeouts from the context, and stops with it")
    void poolSettingsFromTheContext() {
        Context context = Registry.createDefault().registerContext("pool-" + java.util.UUID.randomUUID());
        context.setSetting(Settings.DSN, Databases.dsn(database));
        context.setSetting(Settings.POOL_SIZE, 3);
        context.setSetting(Settings.POOL_CONNECTION_TIMEOUT, Duration.ofSeconds(2));
        context.setSetting(Settings.POOL_IDLE_TIMEOUT, Duration.ofMinutes(2));
        JdbiStorage storage = (JdbiStorage) context.getService(StoragePorts.STORAGE);
        storage.setupDatabase();
        Scheduler scheduler = new Scheduler(context, "pool", ZoneId.of("Europe/Zurich"));
        try (Work work = scheduler.begin()) {
            assertThat(scheduler.managedAllocations().count()).isZero();
            work.commit();
        }
        assertThat(storage.poolConfig()).hasValueSatisfying(config -> {
            assertThat(config.getMaximumPoolSize()).isEqualTo(3);
            assertThat(config.getConnectionTimeout()).isEqualTo(2000);
            assertThat(config.getIdleTimeout()).isEqualTo(120_000);
        });
        assertThat(storage.pool()).hasValueSatisfying(pool -> assertThat(pool.getActiveConnections()).isZero());

        context.stopServices();

        assertThat(catchThrowableOfType(StorageException.class, storage::begin)).isNotNull();
        assertThat(context.getService(StoragePorts.STORAGE)).isNotSameAs(storage);
        context.stopServices();
    }
}
