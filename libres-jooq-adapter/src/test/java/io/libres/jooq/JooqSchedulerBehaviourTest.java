package io.libres.jooq;

import com.zaxxer.hikari.HikariDataSource;
import io.libres.spi.Storage;
import io.libres.testkit.kit.SchedulerBehaviourKit;
import io.libres.testkit.postgres.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

import java.util.Optional;
import javax.sql.DataSource;

/** The scheduler's behaviour kit on PostgreSQL through jOOQ: one database for the whole kit. */
@DisplayName("scheduler behaviour on PostgreSQL through jOOQ")
class JooqSchedulerBehaviourTest extends SchedulerBehaviourKit {

    private static TestDatabase database;
    private static HikariDataSource pool;
    private static JooqStorage storage;

    @Override
    protected Storage newStorage() {
        synchronized (JooqSchedulerBehaviourTest.class) {
            if (storage == null) {
                database = Databases.create("jooq-behaviour");
                pool = Databases.pool(database);
                storage = JooqStorage.using(pool);
            }
            return storage;
        }
    }

    @Override
    protected Optional<DataSource> database() {
        newStorage();
        return Optional.of(pool);
    }

    @Override
    protected Storage newStorageWithConnections(int connections) {
        newStorage();
        return Databases.limitedStorage(database, connections);
    }

    @AfterAll
    static void dropDatabase() {
        if (pool != null) {
            pool.close();
            Databases.drop(database);
        }
    }
}
