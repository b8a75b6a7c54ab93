package io.libres.spi;

/**
 * A point within a unit of work to roll back to, undoing only what was written after it (a SQL
 * savepoint). The scheduler sets one before multi-step changes so that a failure leaves nothing
 * half-written; after {@link #rollback()} the unit of work is usable again, even if a statement had
 * failed since the savepoint was set (a PostgreSQL transaction is aborted by a failed statement
 * until then).
 */
public interface Savepoint {

    /**
     * Undoes every write of the unit of work since this savepoint was set, including those of
     * savepoints set after it; the savepoint is released. At most one statement.
     *
     * @throws io.libres.errors.StorageException if the unit of work is no longer open
     */
    void rollback();

    /**
     * Keeps the writes since this savepoint and forgets the savepoint. At most one statement.
     */
    void release();
}
