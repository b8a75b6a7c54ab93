package io.libres.spi;

/**
 * One SERIALIZABLE transaction on the storage and the stores that read and write within it.
 *
 * <p>A unit of work either owns its transaction ({@link Storage#begin()} began it: commit and
 * rollback end it and release its connection) or has <em>joined</em> a transaction the application
 * owns (a JDBI {@code Handle}, a Spring-managed transaction, a jOOQ transaction; see
 * {@link #isJoined()}): then {@link #commit()} only keeps its writes as part of that transaction,
 * {@link #rollback()} undoes only its own writes (a savepoint set when it joined), and neither ends
 * the transaction nor gives back the connection; the owner does both. The core's
 * {@code io.libres.db.Session} never retries a joined unit of work: a conflict goes to the owner,
 * who retries the whole transaction.
 *
 * <p>Not thread-safe: a unit of work belongs to one thread at a time.
 */
public interface UnitOfWork extends AutoCloseable {

    /**
     * The allocations, read and written in this unit of work.
     *
     * @return the allocation store
     */
    AllocationStore allocations();

    /**
     * The reserved slots, read and written in this unit of work.
     *
     * @return the reserved slot store
     */
    ReservedSlotStore reservedSlots();

    /**
     * The reservations, read and written in this unit of work.
     *
     * @return the reservation store
     */
    ReservationStore reservations();

    /**
     * The blockers, read and written in this unit of work.
     *
     * @return the blocker store
     */
    BlockerStore blockers();

    /**
     * Sets a savepoint: a later {@link Savepoint#rollback()} undoes only the writes made after it.
     *
     * @return the savepoint
     */
    Savepoint savepoint();

    /**
     * Makes every write of this unit of work durable and visible to others, and ends it.
     *
     * @throws io.libres.errors.SerializationFailure if a concurrent unit of work conflicts; nothing
     *     was written, the unit of work is ended and may be run again
     * @throws io.libres.errors.StorageException if the storage fails otherwise
     */
    void commit();

    /**
     * Undoes every write of this unit of work and ends it. Does nothing if already ended.
     */
    void rollback();

    /**
     * Tells whether the unit of work is still open (neither committed nor rolled back).
     *
     * @return true while open
     */
    boolean isOpen();

    /**
     * Tells whether this unit of work joined a transaction someone else owns, so that committing
     * it does not make its writes durable and a conflict cannot be retried by running it again.
     *
     * @return false unless the adapter made the unit of work by joining an external transaction
     */
    default boolean isJoined() {
        return false;
    }

    /**
     * Rolls back if still open and releases the unit of work's resources (for a joined unit of
     * work: nothing of the owner's transaction or connection).
     */
    @Override
    void close();
}
