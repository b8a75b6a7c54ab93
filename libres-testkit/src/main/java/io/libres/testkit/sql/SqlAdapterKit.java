package io.libres.testkit.sql;

import io.libres.context.Context;
import io.libres.context.StoppableService;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;

/**
 * What every SQL adapter kit group asks of the adapter: its storage on a data source. The groups
 * install that storage on contexts of their own, set its tables up, and stop it after each test.
 */
public abstract class SqlAdapterKit {

    /** The test database; {@code @WithPostgres} on the group injects it. */
    protected DataSource dataSource;

    private final List<Storage> made = new ArrayList<>();

    /** Creates the group. */
    protected SqlAdapterKit() {
    }

    /**
     * The adapter's storage on the given data source, the way an application builds it on a pool of
     * its own (stopping the storage must leave that data source open). The data source may count
     * the statements sent through it, so the storage must send every statement through it.
     *
     * @param dataSource the connections to use
     * @return a new storage on them
     */
    protected abstract Storage storageOn(DataSource dataSource);

    /**
     * Installs the adapter's storage on the data source as the context's storage, sets its tables
     * up and opens and closes one unit of work, so that what a storage does once on first use (such
     * as checking the server's version) is behind the groups' counts.
     *
     * @param context the context to install on
     * @param source the connections to use
     * @return the installed storage
     */
    protected final Storage install(Context context, DataSource source) {
        Storage storage = storageOn(source);
        if (storage == null) {
            throw new IllegalStateException(getClass().getName() + ".storageOn(DataSource) returned null; expected"
                    + " the adapter's storage on the given data source");
        }
        made.add(storage);
        context.setService(StoragePorts.STORAGE.key(), ctx -> storage, true);
        storage.setupDatabase();
        storage.begin().close();
        return storage;
    }

    @AfterEach
    void stopInstalledStorages() throws Exception {
        for (Storage storage : made) {
            if (storage instanceof StoppableService) {
                ((StoppableService) storage).stopService();
            } else if (storage instanceof AutoCloseable) {
                ((AutoCloseable) storage).close();
            }
        }
        made.clear();
    }
}
