package io.libres.testkit.junit.internal;

import io.libres.Libres;
import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.context.StoppableService;
import io.libres.db.Scheduler;
import io.libres.errors.LibresException;
import io.libres.spi.Storage;
import io.libres.testkit.junit.EventRecorder;
import io.libres.testkit.postgres.TestDatabase;

import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one test of {@link io.libres.testkit.junit.LibresTest} works with: its own registry,
 * context, storage, event recorder and scheduler. Closing it rolls back the thread's unit of
 * work, removes what the scheduler committed to a shared database, and stops the storage.
 * It is an {@code AutoCloseable} for JUnit 5.13 and newer and a {@code CloseableResource} for
 * JUnit 5.10 to 5.12, which close only those.
 */
@SuppressWarnings("deprecation")
public final class TestFixture implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final TestSetup setup;
    private final Registry registry;
    private final Context context;
    private final EventRecorder recorder;
    private final Storage storage;
    private final Scheduler scheduler;
    private final Optional<TestDatabase> database;

    private TestFixture(TestSetup setup, Registry registry, Context context, EventRecorder recorder, Storage storage,
            Scheduler scheduler, Optional<TestDatabase> database) {
        this.setup = setup;
        this.registry = registry;
        this.context = context;
        this.recorder = recorder;
        this.storage = storage;
        this.scheduler = scheduler;
        this.database = database;
    }

    /**
     * Makes the fixture of one test.
     *
     * @param setup what the test asks for
     * @param database the test's database for a SQL storage; empty for the in-memory storage
     * @return the fixture
     * @throws ExtensionConfigurationException if the context or the storage cannot be made, or a
     *     SQL storage was asked for without a database
     */
    public static TestFixture create(TestSetup setup, Optional<TestDatabase> database) {
        Registry registry = Registry.createDefault();
        Context context;
        try {
            context = registry.registerContext(setup.contextName());
        } catch (LibresException e) {
            throw new ExtensionConfigurationException("@LibresTest(context = \"" + setup.contextName()
                    + "\") cannot be registered: " + e.getMessage(), e);
        }
        EventRecorder recorder = EventRecorder.attachTo(context);
        Storage storage = StorageChoice.install(setup, context, database);
        Scheduler scheduler = Libres.newScheduler(context, setup.schedulerName(), setup.zone());
        return new TestFixture(setup, registry, context, recorder, storage, scheduler, database);
    }

    /** @return what the test asked for */
    public TestSetup setup() {
        return setup;
    }

    /** @return the test's own registry */
    public Registry registry() {
        return registry;
    }

    /** @return the test's context, with the storage installed */
    public Context context() {
        return context;
    }

    /** @return the recorder of the context's events */
    public EventRecorder recorder() {
        return recorder;
    }

    /** @return the test's storage */
    public Storage storage() {
        return storage;
    }

    /** @return the test's scheduler */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** @return the database under a SQL storage; empty for the in-memory storage */
    public Optional<TestDatabase> database() {
        return database;
    }

    /**
     * Rolls back the calling thread's unit of work; on a database, which later tests of the class
     * may share, also removes the scheduler's records; then stops the storage if it can be stopped.
     */
    @Override
    public void close() throws Exception {
        recorder.close();
        try {
            scheduler.rollback();
            if (database.isPresent()) {
                scheduler.extinguishManagedRecords();
                scheduler.commit();
            }
        } finally {
            scheduler.close();
            if (storage instanceof StoppableService stoppable) {
                stoppable.stopService();
            } else if (storage instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
