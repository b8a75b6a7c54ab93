package io.libres.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import io.libres.spi.Storage;
import io.libres.testkit.kit.StorageContractKit;
import io.libres.testkit.postgres.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/** Runs the domain's storage contract kit (io.libres.testkit.kit) on PostgreSQL through JDBI as well. */
@DisplayName("domain storage contract kit on PostgreSQL through JDBI")
class JdbiStorageContractKitTest extends StorageContractKit {

    private static TestDatabase database;
    private static HikariDataSource pool;
    private static JdbiStorage storage;

    @Override
    protected Storage newStorage() {
        synchronized (JdbiStorageContractKitTest.class) {
            if (storage == null) {
                database = Databases.create("jdbi-contract-kit");
                pool = Databases.pool(database);
                storage = JdbiStorage.using(pool);
                storage.setupDatabase();
            }
            return storage;
        }
    }

    @AfterAll
    static void dropDatabase() {
        if (pool != null) {
            pool.close();
            Databases.drop(database);
        }
    }
}
