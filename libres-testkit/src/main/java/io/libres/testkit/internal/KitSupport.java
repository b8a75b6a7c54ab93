package io.libres.testkit.internal;

import io.libres.context.StoppableService;
import io.libres.errors.LibresException;
import io.libres.spi.Storage;

import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What the kits share: asking the subclass for its storage with messages that say what is missing
 * instead of a NullPointerException, and stopping what it returned. Not API.
 */
public final class KitSupport {

    private KitSupport() {
    }

    /**
     * Calls a kit subclass's {@code newStorage()}, failing fast when it cannot work.
     *
     * @param test the kit test instance (the subclass)
     * @param kit the kit class (kept for callers; the kit is the class declaring {@link KitPreflight})
     * @param factory the subclass's factory
     * @return the storage, never null
     * @throws KitMisconfigured if the subclass reads a database it was not given (no
     *     {@code @WithPostgres}), returns null or fails with a NullPointerException
     */
    public static Storage newStorage(Object test, Class<?> kit, Supplier<Storage> factory) {
        Class<?> type = test.getClass();
        Optional<String> problem = KitPreflight.classProblem(type);
        if (problem.isPresent()) {
            throw new KitMisconfigured(problem.get());
        }
        Storage storage;
        try {
            storage = factory.get();
        } catch (NullPointerException e) {
            throw new KitMisconfigured(type.getName() + ".newStorage() failed with a NullPointerException ("
                    + e.getMessage() + "); if it uses a TestDatabase or DataSource field, annotate the class with"
                    + " @WithPostgres, which injects them before newStorage() runs", e);
        }
        if (storage == null) {
            throw new KitMisconfigured(type.getName() + ".newStorage() returned null; expected the storage under"
                    + " test");
        }
        return storage;
    }

    /**
     * Checks that the real-database flag and the data source hook agree, stopping the storage
     * before failing so that a misconfigured subclass leaks nothing.
     *
     * @param test the kit test instance (the subclass)
     * @param storage the storage its {@code newStorage()} returned
     * @param realDatabase what its {@code supportsRealDatabase()} says
     * @param dataSource what its {@code dataSource()} returned, may be null
     * @throws KitMisconfigured if the flag and the hook contradict each other
     */
    public static void checkRealDatabaseFlag(Object test, Storage storage, boolean realDatabase,
            DataSource dataSource) {
        String type = test.getClass().getName();
        String problem = null;
        if (realDatabase && dataSource == null) {
            problem = type + ".supportsRealDatabase() is true but dataSource() returned null; expected the database"
                    + " the storage writes to (the kit reads rows back raw from it): override dataSource()";
        } else if (!realDatabase && dataSource != null) {
            problem = type + ".dataSource() returned a database but supportsRealDatabase() is false, so the checks"
                    + " only a real database passes (rows read back raw, SQLSTATEs) would stay off: override"
                    + " supportsRealDatabase() to return true";
        }
        if (problem != null) {
            stop(storage);
            throw new KitMisconfigured(problem);
        }
    }

    /**
     * Stops a storage the kit was handed, as {@code @LibresTest} does: its pool and connections are
     * released. A storage on a data source the test owns stays usable (stopping leaves the data
     * source alone), so one storage may still be handed out to every test.
     *
     * @param storage the storage, may be null
     * @throws LibresException if stopping fails
     */
    public static void stop(Storage storage) {
        try {
            if (storage instanceof StoppableService) {
                ((StoppableService) storage).stopService();
            } else if (storage instanceof AutoCloseable) {
                ((AutoCloseable) storage).close();
            }
        } catch (LibresException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("stopping the storage " + storage + " failed: " + e.getMessage(), e);
        }
    }
}
