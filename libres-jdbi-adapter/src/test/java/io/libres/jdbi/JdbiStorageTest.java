package io.libres.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.errors.InvalidSetting;
import io.libres.errors.StorageException;
import io.libres.json.jackson.JacksonJsonCodec;
import io.libres.spi.JsonCodec;
import io.libres.spi.Ports;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.spi.UnitOfWork;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import io.libres.time.DateRange;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

@WithPostgres
@DisplayName("setting up the JDBI storage")
class JdbiStorageTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final DateRange MORNING = DateRange.of(LocalDateTime.of(2031, 9, 1, 8, 0),
            LocalDateTime.of(2031, 9, 1, 12, 0));

    DataSource dataSource;

    private static String dsn(TestDatabase database) {
        String url = database.jdbcUrl();
        String separator = url.contains("?") ? "&" : "?";
        return url + separator + "user=" + database.user()
                + (database.password().isEmpty() ? "" : "&password=" + database.password());
    }

    /** A codec that counts its calls, to see which codec the storage uses. */
    private static final class CountingCodec implements JsonCodec {
        private final JsonCodec delegate = JacksonJsonCodec.create();
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public String toJson(Object value) {
            calls.incrementAndGet();
            return delegate.toJson(value);
        }

        @Override
        public Object fromJson(String json) {
            calls.incrementAndGet();
            return delegate.fromJson(json);
        }
    }

    @Test
    @DisplayName("a context with a dsn discovers the JDBI storage, with its own pool and the context's JSON codec")
    void discoveredFromDsn(TestDatabase database) {
        Context context = Registry.createDefault().registerContext("dsn-" + UUID.randomUUID());
        context.setSetting("dsn", dsn(database));
        CountingCodec codec = new CountingCodec();
        context.setService(Ports.JSON.key(), ctx -> codec, true);

        Storage storage = context.getService(StoragePorts.STORAGE);
        storage.setupDatabase();
        Scheduler scheduler = new Scheduler(context, "dsn", ZURICH);
        scheduler.allocate(MORNING, AllocateOptions.builder().data(Map.of("floor", 2)).build());
        scheduler.commit();

        assertThat(storage).isInstanceOf(JdbiStorage.class);
        assertThat(scheduler.managedAllocations().one().data()).containsEntry("floor", 2);
        assertThat(codec.calls.get()).isGreaterThanOrEqualTo(2);
        scheduler.rollback();
    }

    @Test
    @DisplayName("stopping the storage closes the pool it owns; no unit of work can begin afterwards")
    void stopClosesOwnedPool(TestDatabase database) {
        JdbiStorage storage = JdbiStorage.connect(dsn(database));
        storage.begin().close();

        storage.stopService();

        assertThatThrownBy(storage::begin).isInstanceOf(StorageException.class);
    }

    @Test
    @DisplayName("a context replacing the storage stops the one it made from the dsn")
    void contextStopsReplacedStorage(TestDatabase database) {
        Context context = Registry.createDefault().registerContext("stop-" + UUID.randomUUID());
        context.setSetting("dsn", dsn(database));
        Storage made = context.getService(StoragePorts.STORAGE);
        made.begin().close();

        JdbiStorage.using(dataSource).install(context);

        assertThat(context.getService(StoragePorts.STORAGE)).isNotSameAs(made);
        assertThatThrownBy(made::begin).isInstanceOf(StorageException.class);
    }

    @Test
    @DisplayName("a context without dsn gets an InvalidSetting that says what to set")
    void noDsn() {
        Context context = Registry.createDefault().registerContext("nodsn-" + UUID.randomUUID());

        assertThatThrownBy(() -> new JdbiStorageProvider().create(context))
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("dsn").hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    @DisplayName("the builder wants exactly one source of connections and a PostgreSQL URL")
    void builderChecks() {
        assertThatThrownBy(() -> JdbiStorage.builder().build()).isInstanceOf(InvalidSetting.class)
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> JdbiStorage.builder().dataSource(dataSource).jdbi(Jdbi.create(dataSource)).build())
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("got 2");
        assertThatThrownBy(() -> JdbiStorage.connect("jdbc:mysql://localhost/libres?password=secret"))
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> JdbiStorage.using((DataSource) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("a caller's Jdbi and an explicit codec are used as given")
    void usingJdbiAndCodec() {
        CountingCodec codec = new CountingCodec();
        JdbiStorage storage = JdbiStorage.builder().jdbi(Jdbi.create(dataSource)).jsonCodec(codec).build();
        storage.setupDatabase();
        Context context = Registry.createDefault().registerContext("jdbi-" + UUID.randomUUID());
        storage.install(context);
        Scheduler scheduler = new Scheduler(context, "jdbi", ZURICH);

        scheduler.allocate(MORNING, AllocateOptions.builder().data(Map.of("x", true)).build());
        scheduler.commit();

        assertThat(codec.calls.get()).isPositive();
        int stored = storage.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM allocations WHERE data->>'x'"
                + " = 'true'").mapTo(Integer.class).one());
        assertThat(stored).isPositive();
        try (UnitOfWork work = storage.begin()) {
            assertThat(work.isOpen()).isTrue();
        }
    }

    @Test
    @DisplayName("a pool without auto-commit works too: the version check leaves no transaction open")
    void poolWithoutAutoCommit(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dsn(database));
        config.setAutoCommit(false);
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbiStorage storage = JdbiStorage.using(pool);
            storage.setupDatabase();
            Context context = Registry.createDefault().registerContext("manual-" + UUID.randomUUID());
            storage.install(context);
            Scheduler scheduler = new Scheduler(context, "manual", ZURICH);

            scheduler.allocate(MORNING);
            scheduler.commit();

            assertThat(scheduler.managedAllocations().count()).isEqualTo(1);
            scheduler.rollback();
        }
    }

    @Test
    @DisplayName("an unreachable database is a StorageException with the driver's SQLSTATE")
    void unreachable() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setServerNames(new String[] {"127.0.0.1"});
        nowhere.setPortNumbers(new int[] {1});
        nowhere.setDatabaseName("libres");
        nowhere.setConnectTimeout(5);

        assertThatThrownBy(() -> JdbiStorage.using(nowhere).begin())
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.sqlState()).hasValueSatisfying(s -> assertThat(s).startsWith("08")));
    }

    @Test
    @DisplayName("a storage on a data source uses the codec of the context it is installed in, also after it is replaced")
    void installedStorageUsesContextCodec() {
        Context context = Registry.createDefault().registerContext("codec-" + UUID.randomUUID());
        CountingCodec first = new CountingCodec();
        context.setService(Ports.JSON.key(), ctx -> first, true);
        JdbiStorage storage = JdbiStorage.using(dataSource).install(context);
        storage.setupDatabase();
        Scheduler scheduler = new Scheduler(context, "codec", ZURICH);
        scheduler.allocate(MORNING, AllocateOptions.builder().data(Map.of("floor", 3)).build());
        scheduler.commit();
        int firstCalls = first.calls.get();

        CountingCodec second = new CountingCodec();
        context.setService(Ports.JSON.key(), ctx -> second, true);
        Map<String, Object> data = scheduler.managedAllocations().one().data();
        scheduler.rollback();

        assertThat(firstCalls).isPositive();
        assertThat(data).containsEntry("floor", 3);
        assertThat(second.calls.get()).isPositive();
        assertThat(first.calls.get()).isEqualTo(firstCalls);
    }
}
