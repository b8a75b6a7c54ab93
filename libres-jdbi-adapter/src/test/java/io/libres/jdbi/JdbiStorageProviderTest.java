package io.libres.jdbi;

import io.libres.spi.Storage;
import io.libres.testkit.contract.StorageProviderContractTest;
import org.junit.jupiter.api.DisplayName;

import javax.sql.DataSource;

/** The provider path of the Jdbi adapter: from a context's dsn, and on a pool with auto-commit off. */
@DisplayName("the jdbi storage provider, from a dsn and on a pool without auto-commit")
class JdbiStorageProviderTest extends StorageProviderContractTest {

    @Override
    protected String providerName() {
        return "jdbi";
    }

    @Override
    protected Storage storageOn(DataSource dataSource) {
        return JdbiStorage.using(dataSource);
    }
}
