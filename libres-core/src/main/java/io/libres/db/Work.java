package io.libres.db;

/**
 * A scoped unit of work: begun by {@link Scheduler#begin()} or {@link Session#begin()}, ended by
 * {@link #commit()} or, when the scope is left without a commit, rolled back by {@link #close()}.
 * Use it with try-with-resources:
 *
 * <pre>{@code
 * try (Work work = scheduler.begin()) {
 *     UUID token = scheduler.reserve("guest@example.org", dates);
 *     scheduler.approveReservations(token);
 *     work.commit();
 * }
 * }</pre>
 *
 * <p>While it is open, every call of the context's schedulers and {@link Queries} on this thread
 * reads and writes in it. Nesting joins: a scope begun while another is open on the thread
 * (by {@code begin()} or {@code transaction(...)}) is an <em>inner</em> scope of the same unit of
 * work, guarded by a savepoint. An inner {@link #commit()} keeps its writes for the outermost
 * scope to commit; an inner rollback (or leaving it without commit) undoes only its own writes.
 * Only the outermost scope commits or rolls back the unit of work; when it joined a transaction
 * the application owns ({@link Session#join}), not even that: the owner commits.
 *
 * <p>Not thread-safe: a work belongs to the thread that began it, for one task (a request, a
 * job); never keep it beyond that.
 */
public interface Work extends AutoCloseable {

    /**
     * Keeps the writes of this scope. The outermost scope commits the unit of work: its writes
     * become durable and visible to others (for a joined transaction: part of it, for its owner to
     * commit); an inner scope hands its writes on to the scope around it. Ends the scope.
     *
     * @throws io.libres.errors.SerializationFailure if a concurrent unit of work conflicts (or an
     *     inner scope failed with a conflict); nothing was written, run the whole unit of work again
     * @throws io.libres.errors.UnitOfWorkMisused if the scope is already ended, an inner scope of it
     *     is still open, or another thread calls
     */
    void commit();

    /**
     * Undoes the writes of this scope and ends it: all of the unit of work for the outermost scope,
     * the writes since it began for an inner scope. Does nothing if the scope is already ended.
     *
     * @throws io.libres.errors.UnitOfWorkMisused if another thread calls
     */
    void rollback();

    /**
     * Tells whether the scope is still open (neither committed nor rolled back).
     *
     * @return true while open
     */
    boolean isOpen();

    /**
     * Tells whether this is the outermost scope of its unit of work, the one that commits it.
     *
     * @return true for the outermost scope, false for an inner one
     */
    boolean isOutermost();

    /**
     * Rolls back what this scope left uncommitted, as {@link #rollback()}; after it nothing of the
     * scope stays bound to the thread.
     */
    @Override
    void close();
}
