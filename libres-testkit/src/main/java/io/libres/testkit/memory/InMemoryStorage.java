package io.libres.testkit.memory;

import io.libres.context.Context;
import io.libres.errors.ConnectionPoolExhausted;
import io.libres.errors.SerializationFailure;
import io.libres.spi.StoragePorts;
import io.libres.spi.Storage;
import io.libres.spi.UnitOfWork;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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

    private final Semaphore connections;
    private final int connectionLimit;
    private final Duration connectionWait;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    private InMemoryStorage(Clock clock) {
        this(clock, 0, Duration.ZERO);
    }

    private InMemoryStorage(Clock clock, int connectionLimit, Duration connectionWait) {
        this.clock = clock;
        this.connectionLimit = connectionLimit;
        this.connections = connectionLimit > 0 ? new Semaphore(connectionLimit, true) : null;
        this.connectionWait = connectionWait;
    }

    /**
     * An empty storage that behaves like one on a connection pool of a given size: at most that
     * many units of work are open at once, and {@link #begin()} waits for one to end at most the
     * given time, then fails with {@link ConnectionPoolExhausted}, as a pooled SQL storage does.
     * For tests that show units of work give their connection back.
     *
     * @param connections how many units of work may be open at once, 1 or more
     * @param wait how long {@code begin()} waits for a free one
     * @return the storage
     * @throws io.libres.errors.InvalidArgument if there are no connections or the wait is missing or negative
     */
    public static InMemoryStorage withConnections(int connections, Duration wait) {
        if (connections < 1 || wait == null || wait.isNegative()) {
            throw new io.libres.errors.InvalidArgument("an in-memory storage needs 1 or more connections and a wait"
                    + " of zero or more; got " + connections + " and " + wait);
        }
        return new InMemoryStorage(Clock.systemUTC(), connections, wait);
    }

    /**
     * How many units of work are open now.
     *
     * @return the count
     */
    public int openUnitsOfWork() {
        return open.get();
    }

    /**
     * The most units of work that were open at once since the storage was made.
     *
     * @return the peak
     */
    public int peakOpenUnitsOfWork() {
        return peak.get();
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
     * Begins a unit of work on the committed state, which it copies at its first write.
     *
     * @return the unit of work
     */
    @Override
    public UnitOfWork begin() {
        acquire();
        try {
            synchronized (commitLock) {
                return new MemoryUnitOfWork(this, committed, version, clock);
            }
        } catch (RuntimeException | Error e) {
            release();
            throw e;
        }
    }

    private void acquire() {
        if (connections != null) {
            boolean got;
            try {
                got = connections.tryAcquire(connectionWait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                got = false;
            }
            if (!got) {
                throw new ConnectionPoolExhausted("all " + connectionLimit + " connections of the in-memory storage"
                        + " are held by open units of work and none became free within " + connectionWait.toMillis()
                        + " ms; the storage refused nothing: end units of work sooner (close scopes, commit or roll"
                        + " back libres-style work), or allow more connections", null, null);
            }
        }
        int now = open.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    /** Gives back the connection of a unit of work that ended; called once per unit of work. */
    void release() {
        open.decrementAndGet();
        if (connections != null) {
            connections.release();
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
