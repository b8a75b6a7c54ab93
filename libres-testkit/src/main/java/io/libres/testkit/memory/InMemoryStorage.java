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

    /**
     * A unit of work that joins one the caller began on this storage with {@link #begin()} and
     * owns, as an application's own transaction: the in-memory counterpart of an SQL adapter's
     * joining of the application's transaction (for example {@code JdbiStorage.joining(handle)}),
     * for tests of code that books inside a transaction of its own. Bind it with
     * {@code Session.of(context).join(storage.joining(owner))}:
     *
     * <pre>{@code
     * UnitOfWork owner = storage.begin();
     * try (Work work = Session.of(context).join(storage.joining(owner))) {
     *     scheduler.approveReservations(scheduler.reserve(email, dates));
     *     work.commit();
     * }
     * owner.commit();
     * }</pre>
     *
     * <p>The joined unit of work reads and writes the owner's state behind a savepoint: committing it
     * keeps its writes in the owner, rolling it back (or closing it without commit) undoes only its
     * own; it never commits, rolls back or gives back the owner's connection. A conflict shows at the
     * owner's commit ({@link SerializationFailure}, as every unit of work of this storage): the owner
     * runs again as a whole (libres does not retry what it does not own). Every unit of work of
     * this storage is isolated as SERIALIZABLE is, so no isolation is refused. Like every unit of
     * work, the owner and the joined one belong to one thread.
     *
     * @param owner an open unit of work this storage began, not itself a joined one
     * @return the joined unit of work, open
     * @throws io.libres.errors.InvalidArgument if the owner is missing, ended, joined, or of another storage
     */
    public UnitOfWork joining(UnitOfWork owner) {
        if (owner == null) {
            throw new io.libres.errors.InvalidArgument("the unit of work to join is missing (null); expected one"
                    + " begun with this storage's begin(), open, which the caller commits or rolls back");
        }
        if (owner instanceof JoinedMemoryUnitOfWork) {
            throw new io.libres.errors.InvalidArgument("the unit of work to join is itself a joined one; expected"
                    + " the owner's unit of work, begun with this storage's begin()");
        }
        if (!(owner instanceof MemoryUnitOfWork) || ((MemoryUnitOfWork) owner).storage() != this) {
            throw new io.libres.errors.InvalidArgument("the unit of work to join was not begun by this in-memory"
                    + " storage (got " + owner.getClass().getName() + "); expected one begun with its begin()");
        }
        if (!owner.isOpen()) {
            throw new io.libres.errors.InvalidArgument("the unit of work to join is already committed, rolled"
                    + " back or closed; expected an open one");
        }
        return new JoinedMemoryUnitOfWork((MemoryUnitOfWork) owner);
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
