package io.libres.jdbi;

import io.libres.context.Context;
import io.libres.errors.InvalidSetting;
import io.libres.spi.Ports;
import io.libres.spi.Storage;
import io.libres.spi.StorageProvider;

/**
 * Announces the JDBI storage to {@link java.util.ServiceLoader}: a context with a {@code dsn}
 * setting gets a {@link JdbiStorage} with a connection pool of its own, sized and timed by the
 * context's settings {@code storage_pool_size}, {@code storage_connection_timeout} and
 * {@code storage_idle_timeout}, and closed when the context discards the storage or stops its
 * services ({@link Context#stopServices()}).
 */
public final class JdbiStorageProvider implements StorageProvider {

    /**
     * Creates the provider; {@link java.util.ServiceLoader} calls this.
     */
    public JdbiStorageProvider() {
        // nothing to set up before a context asks
    }

    /**
     * The provider's name.
     *
     * @return {@code "jdbi"}
     */
    @Override
    public String name() {
        return "jdbi";
    }

    /**
     * Creates a storage with a pool on the context's {@code dsn}, using the context's JSON codec.
     *
     * @param context the context the storage is asked from
     * @return the storage
     * @throws InvalidSetting if the context has no {@code dsn} setting, or it is not a PostgreSQL URL
     * @throws io.libres.errors.StorageException if the pool cannot be set up
     */
    @Override
    public Storage create(Context context) {
        String dsn = context.dsn().orElseThrow(() -> new InvalidSetting("the context '" + context.name()
                + "' has no 'dsn' setting; expected a JDBC URL such as jdbc:postgresql://localhost:5432/libres,"
                + " or set a storage with JdbiStorage.using(dataSource).install(context)"));
        return JdbiStorage.builder().dsn(dsn).poolSettingsOf(context).replicaSettingsOf(context).jsonCodec(() -> context.getService(Ports.JSON)).build();
    }
}
