package io.libres.testkit.memory;

import io.libres.context.Context;
import io.libres.errors.SerializationFailure;
import io.libres.spi.StoragePorts;
import io.libres.spi.Storage;
import io.libres.spi.UnitOfWork;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A storage that keeps everything in memory, for tests. Thread-safe; each thread uses its own
 * units of work.
 *
 * <p>Sequences, like PostgreSQL's, are not rolled back: an id is never handed out twice.
 */
public final class InMemoryStorage implements Storage {

    private final Object commitLock = new Object();
    private final Clock clock;
    private Tables committed = new Tables();
    private long version;

    final AtomicInteger allocationIds = new AtomicInteger();
    final AtomicInteger reservationIds = new AtomicInteger();
    final AtomicInteger blockerIds = new AtomicInteger();
    final AtomicLong statements = new AtomicLong();

    private InMemoryStorage(Clock clock) {
        this.clock = clock;
    }

    /**
     * An empty storage whose timestamps come from the system clock.
     *
     * @return the storage
     */
    public static InMemoryStorage create() {
        return new InMemoryStorage(Clock.systemUTC());
    }

    /**
     * An empty storage whose timestamps (created, modified) come from the given clock, so tests
     * of session expiry can move time.
     *
     * @param clock the clock
     * @return the storage
     */
    public static InMemoryStorage create(Clock clock) {
        return new InMemoryStorage(clock);
    }

    /**
     * Sets this storage as the storage of a context (and of the contexts inheriting from it),
     * overriding any discovered adapter.
     *
     * @param context an unlocked context
     * @return this storage
     * @throws io.libres.errors.ContextIsLocked if the context is locked
     */
    public InMemoryStorage install(Context context) {
        context.setService(StoragePorts.STORAGE.key(), ctx -> this, true);
        return this;
    }

    /**
     * Creates an empty storage and installs it on a context.
     *
     * @param context an unlocked context
     * @return the storage
     * @throws io.libres.errors.ContextIsLocked if the context is locked
     */
    public static InMemoryStorage installOn(Context context) {
        return create().install(context);
    }

    /**
     * Begins a unit of work on a private copy of the committed state.
     *
     * @return the unit of work
     */
    @Override
    public UnitOfWork begin() {
        synchronized (commitLock) {
            return new MemoryUnitOfWork(this, committed.copy(), version, clock);
        }
    }

    /**
     * How many store calls (reads and writes, each terminal operation of a query result, savepoints)
     * all units of work of this storage made: the in-memory counterpart of the statements a SQL
     * storage sends, for the statement-count group of the contract kit.
     *
     * @return the running count
     */
    public long statements() {
        return statements.get();
    }

    /**
     * Does nothing: the tables always exist.
     */
    @Override
    public void setupDatabase() {
        // nothing to create in memory
    }

    void commit(MemoryUnitOfWork work) {
        synchronized (commitLock) {
            if (work.hasWritten() && version != work.baseVersion()) {
                throw new SerializationFailure("a concurrent unit of work committed writes since this one"
                        + " began; roll back and run it again", SerializationFailure.SERIALIZATION_FAILURE, null);
            }
            if (work.hasWritten()) {
                committed = work.tables();
                version++;
            }
        }
    }
}
