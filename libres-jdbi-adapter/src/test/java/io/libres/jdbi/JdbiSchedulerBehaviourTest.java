package io.libres.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import io.libres.spi.Storage;
import io.libres.testkit.kit.SchedulerBehaviourKit;
import io.libres.testkit.postgres.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

import java.util.Optional;
import javax.sql.DataSource;

/** The scheduler's behaviour kit on PostgreSQL through JDBI: one database for the whole kit. */
@DisplayName("scheduler behaviour on PostgreSQL through JDBI")
class JdbiSchedulerBehaviourTest extends SchedulerBehaviourKit {

    private static TestDatabase database;
    private static HikariDataSource pool;
    private static JdbiStorage storage;

    @Override
    protected Storage newStorage() {
        synchronized (JdbiSchedulerBehaviourTest.class) {
            if (storage == null) {
                database = Databases.create("jdbi-behaviour");
                pool = Databases.pool(database);
                storage = JdbiStorage.using(pool);
            }
            return storage;
        }
    }

    @Override
    protected Storage newStorageWithConnections(int connections) {
        newStorage();
        return Databases.limitedStorage(database, connections);
    }

    @Override
    protected Optional<DataSource> database() {
        newStorage();
        return Optional.of(pool);
    }

    @AfterAll
    static void dropDatabase() {
        if (pool != null) {
            pool.close();
            Databases.drop(database);
        }
    }
}
