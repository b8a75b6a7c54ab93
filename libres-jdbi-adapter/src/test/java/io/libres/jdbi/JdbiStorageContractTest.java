package io.libres.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import io.libres.spi.Storage;
import io.libres.testkit.contract.CountingDataSource;
import io.libres.testkit.contract.StatementCounter;
import io.libres.testkit.contract.StorageContractTest;
import io.libres.testkit.postgres.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

import javax.sql.DataSource;

/** Runs the storage contract kit on PostgreSQL through JDBI: one database for the whole kit. */
@DisplayName("storage contract on PostgreSQL through JDBI")
class JdbiStorageContractTest extends StorageContractTest {

    private static TestDatabase database;
    private static HikariDataSource pool;
    private static CountingDataSource counting;
    private static JdbiStorage storage;

    @Override
    protected Storage newStorage() {
        synchronized (JdbiStorageContractTest.class) {
            if (storage == null) {
                database = Databases.create("jdbi-contract");
                pool = Databases.pool(database);
                counting = CountingDataSource.wrap(pool);
                storage = JdbiStorage.using(counting);
            }
            return storage;
        }
    }

    @Override
    protected boolean supportsRealDatabase() {
        return true;
    }

    @Override
    protected DataSource dataSource() {
        return pool;
    }

    @Override
    protected StatementCounter statementCounter() {
        return counting;
    }

    @AfterAll
    static void dropDatabase() {
        if (pool != null) {
            pool.close();
            Databases.drop(database);
        }
    }
}
