package io.libres.spi;

/**
 * One SERIALIZABLE transaction on the storage and the stores that read and write within it.
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
     * Rolls back if still open and releases the unit of work's resources.
     */
    @Override
    void close();
}
