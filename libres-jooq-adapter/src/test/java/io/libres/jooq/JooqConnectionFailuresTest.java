package io.libres.jooq;

import io.libres.spi.Storage;
import io.libres.spi.StorageProvider;
import io.libres.testkit.sql.ConnectionFailureKit;
import org.junit.jupiter.api.DisplayName;

import java.time.Duration;

/** Runs the kit group {@link ConnectionFailureKit} on the jOOQ adapter's own pool. */
@DisplayName("jOOQ: connection failures and pool settings")
class JooqConnectionFailuresTest extends ConnectionFailureKit {

    @Override
    protected Storage connect(String dsn) {
        return JooqStorage.connect(dsn);
    }

    @Override
    protected StorageProvider provider() {
        return new JooqStorageProvider();
    }

    @Override
    protected PoolConfig poolConfig(Storage storage) {
        return ((JooqStorage) storage).poolConfig().map(config -> new PoolConfig(config.getMaximumPoolSize(),
                Duration.ofMillis(config.getConnectionTimeout()), Duration.ofMillis(config.getIdleTimeout())))
                .orElseThrow();
    }
}
