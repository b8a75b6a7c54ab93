package io.libres.spi;

import io.libres.context.Context;

/**
 * Announces a {@link Storage} to {@link java.util.ServiceLoader}; the PostgreSQL adapters
 * ({@code libres-jdbi-adapter}, {@code libres-jooq-adapter}) each ship one, listed in
 * {@code META-INF/services/io.libres.spi.StorageProvider}. See {@link LibresProvider#priority()} for
 * the priority to choose. The testkit's {@code StorageProviderContractTest} proves a provider: a
 * storage made from a context's {@code dsn} works, and gives back and closes every connection when
 * stopped.
 */
public interface StorageProvider extends LibresProvider {

    /**
     * Creates the storage for a context, reading its settings (the {@code dsn}, for example). A
     * storage that opens a connection pool of its own implements
     * {@link io.libres.context.StoppableService} (or {@link AutoCloseable}) and closes the pool when
     * stopped; connecting may be lazy, so that a context can be made before the database is up.
     *
     * @param context the context the storage is asked from
     * @return the storage, safe to share between threads
     * @throws io.libres.errors.StorageException if the storage cannot be set up
     */
    Storage create(Context context);
}
