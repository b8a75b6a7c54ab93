package io.libres.spi;

/**
 * A point within a unit of work to roll back to, undoing only what was written after it (a SQL
 * savepoint). The scheduler sets one before multi-step changes so that a failure leaves nothing
 * half-written.
 */
public interface Savepoint {

    /**
     * Undoes every write of the unit of work since this savepoint was set; the savepoint is
     * released.
     */
    void rollback();

    /**
     * Keeps the writes since this savepoint and forgets the savepoint.
     */
    void release();
}
