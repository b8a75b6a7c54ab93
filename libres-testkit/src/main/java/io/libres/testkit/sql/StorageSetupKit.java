package io.libres.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.context.StoppableService;
import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.errors.InvalidSetting;
import io.libres.errors.StorageException;
import io.libres.spi.JsonCodec;
import io.libres.spi.Ports;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.spi.StorageProvider;
import io.libres.spi.UnitOfWork;
import io.libres.testkit.contract.KitPool;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import io.libres.time.DateRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Setting the adapter's storage up as applications do: discovered from a context's {@code dsn},
 * on a pool of its own that stopping closes, on the caller's data source, with an explicit JSON
 * codec, on a pool without auto-commit, and against an unreachable database.
 *
 * <p>Besides {@link #storageOn(DataSource)} the adapter says which class it is, how it connects
 * from a {@code dsn} on a pool of its own, its provider, and how a caller hands it a codec.
 */
@WithPostgres
@DisplayName("setting up the storage")
public abstract class StorageSetupKit extends SqlAdapterKit {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final DateRange MORNING = DateRange.of(LocalDateTime.of(2031, 9, 1, 8, 0),
            LocalDateTime.of(2031, 9, 1, 12, 0));

    /** Creates the group. */
    protected StorageSetupKit() {
    }

    /**
     * The adapter's storage class, which a context with a {@code dsn} must discover.
     *
     * @return the class
     */
    protected abstract Class<? extends Storage> storageType();

    /**
     * The adapter's storage on a pool of its own, made from a {@code dsn}; stopping it closes the pool.
     *
     * @param dsn a PostgreSQL JDBC URL with user and password
     * @return a new storage
     */
    protected abstract Storage connect(String dsn);

    /**
     * A new instance of the adapter's provider, as the ServiceLoader makes it.
     *
     * @return the provider
     */
    protected abstract StorageProvider provider();

    /**
     * The adapter's storage on the caller's own connection object for the data source (a
     * {@code Jdbi}, a {@code DSLContext}) with the given codec, which it must use as given.
     *
     * @param dataSource the connections to use
     * @param codec the codec for {@code data}
     * @return a new storage
     */
    protected abstract Storage storageWithCodec(DataSource dataSource, JsonCodec codec);

    private static String dsn(TestDatabase database) {
        String url = database.jdbcUrl();
        String separator = url.contains("?") ? "&" : "?";
        return url + separator + "user=" + database.user()
                + (database.password().isEmpty() ? "" : "&password=" + database.password());
    }

    /** A codec that counts its calls, to see which codec the storage uses. */
    private static final class CountingCodec implements JsonCodec {
        private final JsonCodec delegate = Registry.createEmpty().masterContext().getService(Ports.JSON);
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

    private static void stop(Storage storage) {
        assertThat(storage).as("a storage with a pool of its own must be a StoppableService, so that the context"
                + " closes its pool").isInstanceOf(StoppableService.class);
        ((StoppableService) storage).stopService();
    }

    @Test
    @DisplayName("a context with a dsn discovers the storage, with its own pool and the context's JSON codec")
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

        assertThat(storage).isInstanceOf(storageType());
        assertThat(scheduler.managedAllocations().one().data()).containsEntry("floor", 2);
        assertThat(codec.calls.get()).isGreaterThanOrEqualTo(2);
        scheduler.rollback();
        stop(storage);
    }

    @Test
    @DisplayName("stopping the storage closes the pool it owns; no unit of work can begin afterwards")
    void stopClosesOwnedPool(TestDatabase database) {
        Storage storage = connect(dsn(database));
        storage.begin().close();

        stop(storage);

        assertThatThrownBy(storage::begin).isInstanceOf(StorageException.class);
    }

    @Test
    @DisplayName("a context replacing the storage stops the one it made from the dsn")
    void contextStopsReplacedStorage(TestDatabase database) {
        Context context = Registry.createDefault().registerContext("stop-" + UUID.randomUUID());
        context.setSetting("dsn", dsn(database));
        Storage made = context.getService(StoragePorts.STORAGE);
        made.begin().close();

        install(context, dataSource);

        assertThat(context.getService(StoragePorts.STORAGE)).isNotSameAs(made);
        assertThatThrownBy(made::begin).isInstanceOf(StorageException.class);
    }

    @Test
    @DisplayName("a context without dsn gets an InvalidSetting that says what to set")
    void noDsn() {
        Context context = Registry.createDefault().registerContext("nodsn-" + UUID.randomUUID());

        assertThatThrownBy(() -> provider().create(context))
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("dsn").hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    @DisplayName("a caller's connection object and an explicit codec are used as given")
    void callersCodec() throws SQLException {
        CountingCodec codec = new CountingCodec();
        Storage storage = storageWithCodec(dataSource, codec);
        storage.setupDatabase();
        Context context = Registry.createDefault().registerContext("codec-" + UUID.randomUUID());
        context.setService(StoragePorts.STORAGE.key(), ctx -> storage, true);
        Scheduler scheduler = new Scheduler(context, "codec", ZURICH);

        scheduler.allocate(MORNING, AllocateOptions.builder().data(Map.of("x", true)).build());
        scheduler.commit();

        assertThat(codec.calls.get()).isPositive();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet stored = statement.executeQuery("SELECT count(*) FROM allocations WHERE data->>'x' = 'true'")) {
            stored.next();
            assertThat(stored.getInt(1)).isPositive();
        }
        try (UnitOfWork work = storage.begin()) {
            assertThat(work.isOpen()).isTrue();
        }
    }

    @Test
    @DisplayName("a pool without auto-commit works too: the version check leaves no transaction open")
    void poolWithoutAutoCommit() throws SQLException {
        try (KitPool pool = new KitPool(dataSource)) {
            Context context = Registry.createDefault().registerContext("manual-" + UUID.randomUUID());
            install(context, pool);
            Scheduler scheduler = new Scheduler(context, "manual", ZURICH);

            scheduler.allocate(MORNING);
            scheduler.commit();

            assertThat(scheduler.managedAllocations().count()).isEqualTo(1);
            scheduler.rollback();
            assertThat(pool.returnedInTransaction()).as("connections given back inside a transaction").isZero();
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

        assertThatThrownBy(() -> storageOn(nowhere).begin())
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.sqlState()).hasValueSatisfying(s -> assertThat(s).startsWith("08")));
    }
}
