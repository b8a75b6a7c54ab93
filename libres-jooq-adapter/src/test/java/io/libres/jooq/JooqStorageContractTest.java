package io.libres.jooq;

import com.zaxxer.hikari.HikariDataSource;
import io.libres.spi.Storage;
import io.libres.testkit.contract.StorageContractTest;
import io.libres.testkit.postgres.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/** Runs the storage contract kit on PostgreSQL through jOOQ: one database for the whole kit. */
@DisplayName("storage contract on PostgreSQL through jOOQ")
class JooqStorageContractTest extends StorageContractTest {

    private static TestDatabase database;
    private static HikariDataSource pool;
    private static JooqStorage storage;

    @Override
    protected Storage newStorage() {
        synchronized (JooqStorageContractTest.class) {
            if (storage == null) {
                database = Databases.create("jooq-contract");
                pool = Databases.pool(database);
                storage = JooqStorage.using(pool);
            }
            return storage;
        }
    }

    @Override
    protected boolean supportsRealDatabase() {
        return true;
    }

    @AfterAll
    static void dropDatabase() {
        if (pool != null) {
            pool.close();
            Databases.drop(database);
        }
    }
}
