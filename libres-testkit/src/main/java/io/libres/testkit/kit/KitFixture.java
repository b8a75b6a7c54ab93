package io.libres.testkit.kit;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.context.StoppableService;
import io.libres.db.Scheduler;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.time.DateRange;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * What one kit test works with: a fresh registry and context on the storage under test, and a
 * scheduler in Europe/Zurich, as libres' own tests use.
 */
public final class KitFixture {

    /** The zone of every kit scheduler. */
    public static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    private final Registry registry;
    private final Context context;
    private final Storage storage;
    private final Scheduler scheduler;
    private final List<Scheduler> others = new ArrayList<>();
    private final List<Scheduler> foreign = new ArrayList<>();
    private final java.util.function.Supplier<Object> tables;
    private javax.sql.DataSource database;

    private final IntFunction<Storage> limitedStorage;
    private final List<Storage> limited = new ArrayList<>();

    KitFixture(Storage storage) {
        this(storage, null, connections -> {
            throw new UnsupportedOperationException("the kit's connection release group needs a storage on a"
                    + " pool of " + connections + " connections: override SchedulerBehaviourKit.newStorageWithConnections");
        });
    }

    KitFixture(Storage storage, java.util.function.Supplier<Object> tables, IntFunction<Storage> limitedStorage) {
        this.limitedStorage = limitedStorage;
        this.storage = storage;
        this.tables = tables;
        this.registry = Registry.createDefault();
        this.context = registry.registerContext("kit-" + UUID.randomUUID());
        context.setService(StoragePorts.STORAGE.key(), ctx -> storage, true);
        storage.setupDatabase();
        this.scheduler = new Scheduler(context, "scheduler-" + UUID.randomUUID(), ZURICH);
    }

    /** @return the registry of this test */
    public Registry registry() {
        return registry;
    }

    /** @return the context of this test, with the storage under test installed */
    public Context context() {
        return context;
    }

    /** @return the storage under test */
    public Storage storage() {
        return storage;
    }

    /** @return the scheduler of this test */
    public Scheduler scheduler() {
        return scheduler;
    }

    /**
     * Another scheduler of the same context, cleaned up after the test.
     *
     * @param name its name
     * @return the scheduler
     */
    public Scheduler other(String name) {
        Scheduler other = new Scheduler(context, name, ZURICH);
        others.add(other);
        return other;
    }

    /**
     * A scheduler of the same context blocked by this test's scheduler, cleaned up after the test.
     *
     * @return the scheduler
     */
    public Scheduler blockedScheduler() {
        Scheduler blocked = new Scheduler(context, "blocked-" + UUID.randomUUID(), ZURICH, Set.of(scheduler.name()));
        others.add(blocked);
        return blocked;
    }

    /**
     * A storage on the same records as {@link #storage()} whose units of work share a pool of the
     * given size, with a short connection timeout; stopped after the test.
     *
     * @param connections the pool's size
     * @return the storage
     */
    public Storage storageWithConnections(int connections) {
        Storage made = limitedStorage.apply(connections);
        limited.add(made);
        return made;
    }

    /**
     * A scheduler of another context (another application) on the same storage and database,
     * cleaned up after the test. Its resource differs from this test's even for the same name.
     *
     * @param name its name
     * @return the scheduler
     */
    public Scheduler otherContext(String name) {
        Context other = registry.registerContext("kit-other-" + UUID.randomUUID());
        other.setService(StoragePorts.STORAGE.key(), ctx -> storage, true);
        Scheduler scheduler = new Scheduler(other, name, ZURICH);
        foreign.add(scheduler);
        return scheduler;
    }

    /**
     * Every row the storage holds, to compare before and after a refused call: on an SQL storage
     * (when the kit's subclass gives its database) every row of the four libres tables, read on a
     * connection of its own, so only committed rows count; else the records of this test's
     * schedulers, read in the unit of work.
     *
     * @return a value whose equality means "nothing was written"
     */
    public Object tableContents() {
        if (tables != null) {
            return tables.get();
        }
        List<Object> records = new ArrayList<>();
        List<Scheduler> all = new ArrayList<>(others);
        all.addAll(foreign);
        all.add(scheduler);
        for (Scheduler s : all) {
            records.add(s.managedAllocations().list());
            records.add(s.managedReservations().list());
            records.add(s.managedBlockers().list());
            records.add(s.managedReservedSlots().list());
        }
        return records.toString();
    }

    /**
     * The database of an SQL storage, as the kit's subclass gives it
     * ({@link SchedulerBehaviourKit#database()}), for groups that plant rows with raw SQL.
     *
     * @return the database, empty for storages without one
     */
    public java.util.Optional<javax.sql.DataSource> database() {
        return java.util.Optional.ofNullable(database);
    }

    KitFixture withDatabase(javax.sql.DataSource value) {
        this.database = value;
        return this;
    }

    /** @return whether {@link #tableContents()} reads the database's rows on a connection of its own */
    public boolean readsCommittedRows() {
        return tables != null;
    }

    /** Rolls back and removes every record the test's schedulers wrote. */
    void cleanUp() {
        for (Storage made : limited) {
            if (made instanceof StoppableService) {
                ((StoppableService) made).stopService();
            }
        }
        for (Scheduler other : foreign) {
            other.rollback();
            other.extinguishManagedRecords();
            other.commit();
        }
        scheduler.rollback();
        for (Scheduler other : others) {
            other.extinguishManagedRecords();
        }
        scheduler.extinguishManagedRecords();
        scheduler.commit();
    }

    /**
     * A local date-time in the scheduler's zone.
     *
     * @param year the year
     * @param month the month
     * @param day the day
     * @param hour the hour
     * @param minute the minute
     * @return the local date-time
     */
    public static LocalDateTime at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute);
    }

    /**
     * A range of local date-times.
     *
     * @param start the start
     * @param end the end
     * @return the range
     */
    public static DateRange range(LocalDateTime start, LocalDateTime end) {
        return DateRange.of(start, end);
    }
}
