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
}
