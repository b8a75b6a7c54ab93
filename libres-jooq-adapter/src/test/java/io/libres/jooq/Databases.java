package io.libres.jooq;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.libres.testkit.postgres.PostgresServer;
import io.libres.testkit.postgres.TestDatabase;

/** Test databases on the shared PostgreSQL server, with a pool in front. */
final class Databases {

    private Databases() {
    }

    /** A new, empty database of the shared server; drop it with {@link #drop}. */
    static TestDatabase create(String label) {
        return PostgresServer.shared().createDatabase(label);
    }

    /** Drops a database made by {@link #create}. */
    static void drop(TestDatabase database) {
        PostgresServer.shared().dropDatabase(database);
    }

    /** A pool on a test database, big enough for the concurrency races. */
    static HikariDataSource pool(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        if (!database.password().isEmpty()) {
            config.setPassword(database.password());
        }
        config.setMaximumPoolSize(20);
        config.setPoolName("test-" + database.databaseName());
        return new HikariDataSource(config);
    }

    /**
     * A storage on a pool of its own of the given size on a test database, waiting 1 s at most for
     * a connection; stopping it closes the pool.
     */
    static io.libres.spi.Storage limitedStorage(TestDatabase database, int connections) {
        return pooledStorage(database, connections, 1000);
    }

    /** A storage with a pool of its own of the given size, waiting at most the given milliseconds for a connection. */
    static io.libres.spi.Storage pooledStorage(TestDatabase database, int connections, long timeoutMillis) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        if (!database.password().isEmpty()) {
            config.setPassword(database.password());
        }
        config.setMaximumPoolSize(connections);
        config.setConnectionTimeout(timeoutMillis);
        HikariDataSource pool = new HikariDataSource(config);
        JooqStorage storage = JooqStorage.using(pool);
        return new LimitedStorage(storage, pool);
    }

    /** A storage that closes its pool when it is stopped. */
    private static final class LimitedStorage implements io.libres.spi.Storage, io.libres.context.StoppableService {

        private final JooqStorage storage;
        private final HikariDataSource pool;

        LimitedStorage(JooqStorage storage, HikariDataSource pool) {
            this.storage = storage;
            this.pool = pool;
        }

        @Override
        public io.libres.spi.UnitOfWork begin() {
            return storage.begin();
        }

        @Override
        public void setupDatabase() {
            storage.setupDatabase();
        }

        @Override
        public void stopService() {
            pool.close();
        }
    }
}
