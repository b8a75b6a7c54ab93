package io.libres.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.context.Settings;
import io.libres.context.StoppableService;
import io.libres.db.Scheduler;
import io.libres.db.Work;
import io.libres.errors.ConnectionFailure;
import io.libres.errors.ConnectionPoolExhausted;
import io.libres.errors.DatabaseAuthenticationFailed;
import io.libres.errors.DatabaseMissing;
import io.libres.errors.DatabaseUnreachable;
import io.libres.errors.StorageException;
import io.libres.errors.UnknownDatabaseHost;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.spi.StorageProvider;
import io.libres.spi.UnitOfWork;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection trouble says what it is, for a storage with a pool of its own made from a
 * {@code dsn}, on a real PostgreSQL: each cause a typed {@link ConnectionFailure}; permanent ones
 * (missing database, nothing listening, unknown host, wrong password) reported by the driver at
 * once, never by the pool after its connection timeout (left at its 30 seconds here); and the
 * pool's size and timeouts taken from the context settings {@code storage_pool_size},
 * {@code storage_connection_timeout} and {@code storage_idle_timeout}.
 */
@WithPostgres
@DisplayName("connection failures and pool settings")
public abstract class ConnectionFailureKit {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFailureKit.class);

    /** The test database; {@code @WithPostgres} injects it. */
    protected TestDatabase database;

    /** Creates the group. */
    protected ConnectionFailureKit() {
    }

    /**
     * The size and timeouts of a storage's own pool, as the adapter reports them.
     *
     * @param size the most connections
     * @param connectionTimeout the wait for a free connection
     * @param idleTimeout how long an unused connection stays open
     */
    public record PoolConfig(int size, Duration connectionTimeout, Duration idleTimeout) {
    }

    /**
     * The adapter's storage with a pool of its own on a dsn, the pool's settings at their defaults.
     *
     * @param dsn a JDBC URL with user and password
     * @return a new storage, not yet connected
     */
    protected abstract Storage connect(String dsn);

    /**
     * The adapter's storage provider (the one {@link java.util.ServiceLoader} finds).
     *
     * @return the provider
     */
    protected abstract StorageProvider provider();

    /**
     * The settings of the pool a storage made from its dsn.
     *
     * @param storage a storage of the adapter, made from a dsn
     * @return its pool's size and timeouts
     */
    protected abstract PoolConfig poolConfig(Storage storage);

    private String dsn() {
        return dsn(database.jdbcUrl(), database.user(), database.password());
    }

    private static String dsn(String url, String user, String password) {
        String dsn = url + (url.contains("?") ? "&" : "?") + "user=" + user;
        return password.isEmpty() ? dsn : dsn + "&password=" + password;
    }

    private String withDatabase(String name) {
        return dsn().replace("/" + database.databaseName() + "?", "/" + name + "?");
    }

    private static void stop(Storage storage) {
        if (storage instanceof StoppableService) {
            ((StoppableService) storage).stopService();
        }
    }

    /** Begins a unit of work on a fresh storage of the dsn and returns what it threw. */
    private <T extends ConnectionFailure> T failure(String dsn, Class<T> type) {
        Storage storage = connect(dsn);
        try {
            long started = System.nanoTime();
            T failure = catchThrowableOfType(type, storage::begin);
            LOG.info("{} {} after {} ms: {}", getClass().getSimpleName(), type.getSimpleName(),
                    (System.nanoTime() - started) / 1_000_000, failure == null ? null : failure.getMessage());
            assertThat(failure).as("a %s", type.getSimpleName()).isNotNull();
            // the driver answered, not the pool after its 30 s connection timeout
            assertThat(causes(failure)).noneMatch(SQLTransientConnectionException.class::isInstance);
            return failure;
        } finally {
            stop(storage);
        }
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable t = failure; t != null && !all.contains(t); t = t.getCause()) {
            all.add(t);
        }
        return all;
    }

    private Context context(Duration connectionTimeout, int size) {
        Context context = Registry.createDefault().registerContext("pool-" + UUID.randomUUID());
        context.setSetting(Settings.DSN, dsn());
        context.setSetting("storage", provider().name());
        context.setSetting(Settings.POOL_SIZE, size);
        context.setSetting(Settings.POOL_CONNECTION_TIMEOUT, connectionTimeout);
        return context;
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
        // roles are the server's: one of this group's own per adapter
        String role = "libres_pw_" + getClass().getSimpleName().toLowerCase(Locale.ROOT);
        try (Connection admin = database.dataSource().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("DROP ROLE IF EXISTS " + role);
            sql.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'right-secret-1'");
            Path hba;
            try (ResultSet file = sql.executeQuery("SHOW hba_file")) {
                file.next();
                hba = Path.of(file.getString(1));
            }
            String original = Files.readString(hba, StandardCharsets.UTF_8);
            // the embedded server trusts everyone; make it ask this one role for its password
            Files.writeString(hba, "host all " + role + " 127.0.0.1/32 scram-sha-256\n"
                    + "host all " + role + " ::1/128 scram-sha-256\n" + original, StandardCharsets.UTF_8);
            try {
                sql.execute("SELECT pg_reload_conf()");
                String url = database.jdbcUrl().replace("localhost", "127.0.0.1");
                DatabaseAuthenticationFailed failure = failure(dsn(url, role, "wrong-secret-2"),
                        DatabaseAuthenticationFailed.class);
                assertThat(failure).hasMessageContaining("refused the credentials")
                        .hasMessageNotContaining("wrong-secret-2");
                assertThat(failure.sqlState()).contains("28P01");
                Storage right = connect(dsn(url, role, "right-secret-1"));
                try (UnitOfWork work = right.begin()) {
                    assertThat(work.isOpen()).isTrue();
                } finally {
                    stop(right);
                }
            } finally {
                Files.writeString(hba, original, StandardCharsets.UTF_8);
                sql.execute("SELECT pg_reload_conf()");
                sql.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    @Test
    @DisplayName("a pool whose connections are all held is ConnectionPoolExhausted after storage_connection_timeout, saying the database refused nothing")
    void exhausted() throws Exception {
        Storage storage = provider().create(context(Duration.ofMillis(250), 1));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            storage.setupDatabase();
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
            stop(storage);
        }
    }

    @Test
    @DisplayName("the pool made from the dsn takes its size and timeouts from the context, and stops with it")
    void poolSettingsFromTheContext() {
        Context context = context(Duration.ofSeconds(2), 3);
        context.setSetting(Settings.POOL_IDLE_TIMEOUT, Duration.ofMinutes(2));
        Storage storage = context.getService(StoragePorts.STORAGE);
        storage.setupDatabase();
        Scheduler scheduler = new Scheduler(context, "pool", ZoneId.of("Europe/Zurich"));
        try (Work work = scheduler.begin()) {
            assertThat(scheduler.managedAllocations().count()).isZero();
            work.commit();
        }
        assertThat(poolConfig(storage)).isEqualTo(new PoolConfig(3, Duration.ofSeconds(2), Duration.ofMinutes(2)));
        assertThat(storage.poolStatistics()).hasValueSatisfying(pool -> {
            assertThat(pool.maximumConnections()).isEqualTo(3);
            assertThat(pool.activeConnections()).isZero();
        });

        context.stopServices();

        assertThat(catchThrowableOfType(StorageException.class, storage::begin)).isNotNull();
        assertThat(context.getService(StoragePorts.STORAGE)).isNotSameAs(storage);
        context.stopServices();
    }
}
