package io.libres.db;

import io.libres.context.Context;
import io.libres.context.ServiceKey;
import io.libres.errors.StorageException;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.spi.UnitOfWork;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The unit of work of the current thread on a context's storage, as libres' scoped session:
 * begun on first use, ended by {@link #commit()} or {@link #rollback()}, after which the next use
 * begins a new one. Every scheduler and {@link Queries} of a context shares the context's session,
 * each thread its own unit of work.
 */
public final class Session {

    /** The key of the session service on a context (one session per context). */
    public static final ServiceKey<Session> KEY = ServiceKey.of("session", Session.class);

    private final Supplier<Storage> storage;
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();

    /**
     * Creates a session over a storage.
     *
     * @param storage supplies the storage when a unit of work begins
     */
    public Session(Supplier<Storage> storage) {
        this.storage = storage;
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
        return new Session(() -> context.getService(StoragePorts.STORAGE));
    }

    /**
     * The current thread's unit of work, begun if there is none.
     *
     * @return the open unit of work
     * @throws io.libres.errors.StorageException if the storage cannot begin one
     */
    public UnitOfWork current() {
        UnitOfWork work = current.get();
        if (work == null || !work.isOpen()) {
            work = storage.get().begin();
            current.set(work);
        }
        return work;
    }

    /**
     * Commits the current thread's unit of work, if any.
     *
     * @throws io.libres.errors.SerializationFailure if a concurrent unit of work conflicts; the
     *     unit of work is ended, run it again
     */
    public void commit() {
        UnitOfWork work = current.get();
        current.remove();
        if (work != null && work.isOpen()) {
            try {
                work.commit();
            } finally {
                work.close();
            }
        }
    }

    /**
     * Rolls back the current thread's unit of work, if any.
     */
    public void rollback() {
        UnitOfWork work = current.get();
        current.remove();
        if (work != null) {
            try {
                work.rollback();
            } finally {
                work.close();
            }
        }
    }

    /**
     * Rolls back and releases the current thread's unit of work, if any.
     */
    public void close() {
        rollback();
    }

    /**
     * Runs work in a unit of work of its own and commits it, retrying with the default policy when
     * a concurrent unit of work conflicts; see {@link #transaction(Supplier, RetryPolicy)}.
     *
     * @param <T> the result type
     * @param work the work, run again on each attempt
     * @return the work's result
     */
    public <T> T transaction(Supplier<T> work) {
        return transaction(work, RetryPolicy.DEFAULT);
    }

    /**
     * Runs work in a unit of work of its own and commits it. A retryable failure
     * ({@link io.libres.errors.SerializationFailure}) from the work or the commit rolls back and runs
     * the work again, after a jittered wait, up to the policy's attempts; any other failure rolls back
     * and is thrown at once. The current thread's earlier unit of work, if any, is rolled back first.
     *
     * @param <T> the result type
     * @param work the work, run again on each attempt; it must not commit itself
     * @param policy how often and how patiently to retry
     * @return the work's result
     * @throws io.libres.errors.SerializationFailure if the last attempt still conflicts
     * @throws RuntimeException whatever the work throws, unchanged
     */
    public <T> T transaction(Supplier<T> work, RetryPolicy policy) {
        rollback();
        for (int attempt = 1; ; attempt++) {
            try {
                T result = work.get();
                commit();
                return result;
            } catch (StorageException e) {
                rollback();
                if (!e.isRetryable() || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                pause(policy.backoffBefore(attempt + 1));
            } catch (RuntimeException | Error e) {
                rollback();
                throw e;
            }
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
}
