package io.libres.jooq;

import io.libres.spi.Storage;
import io.libres.testkit.contract.StorageProviderContractTest;
import org.junit.jupiter.api.DisplayName;

import javax.sql.DataSource;

/** The provider path of the Jooq adapter: from a context's dsn, and on a pool with auto-commit off. */
@DisplayName("the jooq storage provider, from a dsn and on a pool without auto-commit")
class JooqStorageProviderTest extends StorageProviderContractTest {

    @Override
    protected String providerName() {
        return "jooq";
    }

    @Override
    protected Storage storageOn(DataSource dataSource) {
        return JooqStorage.using(dataSource);
    }
}
