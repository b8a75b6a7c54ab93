package io.libres.testkit.internal;

import io.libres.context.StoppableService;
import io.libres.errors.LibresException;
import io.libres.spi.Storage;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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
     * @param kit the kit class, where the walk up the hierarchy stops
     * @param factory the subclass's factory
     * @return the storage, never null
     * @throws IllegalStateException if the subclass reads a database it was not given (no
     *     {@code @WithPostgres}), returns null or fails with a NullPointerException
     */
    public static Storage newStorage(Object test, Class<?> kit, Supplier<Storage> factory) {
        Class<?> type = test.getClass();
        String databaseField = databaseField(type, kit);
        if (databaseField != null && !AnnotationSupport.isAnnotated(type, WithPostgres.class)) {
            throw new IllegalStateException(type.getName() + " has the field '" + databaseField + "' but is not"
                    + " annotated with @WithPostgres (io.libres.testkit.postgres.WithPostgres), so nothing injects it"
                    + " and newStorage() would see null; annotate the class with @WithPostgres");
        }
        Storage storage;
        try {
            storage = factory.get();
        } catch (NullPointerException e) {
            throw new IllegalStateException(type.getName() + ".newStorage() failed with a NullPointerException ("
                    + e.getMessage() + "); if it uses a TestDatabase or DataSource field, annotate the class with"
                    + " @WithPostgres, which injects them before newStorage() runs", e);
        }
        if (storage == null) {
            throw new IllegalStateException(type.getName() + ".newStorage() returned null; expected the storage under"
                    + " test");
        }
        return storage;
    }

    private static String databaseField(Class<?> type, Class<?> kit) {
        for (Class<?> c = type; c != null && c != kit && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && (field.getType() == TestDatabase.class
                        || field.getType() == DataSource.class)) {
                    return field.getName();
                }
            }
        }
        return null;
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
