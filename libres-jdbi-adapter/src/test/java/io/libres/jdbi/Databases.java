package io.libres.jdbi;

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

    /** The JDBC URL of a test database with its user and password, as a dsn setting holds it. */
    static String dsn(TestDatabase database) {
        String url = database.jdbcUrl();
        String dsn = url + (url.contains("?") ? "&" : "?") + "user=" + database.user();
        return database.password().isEmpty() ? dsn : dsn + "&password=" + database.password();
    }

    /** A storage with a pool of its own of the given size on a test database, waiting 1 s at most for a connection. */
    static JdbiStorage limitedStorage(TestDatabase database, int connections) {
        return JdbiStorage.builder().dsn(dsn(database)).poolSize(connections)
                .connectionTimeout(java.time.Duration.ofSeconds(1)).build();
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
