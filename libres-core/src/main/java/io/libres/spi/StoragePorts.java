package io.libres.spi;

/**
 * The storage port, declared once; a context resolves it with
 * {@code context.getService(StoragePorts.STORAGE)}.
 *
 * <p>Set a storage explicitly with
 * {@code context.setService(StoragePorts.STORAGE.key(), context -> storage, true)} (the
 * in-memory storage of {@code libres-testkit} offers {@code InMemoryStorage.install(context)}).
 */
public final class StoragePorts {

    /**
     * The storage port: a {@link Storage} from {@code libres-jdbi-adapter} or
     * {@code libres-jooq-adapter}, one per context.
     */
    public static final Port<StorageProvider, Storage> STORAGE = Port
            .builder("storage", StorageProvider.class, Storage.class)
            .creator((provider, context) -> provider.create(context))
            .missingModules("libres-jdbi-adapter or libres-jooq-adapter")
            .cached(true)
            .build();

    private StoragePorts() {
    }
}
