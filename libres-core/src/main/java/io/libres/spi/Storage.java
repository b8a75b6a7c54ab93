package io.libres.spi;

/**
 * The storage port: where allocations, reservations, reserved slots and blockers live.
 *
 * <p>An implementation hands out units of work with SERIALIZABLE semantics: a unit of work sees
 * a consistent snapshot plus its own writes, and of two concurrent units of work that would not
 * be serializable, one fails with {@link io.libres.errors.SerializationFailure} at a write or at
 * commit. The SQL adapters map the tables of libres 1.2 one to one.
 */
public interface Storage {

    /**
     * Begins a unit of work.
     *
     * @return the new unit of work; the caller commits or rolls it back, then closes it
     * @throws io.libres.errors.StorageException if the storage cannot be reached
     */
    UnitOfWork begin();

    /**
     * Creates the tables, types, sequences and indexes libres needs, if they are missing.
     * Calling it again does no harm.
     *
     * @throws io.libres.errors.StorageException if the storage refuses
     */
    void setupDatabase();

    /**
     * Checks, without changing anything, that the storage holds every table, column, type,
     * constraint and index libres needs, as libres 1.2 creates them.
     *
     * <p>The default suits storages without a schema of their own; SQL adapters override it.
     *
     * @return what is missing or different; complete for storages without a schema
     * @throws io.libres.errors.StorageException if the storage cannot be reached
     */
    default io.libres.db.SchemaReport validateSchema() {
        return io.libres.db.SchemaReport.complete(getClass().getSimpleName() + " (no schema)");
    }

    /**
     * The statistics of the connection pool this storage owns, for metrics.
     *
     * @return the pool's statistics, empty if the storage owns no pool (a data source handed in,
     *     or a storage without connections)
     */
    default java.util.Optional<PoolStatistics> poolStatistics() {
        return java.util.Optional.empty();
    }
}
