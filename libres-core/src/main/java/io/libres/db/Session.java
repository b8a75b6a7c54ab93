package io.libres.db;

import org.jspecify.annotations.Nullable;

import io.libres.context.Context;
import io.libres.events.Events;
import io.libres.context.ServiceKey;
import io.libres.errors.InvalidArgument;
import io.libres.errors.SerializationFailure;
import io.libres.errors.StorageException;
import io.libres.errors.UnitOfWorkMisused;
import io.libres.spi.Savepoint;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.spi.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The units of work of a context's storage, one per thread at a time, reached in two ways with
 * one semantics.
 *
 * <p><b>Scoped (the Java way).</b> {@link #begin()} gives a {@link Work} closed by
 * try-with-resources; {@link #transaction(Supplier)} and {@link #transaction(Runnable)} run a
 * callback in a unit of work, commit it, and retry it when a concurrent unit of work conflicts.
 * Leaving a scope without commit rolls back; nothing of it stays on the thread.
 *
 * <p><b>Thread-bound (the libres way).</b> A write of a scheduler or {@link Queries} outside any
 * scope begins the thread's unit of work, which stays open until {@link #commit()},
 * {@link #rollback()} or {@link #close()}, as libres' scoped session.
 *
 * <p><b>Reads</b> outside any unit of work (listing allocations, availability, search) run in a
 * short unit of work of their own that ends, and gives back its connection, before the call
 * returns; inside a unit of work they read in it and see its writes.
 *
 * <p><b>The nesting rule: an inner scope joins.</b> A scope begun while another is open on the
 * thread ({@code begin()} or {@code transaction(...)} inside either) joins its unit of work behind
 * a savepoint: its commit hands its writes on to the scope around it, its rollback (or leaving it
 * without commit, or an exception out of an inner {@code transaction}) undoes only its own writes.
 * Only the outermost scope commits, and only the outermost {@code transaction} retries; a
 * conflict ({@link SerializationFailure}) in an inner scope dooms the unit of work, so that the
 * outermost commit refuses with a retryable failure rather than commit half of it. Scheduler calls
 * inside a scope join it too; the libres-style {@code commit()}, {@code rollback()} and
 * {@code close()} inside a scope are refused ({@link UnitOfWorkMisused}): the scope owns the work.
 * Earlier work is never discarded silently: a thread-bound unit of work that is still open when a
 * scope begins is work a libres-style caller left neither committed nor rolled back (on a pooled
 * thread: a previous task's); it is rolled back, never joined and never committed, a warning is
 * logged and {@link #abandonedUnitsOfWork()} counts it. Commit libres-style work before a scope
 * begins, or do it inside the scope.
 *
 * <p><b>Read-only units of work and replicas.</b> {@link #readOnly(Supplier)} and
 * {@link #beginReadOnly()} are scopes that only read; so are the reads made outside any unit of
 * work. A storage with read replicas ({@code JdbiStorage.builder().replicas(...)},
 * {@code JooqStorage.builder().replicas(...)}, or the {@code replica_dsns} setting) runs them on a
 * replica, in one snapshot at REPEATABLE READ (a standby refuses SERIALIZABLE): every answer of the
 * scope comes from the same moment, which may be somewhat older than the primary's latest commit,
 * and, unlike a SERIALIZABLE unit of work, a decision taken on it is not protected against a
 * concurrent write: book in a writing scope, which always runs on the primary, as do the reads made
 * inside it. <b>Read-your-writes:</b> the session remembers the position of the latest commit made
 * through it ({@link #lastCommit()}); a later read-only unit of work of the context runs on a
 * replica only once the replica has replayed it (waiting a bounded time), else on the primary. A
 * position carried from another process or request ({@link WritePosition#token()}) is honoured the
 * same way by {@link #readOnly(WritePosition, Supplier)}.
 *
 * <p>Thread-safety: a session is shared by every thread and held for the context's life (one per
 * context; {@link #of(Context)}); a unit of work and a {@link Work} belong to the thread that began
 * them, for one task.
 */
public final class Session {

    /** The key of the session service on a context (one session per context). */
    public static final ServiceKey<Session> KEY = ServiceKey.of("session", Session.class);

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final Supplier<Storage> storage;
    /** The context whose operation listeners hear of retries; null for a session made without one. */
    private final Context context;
    private final ThreadLocal<Frame> bound = new ThreadLocal<>();
    private final AtomicLong abandoned = new AtomicLong();
    /** The latest commit position seen through this session; -1 for none. */
    private final AtomicLong lastCommit = new AtomicLong(-1);
    /** How often a read of its own runs when its connection turns out lost: about a pool's worth of dead ones. */
    private static final int READ_ATTEMPTS = 10;
    /**
     * Held by the retries of a transaction that conflicted, from its second attempt until it ends:
     * units of work that lost a conflict queue here and run again one at a time (fairly, in the
     * order they lost), instead of running again all at once into the same conflict.
     */
    private final ReentrantLock retryLane = new ReentrantLock(true);

    /**
     * Creates a session over a storage.
     *
     * @param storage supplies the storage when a unit of work begins
     */
    public Session(Supplier<Storage> storage) {
        this(storage, null);
    }

    private Session(Supplier<Storage> storage, Context context) {
        this.storage = storage;
        this.context = context;
    }

    /**
     * The session of a context.
     *
     * @param context the context
     * @return the context's session, over the storage the context resolves
     */
    public static Session of(Context context) {
        return context.getService(KEY);
    }

    /**
     * Creates the session a context gets by default: over the storage port of the context.
     *
     * @param context the context
     * @return a new session
     */
    public static Session forContext(Context context) {
        return new Session(() -> context.getService(StoragePorts.STORAGE), context);
    }

    // ------------------------------------------------------------------ the thread's unit of work

    /**
     * The unit of work open on the current thread (a scope's, a read's or the thread-bound one),
     * else a new thread-bound one, libres-style, that stays open until {@link #commit()} or
     * {@link #rollback()}.
     *
     * @return the open unit of work
     * @throws StorageException if the storage cannot begin one
     */
    public UnitOfWork current() {
        Frame frame = openFrame();
        if (frame != null) {
            return frame.work;
        }
        UnitOfWork work = storage.get().begin();
        bound.set(new Frame(work, Kind.THREAD_BOUND));
        return work;
    }

    /**
     * Tells whether a unit of work is open on the current thread (a scope's, a read's or the
     * thread-bound one).
     *
     * @return true if one is open
     */
    public boolean inUnitOfWork() {
        return openFrame() != null;
    }

    /**
     * The unit of work open on the current thread, without beginning one.
     *
     * @return the open unit of work (a scope's, a read's or the thread-bound one), empty if none
     */
    public java.util.Optional<UnitOfWork> openUnitOfWork() {
        Frame frame = openFrame();
        return frame == null ? java.util.Optional.empty() : java.util.Optional.of(frame.work);
    }

    /**
     * Tells whether a scope ({@link #begin()}, {@link #transaction(Supplier)} or {@link #join})
     * is open on the current thread.
     *
     * @return true inside a scope
     */
    public boolean inScope() {
        Frame frame = openFrame();
        return frame != null && (frame.kind == Kind.SCOPED || frame.kind == Kind.READ_SCOPE);
    }

    /**
     * How many thread-bound units of work were found open at the start of a scope and rolled back
     * since the session was made (each also logged as a warning): work a libres-style caller left
     * neither committed nor rolled back.
     *
     * @return the count, 0 in a well-behaved application
     */
    public long abandonedUnitsOfWork() {
        return abandoned.get();
    }

    /**
     * Runs a read: in the unit of work open on the thread, if any, so that it sees its writes;
     * else in a short unit of work of its own that is rolled back, and gives back its connection,
     * before this returns. The reading must return loaded values (lists, counts, models), not lazy
     * results bound to the short unit of work.
     *
     * @param <T> the result type
     * @param reading the read
     * @return what the read returned
     * @throws StorageException if the storage cannot begin a unit of work; a read of its own whose
     *     connection turns out lost ({@link io.libres.errors.ConnectionLost}) runs again on another
     *     connection first, a few times
     */
    public <T> T read(Supplier<T> reading) {
        return readOnly(null, reading);
    }

    /**
     * Runs reads in a read-only unit of work: on a replica, if the storage has any, in one snapshot
     * that contains the latest commit made through this session (see the class comment); inside a
     * unit of work already open on the thread it simply reads in that one (a writing unit of work's
     * reads stay on the primary and see its writes). The unit of work is rolled back, and its
     * connection given back, before this returns; a write in it is refused
     * ({@link io.libres.errors.ModifiedReadOnlySession}) by a storage with replicas.
     *
     * @param <T> the result type
     * @param reading the reads; they return loaded values (lists, counts, models)
     * @return what the reads returned
     * @throws InvalidArgument if the reading is missing
     * @throws StorageException if neither a replica nor the primary can be reached
     */
    public <T> T readOnly(Supplier<T> reading) {
        return readOnly(null, reading);
    }

    /**
     * As {@link #readOnly(Supplier)}, seeing at least the commit at {@code after} as well: a position
     * another request or process carried here (read-your-writes across requests).
     *
     * @param <T> the result type
     * @param after the commit to see, for example {@code WritePosition.parse(token)}; null for none
     * @param reading the reads; they return loaded values
     * @return what the reads returned
     * @throws InvalidArgument if the reading is missing
     * @throws StorageException if neither a replica nor the primary can be reached
     */
    public <T> T readOnly(@Nullable WritePosition after, Supplier<T> reading) {
        if (reading == null) {
            throw new InvalidArgument("a read-only unit of work needs reads to run; got none");
        }
        if (openFrame() != null) {
            return reading.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return readOnce(after, reading);
            } catch (io.libres.errors.ConnectionLost e) {
                // a pooled connection the server had ended: a read writes nothing, so it runs again on another
                if (attempt >= READ_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private <T> T readOnce(WritePosition after, Supplier<T> reading) {
        UnitOfWork work = storage.get().beginReadOnly(floor(after));
        Frame frame = new Frame(work, Kind.READ);
        bound.set(frame);
        try {
            return reading.get();
        } finally {
            if (bound.get() == frame) {
                bound.remove();
            }
            work.close();
        }
    }

    /**
     * Begins a read-only scope, closed by try-with-resources: as {@link #readOnly(Supplier)}, with a
     * handle. Its {@link Work#commit()} and {@link Work#close()} both end it (there is nothing to
     * commit). Inside a unit of work already open on the thread it is an inner scope of that one.
     *
     * @return the scope, open
     * @throws StorageException if neither a replica nor the primary can be reached
     * @throws UnitOfWorkMisused inside a read callback
     */
    public Work beginReadOnly() {
        return beginReadOnly(null);
    }

    /**
     * As {@link #beginReadOnly()}, seeing at least the commit at {@code after} as well.
     *
     * @param after the commit to see; null for none
     * @return the scope, open
     * @throws StorageException if neither a replica nor the primary can be reached
     * @throws UnitOfWorkMisused inside a read callback
     */
    public Work beginReadOnly(@Nullable WritePosition after) {
        Frame frame = openFrame();
        if (frame != null && (frame.kind == Kind.SCOPED || frame.kind == Kind.READ_SCOPE)) {
            return frame.enter(frame.work.savepoint());
        }
        if (frame != null && frame.kind == Kind.READ) {
            throw new UnitOfWorkMisused("a unit of work cannot begin inside a read; expected the read to"
                    + " return first, or the read to run inside the unit of work");
        }
        if (frame != null) {
            abandon(frame);
        }
        return outermost(storage.get().beginReadOnly(floor(after)), Kind.READ_SCOPE);
    }

    /**
     * The position of the latest commit made through this session (by any thread), or carried to it
     * with {@link #sawCommit(WritePosition)}: the token to hand to a later request that must see it.
     *
     * @return the position, empty before the first commit or with a storage that does not track
     *     positions (one without replicas)
     */
    public java.util.Optional<WritePosition> lastCommit() {
        long value = lastCommit.get();
        return value < 0 ? java.util.Optional.empty() : java.util.Optional.of(WritePosition.of(value));
    }

    /**
     * Makes every later read-only unit of work of this session see the commit at a position, as if
     * it had been made through it (a token from another process the whole context must honour).
     *
     * @param position the position
     * @throws InvalidArgument if the position is missing
     */
    public void sawCommit(WritePosition position) {
        if (position == null) {
            throw new InvalidArgument("a commit position to remember is missing; expected WritePosition.parse(token)");
        }
        lastCommit.accumulateAndGet(position.value(), Math::max);
    }

    private WritePosition floor(WritePosition after) {
        long value = Math.max(lastCommit.get(), after == null ? -1 : after.value());
        return value < 0 ? null : WritePosition.of(value);
    }

    private void remember(UnitOfWork work) {
        work.committedAt().ifPresent(this::sawCommit);
    }

    /**
     * Commits the current thread's thread-bound unit of work, if any (libres-style).
     *
     * @throws io.libres.errors.SerializationFailure if a concurrent unit of work conflicts; the
     *     unit of work is ended, run it again
     * @throws UnitOfWorkMisused inside a scope, which owns the thread's work: commit its {@link Work}
     *     or return from its callback instead
     */
    public void commit() {
        Frame frame = threadBound("commit()");
        if (frame != null) {
            try {
                frame.work.commit();
                remember(frame.work);
            } finally {
                frame.work.close();
            }
        }
    }

    /**
     * Rolls back the current thread's thread-bound unit of work, if any (libres-style).
     *
     * @throws UnitOfWorkMisused inside a scope, which owns the thread's work: roll back its
     *     {@link Work} or throw from its callback instead
     */
    public void rollback() {
        Frame frame = threadBound("rollback()");
        if (frame != null) {
            try {
                frame.work.rollback();
            } finally {
                frame.work.close();
            }
        }
    }

    /**
     * Rolls back and releases the current thread's thread-bound unit of work, if any.
     *
     * @throws UnitOfWorkMisused inside a scope, as {@link #rollback()}
     */
    public void close() {
        rollback();
    }

    private Frame threadBound(String call) {
        Frame frame = bound.get();
        if (frame == null) {
            return null;
        }
        if (frame.kind != Kind.THREAD_BOUND && frame.work.isOpen()) {
            throw new UnitOfWorkMisused("the libres-style " + call + " was called inside a "
                    + (frame.kind == Kind.SCOPED ? "scoped unit of work" : "read") + ", which owns the thread's"
                    + " unit of work; expected work.commit() or work.rollback() on the scope's Work, or returning"
                    + " from (or throwing out of) the transaction callback");
        }
        bound.remove();
        return frame;
    }

    // ------------------------------------------------------------------ scopes

    /**
     * Begins a scoped unit of work; close it with try-with-resources. Inside an open scope it is
     * an inner scope that joins it (see the nesting rule above).
     *
     * @return the scope, open
     * @throws StorageException if the storage cannot begin a unit of work
     * @throws UnitOfWorkMisused inside a read callback of {@link #read} or a read-only scope
     */
    public Work begin() {
        Frame frame = openFrame();
        if (frame != null && frame.kind == Kind.SCOPED) {
            return frame.enter(frame.work.savepoint());
        }
        if (frame != null && frame.kind == Kind.READ) {
            throw new UnitOfWorkMisused("a unit of work cannot begin inside a read; expected the read to"
                    + " return first, or the read to run inside the unit of work");
        }
        if (frame != null && frame.kind == Kind.READ_SCOPE) {
            throw new UnitOfWorkMisused("a writing unit of work cannot begin inside a read-only scope"
                    + " (beginReadOnly or readOnly); expected the read-only scope to end first, or a writing scope"
                    + " (begin or transaction) around the reads");
        }
        if (frame != null) {
            abandon(frame);
        }
        return outermost(storage.get().begin());
    }

    /**
     * Binds a unit of work that joined a transaction the application owns (an adapter makes it,
     * for example {@code JdbiStorage.joining(handle)}) to the current thread as the outermost
     * scope: until the scope ends, the context's schedulers read and write in that transaction.
     * Committing the scope keeps its writes in the transaction; the owner commits or rolls back.
     *
     * @param joined the unit of work, open
     * @return the scope
     * @throws InvalidArgument if the unit of work is missing or ended
     * @throws UnitOfWorkMisused if a scope is already open on the thread (join at the outermost scope)
     */
    public Work join(UnitOfWork joined) {
        if (joined == null || !joined.isOpen()) {
            throw new InvalidArgument("a unit of work to join must be open; got "
                    + (joined == null ? "none" : "one already ended"));
        }
        Frame frame = openFrame();
        if (frame != null && frame.kind != Kind.THREAD_BOUND) {
            throw new UnitOfWorkMisused("a unit of work is already open on this thread; expected to join the"
                    + " application's transaction at the outermost scope, before any other scope begins");
        }
        if (frame != null) {
            abandon(frame);
        }
        return outermost(joined);
    }

    /**
     * Runs work in a unit of work and commits it, retrying with the default policy when a
     * concurrent unit of work conflicts; see {@link #transaction(Supplier, RetryPolicy)}.
     *
     * @param <T> the result type
     * @param work the work, run again on each attempt
     * @return the work's result
     * @throws io.libres.errors.SerializationFailure if the last attempt still conflicts
     */
    public <T> T transaction(Supplier<T> work) {
        return transaction(work, RetryPolicy.DEFAULT);
    }

    /**
     * Runs work that returns nothing in a unit of work and commits it, retrying with the default
     * policy; see {@link #transaction(Supplier, RetryPolicy)}.
     *
     * @param work the work, run again on each attempt
     * @throws io.libres.errors.SerializationFailure if the last attempt still conflicts
     */
    public void transaction(Runnable work) {
        transaction(work, RetryPolicy.DEFAULT);
    }

    /**
     * Runs work that returns nothing in a unit of work and commits it; see
     * {@link #transaction(Supplier, RetryPolicy)}.
     *
     * @param work the work, run again on each attempt
     * @param policy how often and how patiently to retry
     * @throws io.libres.errors.SerializationFailure if the last attempt still conflicts
     */
    public void transaction(Runnable work, RetryPolicy policy) {
        if (work == null) {
            throw new InvalidArgument("a transaction needs work to run; got none");
        }
        transaction(() -> {
            work.run();
            return null;
        }, policy);
    }

    /**
     * Runs work in a unit of work and commits it. As the outermost scope, a retryable failure
     * ({@link io.libres.errors.SerializationFailure}) from the work or the commit rolls back and
     * runs the work again, after a jittered wait, up to the policy's attempts; any other failure
     * rolls back and is thrown at once. Inside an open scope it is an inner scope (nesting rule
     * above): it joins, does not retry (the outermost does), and a failure undoes only its own
     * writes before it is thrown. In a joined transaction the application owns (an adapter's
     * storage may begin one, for example in a Spring-managed transaction) nothing is retried: the
     * failure goes to the owner, whose transaction must run again as a whole.
     *
     * @param <T> the result type
     * @param work the work, run again on each attempt; it must not commit itself
     * @param policy how often and how patiently to retry
     * @return the work's result
     * @throws io.libres.errors.SerializationFailure if the last attempt still conflicts
     * @throws InvalidArgument if the work or the policy is missing
     * @throws RuntimeException whatever the work throws, unchanged
     */
    public <T> T transaction(Supplier<T> work, RetryPolicy policy) {
        if (work == null || policy == null) {
            throw new InvalidArgument("a transaction needs work to run and a retry policy; got work " + work
                    + " and policy " + policy);
        }
        Frame frame = openFrame();
        if (frame != null && frame.kind == Kind.SCOPED) {
            return inner(frame, work);
        }
        long started = System.nanoTime();
        boolean inLane = false;
        try {
            for (int attempt = 1; ; attempt++) {
                Work scope = null;
                boolean joined = false;
                try {
                    // inside the try: a connection found dead as the unit of work begins is retried too
                    scope = begin();
                    joined = bound.get().work.isJoined();
                    T result = work.get();
                    scope.commit();
                    return result;
                } catch (StorageException e) {
                    if (scope != null) {
                        closeAfter(scope, e);
                    }
                    if (!e.isRetryable() || joined) {
                        throw e;
                    }
                    if (!policy.allowsAttempt(attempt + 1, Duration.ofNanos(System.nanoTime() - started))) {
                        if (context != null) {
                            Events.of(context).retriesExhausted(context, attempt);
                        }
                        throw e;
                    }
                    if (context != null) {
                        Events.of(context).conflictRetried(context, attempt);
                    }
                    pause(policy.backoffBefore(attempt + 1));
                    if (!inLane) {
                        inLane = enterLane(policy, started);
                    }
                } catch (RuntimeException | Error e) {
                    if (scope != null) {
                        closeAfter(scope, e);
                    }
                    throw e;
                }
            }
        } finally {
            if (inLane) {
                retryLane.unlock();
            }
        }
    }

    /**
     * Queues a retry behind the others of this session's retries, waiting at most what is left
     * of the policy's time budget; a retry that cannot get in runs anyway (outside the lane).
     */
    private boolean enterLane(RetryPolicy policy, long started) {
        long budget = policy.budget().compareTo(Duration.ofDays(1)) > 0 ? Long.MAX_VALUE / 2 : policy.budget().toNanos();
        long left = budget - (System.nanoTime() - started);
        try {
            return left > 0 && retryLane.tryLock(left, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting to retry a unit of work", null, e);
        }
    }

    private <T> T inner(Frame frame, Supplier<T> work) {
        Work scope = frame.enter(frame.work.savepoint());
        try {
            T result = work.get();
            scope.commit();
            return result;
        } catch (StorageException e) {
            if (e.isRetryable() && frame.doom == null) {
                frame.doom = e;
            }
            closeAfter(scope, e);
            throw e;
        } catch (RuntimeException | Error e) {
            closeAfter(scope, e);
            throw e;
        }
    }

    private static void closeAfter(Work scope, Throwable failure) {
        try {
            scope.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private Work outermost(UnitOfWork work) {
        return outermost(work, Kind.SCOPED);
    }

    private Work outermost(UnitOfWork work, Kind kind) {
        Frame frame = new Frame(work, kind);
        bound.set(frame);
        return frame.enter(null);
    }

    private Frame openFrame() {
        Frame frame = bound.get();
        if (frame == null) {
            return null;
        }
        if (!frame.work.isOpen() && frame.kind == Kind.THREAD_BOUND) {
            // ended through the unit of work itself (current().commit()): nothing left to bind
            bound.remove();
            return null;
        }
        return frame;
    }

    private void abandon(Frame frame) {
        bound.remove();
        abandoned.incrementAndGet();
        LOG.warn("libres: thread '{}' had a thread-bound unit of work left open (neither committed nor rolled"
                + " back) when a scoped unit of work began; it is rolled back, so that it reaches neither this"
                + " scope nor a later task. Commit or roll back libres-style work before a scope begins, or do"
                + " it inside the scope.", Thread.currentThread().getName());
        try {
            frame.work.rollback();
        } finally {
            frame.work.close();
        }
    }

    private static void pause(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting to retry a unit of work", null, e);
        }
    }

    // ------------------------------------------------------------------ what a thread holds

    private enum Kind {
        /** Begun by a libres-style call outside any scope; ended by commit() or rollback(). */
        THREAD_BOUND,
        /** Owned by the scopes on the stack. */
        SCOPED,
        /** A short unit of work of one read. */
        READ,
        /** A read-only scope begun by beginReadOnly(): owned by its scopes, never committed. */
        READ_SCOPE
    }

    /** The unit of work bound to one thread, and the scopes open on it (outermost first). */
    private final class Frame {

        private final UnitOfWork work;
        private final Kind kind;
        private final Thread owner = Thread.currentThread();
        private final Deque<ScopedWork> scopes = new ArrayDeque<>();
        private StorageException doom;

        private Frame(UnitOfWork work, Kind kind) {
            this.work = work;
            this.kind = kind;
        }

        private Work enter(Savepoint savepoint) {
            ScopedWork scope = new ScopedWork(this, savepoint);
            scopes.addLast(scope);
            return scope;
        }

        private void unbind() {
            if (bound.get() == this) {
                bound.remove();
            }
        }
    }

    /** A scope on a frame: the outermost owns the unit of work, an inner one a savepoint. */
    private final class ScopedWork implements Work {

        private final Frame frame;
        private final Savepoint savepoint;
        private boolean open = true;

        private ScopedWork(Frame frame, Savepoint savepoint) {
            this.frame = frame;
            this.savepoint = savepoint;
        }

        @Override
        public void commit() {
            requireOwner("commit");
            if (!open) {
                throw new UnitOfWorkMisused("this scope is already committed or rolled back; expected one"
                        + " commit() per scope");
            }
            if (frame.scopes.peekLast() != this) {
                throw new UnitOfWorkMisused("an inner scope of this unit of work is still open; expected it to be"
                        + " committed or closed before the scope around it commits");
            }
            open = false;
            frame.scopes.removeLast();
            if (savepoint != null) {
                savepoint.release();
                return;
            }
            frame.unbind();
            if (frame.kind == Kind.READ_SCOPE) {
                // a read-only unit of work has nothing to commit
                try {
                    frame.work.rollback();
                } finally {
                    frame.work.close();
                }
                return;
            }
            try {
                if (frame.doom != null) {
                    frame.work.rollback();
                    throw new SerializationFailure("an inner scope of this unit of work conflicted with a concurrent"
                            + " one (" + frame.doom.getMessage() + "); nothing was committed, run the whole unit of"
                            + " work again", frame.doom.sqlState().orElse(null), frame.doom);
                }
                frame.work.commit();
                remember(frame.work);
            } finally {
                frame.work.close();
            }
        }

        @Override
        public void rollback() {
            requireOwner("rollback");
            if (!open) {
                return;
            }
            while (!frame.scopes.isEmpty() && frame.scopes.peekLast() != this) {
                // an inner scope left open ends with the one around it; its savepoint goes with this one's
                frame.scopes.removeLast().open = false;
            }
            open = false;
            frame.scopes.remove(this);
            if (savepoint != null) {
                savepoint.rollback();
                return;
            }
            frame.scopes.clear();
            frame.unbind();
            try {
                frame.work.rollback();
            } finally {
                frame.work.close();
            }
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public boolean isOutermost() {
            return savepoint == null;
        }

        @Override
        public void close() {
            rollback();
        }

        private void requireOwner(String call) {
            if (Thread.currentThread() != frame.owner) {
                throw new UnitOfWorkMisused(call + "() was called on thread '" + Thread.currentThread().getName()
                        + "' for a unit of work of thread '" + frame.owner.getName() + "'; expected a scope to be"
                        + " used by the thread that began it");
            }
        }
    }
}
