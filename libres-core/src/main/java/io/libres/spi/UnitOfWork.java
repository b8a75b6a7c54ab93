package io.libres.spi;

/**
 * One SERIALIZABLE transaction on the storage and the stores that read and write within it.
 *
 * <p><b>Visibility.</b> Every store of the unit of work sees its own writes at once (a slot
 * inserted is found by {@link ReservedSlotStore#find}, an allocation deleted is gone from
 * {@link AllocationStore#find}), and the committed state as of its snapshot, taken no later than
 * its first read or write; what others commit later stays invisible until the unit of work ends.
 *
 * <p><b>After a failure.</b> A store method that throws
 * {@link io.libres.errors.AlreadyReservedError} from {@link ReservedSlotStore#insert} or
 * {@link io.libres.errors.OverlappingAllocationError} from {@link AllocationStore#insert} has
 * written nothing and leaves the unit of work usable. After any other exception (a
 * {@link io.libres.errors.SerializationFailure}, a {@link io.libres.errors.StorageException}) the
 * caller may only roll back, to a {@link #savepoint()} or entirely; a SQL storage's transaction is
 * aborted by then.
 *
 * <p><b>After the end.</b> Once committed, rolled back or closed, {@link #isOpen()} is false and
 * every store method, {@link #savepoint()} and {@link #commit()} throw
 * {@link io.libres.errors.StorageException} saying the unit of work is no longer open;
 * {@link #rollback()} and {@link #close()} do nothing.
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
     * The allocations, read and written in this unit of work. The same store every call.
     *
     * @return the allocation store
     */
    AllocationStore allocations();

    /**
     * The reserved slots, read and written in this unit of work. The same store every call.
     *
     * @return the reserved slot store
     */
    ReservedSlotStore reservedSlots();

    /**
     * The reservations, read and written in this unit of work. The same store every call.
     *
     * @return the reservation store
     */
    ReservationStore reservations();

    /**
     * The blockers, read and written in this unit of work. The same store every call.
     *
     * @return the blocker store
     */
    BlockerStore blockers();

    /**
     * Sets a savepoint: a later {@link Savepoint#rollback()} undoes only the writes made after it,
     * and leaves the unit of work usable even after a failed statement. Savepoints nest. At most one
     * statement.
     *
     * @return the savepoint
     * @throws io.libres.errors.StorageException if the unit of work is no longer open
     */
    Savepoint savepoint();

    /**
     * Makes every write of this unit of work durable and visible to others, and ends it; a storage
     * on a database gives the connection back. At most one statement.
     *
     * @throws io.libres.errors.SerializationFailure if a concurrent unit of work conflicts; nothing
     *     was written, the unit of work is ended and may be run again
     * @throws io.libres.errors.StorageException if the unit of work is no longer open, or the
     *     storage fails otherwise (the unit of work is ended then too)
     */
    void commit();

    /**
     * Undoes every write of this unit of work and ends it, giving the connection back. Does nothing
     * if already ended. Never throws for a broken connection: the writes are gone either way.
     */
    void rollback();

    /**
     * Tells whether the unit of work is still open (neither committed, rolled back nor closed).
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
     * Where this unit of work's commit stands in the storage's history of writes, so that a later
     * read (on a replica) can be made to see it. Known only after {@link #commit()}, and only to a
     * storage that routes reads to replicas (it asks the server after the commit, one statement).
     *
     * @return the commit's position, empty before the commit, for a joined unit of work, or for a
     *     storage that does not track positions
     */
    default java.util.Optional<io.libres.db.WritePosition> committedAt() {
        return java.util.Optional.empty();
    }

    /**
     * Checks the stored records of a scope against the integrity rules (see
     * {@link io.libres.db.IntegrityViolation.Kind}) and lists what is wrong, writing nothing. It
     * sees what the unit of work sees: its snapshot and its own writes.
     *
     * <p>SQL storages answer it set-based, in a fixed number of statements whatever the number of
     * rows, and return only the violating rows. The default reads the records of the scope through
     * the stores (four kinds of reads, the slots once per resource of a limited scope) and
     * evaluates {@link IntegrityRules} in Java; a storage should override it when its query
     * language can do better.
     *
     * @param scope which records to check
     * @return the violations in {@link io.libres.db.IntegrityViolation#ORDER}, immutable; empty if
     *     all is well
     * @throws io.libres.errors.StorageException if the unit of work is no longer open or the
     *     storage fails
     */
    default java.util.List<io.libres.db.IntegrityViolation> checkIntegrity(IntegrityScope scope) {
        if (scope == null) {
            throw new io.libres.errors.InvalidArgument("the integrity scope is missing; expected IntegrityScope.all()"
                    + " or IntegrityScope.ofResources(...)");
        }
        return IntegrityRules.readAndEvaluate(this, scope);
    }

    /**
     * Rolls back if still open and releases the unit of work's resources (for a joined unit of
     * work: nothing of the owner's transaction or connection); does nothing if already ended.
     */
    @Override
    void close();
}
