package io.libres.spi;

import io.libres.context.Context;

/**
 * Announces a {@link Storage} to {@link java.util.ServiceLoader}; the PostgreSQL adapters
 * ({@code libres-jdbi-adapter}, {@code libres-jooq-adapter}) each ship one.
 */
public interface StorageProvider extends LibresProvider {

    /**
     * Creates the storage for a context, reading its settings (the {@code dsn}, for example).
     *
     * @param context the context the storage is asked from
     * @return the storage, safe to share between threads
     * @throws io.libres.errors.StorageException if the storage cannot be set up
     */
    Storage create(Context context);
}
