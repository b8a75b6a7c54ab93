package io.libres.jdbi;

import io.libres.spi.Storage;
import io.libres.spi.StorageProvider;
import io.libres.testkit.sql.ConnectionFailureKit;
import org.junit.jupiter.api.DisplayName;

import java.time.Duration;

/** Runs the kit group {@link ConnectionFailureKit} on the JDBI adapter's own pool. */
@DisplayName("JDBI: connection failures and pool settings")
class ConnectionFailuresTest extends ConnectionFailureKit {

    @Override
    protected Storage connect(String dsn) {
        return JdbiStorage.connect(dsn);
    }

    @Override
    protected StorageProvider provider() {
        return new JdbiStorageProvider();
    }

    @Override
    protected PoolConfig poolConfig(Storage storage) {
        return ((JdbiStorage) storage).poolConfig().map(config -> new PoolConfig(config.getMaximumPoolSize(),
                Duration.ofMillis(config.getConnectionTimeout()), Duration.ofMillis(config.getIdleTimeout())))
                .orElseThrow();
    }
}
