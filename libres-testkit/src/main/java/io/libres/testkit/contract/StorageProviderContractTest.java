package io.libres.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.context.StoppableService;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.spi.StorageProvider;
import io.libres.spi.UnitOfWork;
import io.libres.testkit.internal.KitSupport;
import io.libres.testkit.junit.internal.Dsn;
import io.libres.testkit.postgres.Isolation;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The provider path of a storage adapter, on a real PostgreSQL: the storage is made the way
 * applications get it, from a context's {@code dsn} through the {@link StorageProvider} that
 * {@link ServiceLoader} discovers, and on a pooled data source with auto-commit off, as
 * applications configure pools; it runs a few units of work, is stopped, and every connection must
 * be back and closed. Extend it with the provider's name and a way to put the storage on a data
 * source:
 *
 * <pre>{@code
 * class MyStorageProviderTest extends StorageProviderContractTest {
 *     protected String providerName() { return "mine"; }
 *     protected Storage storageOn(DataSource dataSource) { return MyStorage.on(dataSource); }
 * }
 * }</pre>
 *
 * <p>Each test gets a database of its own ({@code @WithPostgres} is inherited), so connections are
 * counted on the server ({@code pg_stat_activity}) without other tests in the way.
 */
@WithPostgres(isolation = Isolation.PER_TEST)
public abstract class StorageProviderContractTest {

    /** Injected by {@code @WithPostgres}: the test's own database. */
    TestDatabase database;

    /**
     * The {@link StorageProvider#name()} of the provider under test, as listed in
     * {@code META-INF/services/io.libres.spi.StorageProvider}.
     *
     * @return the name
     */
    protected abstract String providerName();

    /**
     * The adapter's storage on a data source the caller owns (the kit's pool, auto-commit off).
     *
     * @param dataSource the data source
     * @return the storage; stopping it must leave the data source open
     */
    protected abstract Storage storageOn(DataSource dataSource);

    private StorageProvider provider() {
        List<String> names = new ArrayList<>();
        for (StorageProvider provider : ServiceLoader.load(StorageProvider.class)) {
            if (provider.name().equals(providerName())) {
                return provider;
            }
            names.add(provider.name());
        }
        throw new AssertionError("no StorageProvider named '" + providerName() + "' is listed in"
                + " META-INF/services/" + StorageProvider.class.getName() + " on the test class path; found " + names);
    }

    private Context context() {
        Context context = Registry.createDefault().registerContext("provider-" + UUID.randomUUID());
        context.setSetting("dsn", Dsn.of(database));
        context.setSetting(StoragePorts.STORAGE.serviceName(), providerName());
        return context;
    }

    /** The server's connections to the test database, but the one asking: by state. */
    private List<String> backends() {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT coalesce(state, 'unknown') FROM pg_stat_activity"
                        + " WHERE datname = ? AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
            s.setString(1, database.databaseName());
            List<String> states = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    states.add(rs.getString(1));
                }
            }
            return states;
        } catch (SQLException e) {
            throw new AssertionError("could not read pg_stat_activity: " + e.getMessage(), e);
        }
    }

    /** Closing a pool ends its backends asynchronously on the server: wait for them to go, a little. */
    private List<String> backendsAfterClose() throws InterruptedException {
        List<String> left = backends();
        for (int i = 0; i < 100 && !left.isEmpty(); i++) {
            Thread.sleep(50);
            left = backends();
        }
        return left;
    }

    private static void work(Storage storage) {
        UUID resource = UUID.randomUUID();
        storage.setupDatabase();
        try (UnitOfWork work = storage.begin()) {
            work.allocations().insert(List.of(ContractFixture.allocation(resource, ContractFixture.hour(0), 1)));
            work.commit();
        }
        try (UnitOfWork work = storage.begin()) {
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).count()).isEqualTo(1);
            work.rollback();
        }
        try (UnitOfWork work = storage.begin()) {
            assertThat(work.allocations().delete(AllocationCriteria.ofResource(resource))).isEqualTo(1);
            work.commit();
        }
    }

    @Test
    @DisplayName("the provider is discovered by ServiceLoader under its name, and a context that names it in its"
            + " 'storage' setting gets its storage")
    void discovered() {
        StorageProvider provider = provider();
        Context context = context();
        Storage storage = context.getService(StoragePorts.STORAGE);
        try {
            Storage direct = provider.create(context);
            try {
                assertThat(storage).isNotNull().hasSameClassAs(direct);
            } finally {
                KitSupport.stop(direct);
            }
        } finally {
            KitSupport.stop(storage);
        }
    }

    @Test
    @DisplayName("a storage made from the context's dsn works, holds no connection in a transaction between units of"
            + " work, and once stopped leaves no connection open")
    void fromDsn() throws Exception {
        Storage storage = context().getService(StoragePorts.STORAGE);
        assertThat(storage).as("a storage made from a dsn owns a pool, so it must be stoppable"
                + " (StoppableService or AutoCloseable)").isInstanceOfAny(StoppableService.class, AutoCloseable.class);
        try {
            work(storage);
            assertThat(backends()).as("connections of the storage between units of work: none active or in a"
                    + " transaction").allMatch("idle"::equals);
        } finally {
            KitSupport.stop(storage);
        }
        assertThat(backendsAfterClose()).as("connections left open after the storage was stopped").isEmpty();
    }

    @Test
    @DisplayName("on a pooled data source with auto-commit off, a fresh storage's first units of work succeed, every"
            + " connection goes back without an open transaction, and stopping leaves the caller's pool open")
    void onPoolWithoutAutoCommit() throws Exception {
        KitPool pool = new KitPool(database.dataSource());
        try {
            Storage storage = storageOn(pool);
            try {
                work(storage);
                assertThat(pool.borrowed()).as("connections not given back to the pool").isZero();
                assertThat(pool.returnedInTransaction()).as("connections given back inside an open transaction (the"
                        + " next borrower would inherit it)").isZero();
            } finally {
                KitSupport.stop(storage);
            }
            try (Connection c = pool.getConnection()) {
                assertThat(c.isValid(5)).as("the caller's pool stays usable after the storage stopped").isTrue();
            }
        } finally {
            pool.close();
        }
        assertThat(backendsAfterClose()).as("connections left open after the pool closed").isEmpty();
    }
}
