package io.libres.spi;

import org.jspecify.annotations.Nullable;

/**
 * The storage port: where allocations, reservations, reserved slots and blockers live.
 *
 * <p>The whole contract, checked by the kits of {@code libres-testkit}
 * ({@code StorageContractTest}, {@code SchedulerBehaviourKit}, {@code StorageProviderContractTest}):
 *
 * <ul>
 *   <li><b>Units of work are SERIALIZABLE.</b> A unit of work sees one consistent snapshot, taken
 *       no later than its first read or write, plus its own writes, at once, in every store. Rows
 *       another unit of work commits after the snapshot stay invisible to it. Of two concurrent
 *       units of work that would not be serializable, one fails with the retryable
 *       {@link io.libres.errors.SerializationFailure}, at a write or at commit; never with another
 *       exception, and never both succeed.</li>
 *   <li><b>Duplicates.</b> A reserved slot whose key (resource, start) is visible to the unit of
 *       work makes the insert fail with {@link io.libres.errors.AlreadyReservedError}; one held by a
 *       concurrent unit of work that this one cannot see fails it with
 *       {@link io.libres.errors.SerializationFailure} (at the insert or at commit). Allocations
 *       likewise with {@link io.libres.errors.OverlappingAllocationError}, always naming the
 *       allocation in the way. {@code libres-postgres-support} has these as recipes
 *       ({@code ReservedSlotInserts}, {@code AllocationInserts}).</li>
 *   <li><b>Errors are typed.</b> Everything a storage throws is a
 *       {@link io.libres.errors.LibresException}: {@link io.libres.errors.StorageException} (with the
 *       server's SQLSTATE where there is one) unless a more precise type is documented.</li>
 *   <li><b>Set-based.</b> Each store method states how many statements it may send, whatever the
 *       number of rows involved; loading everything to filter in Java is a defect.</li>
 *   <li><b>Stored as libres 1.2 stores.</b> The tables of libres 1.2, timestamps as UTC, ends in
 *       stored form (minus one microsecond), {@code data} a JSON object that is {@code {}} when
 *       empty, never SQL NULL nor JSON null.</li>
 *   <li><b>Resources.</b> A storage that holds resources of its own (a connection pool made from a
 *       {@code dsn}) implements {@link io.libres.context.StoppableService} or {@link AutoCloseable};
 *       stopping it releases them, after which every connection is back and closed. A data source
 *       handed in by the caller stays the caller's.</li>
 * </ul>
 *
 * <p>Thread-safe: one storage serves every thread; each unit of work belongs to one thread.
 */
public interface Storage {

    /**
     * Begins a unit of work. It is open until {@link UnitOfWork#commit()},
     * {@link UnitOfWork#rollback()} or {@link UnitOfWork#close()}; a storage on a database holds one
     * connection for it until then and gives the connection back afterwards. A storage may check
     * the server (its version, say) the first time, but must leave the connection with no
     * transaction open before it sets the isolation level: connections of a pool may come with
     * auto-commit off.
     *
     * @return the new, open unit of work; the caller commits or rolls it back, then closes it
     * @throws io.libres.errors.StorageException if the storage cannot be reached
     */
    UnitOfWork begin();

    /**
     * Begins a read-only unit of work, for the reads of a read-only scope and the reads made
     * outside any unit of work. A storage with read replicas runs it on a replica that has replayed
     * {@code after} (waiting a bounded time for it), else on the primary; the unit of work then sees
     * one consistent snapshot (REPEATABLE READ on a PostgreSQL standby, which refuses SERIALIZABLE)
     * that contains every commit up to {@code after}, and refuses writes with
     * {@link io.libres.errors.ModifiedReadOnlySession}. The caller always rolls it back.
     *
     * <p>The default, for storages without replicas, is {@link #begin()}.
     *
     * @param after the latest commit the read must see; {@code null} for none
     * @return the open unit of work
     * @throws io.libres.errors.StorageException if neither a replica nor the primary can be reached
     */
    default UnitOfWork beginReadOnly(io.libres.db.@Nullable WritePosition after) {
        return begin();
    }

    /**
     * What this storage did with read-only units of work, if it routes them to read replicas.
     *
     * @return the counts, empty for a storage without replicas
     */
    default java.util.Optional<ReplicaStatistics> replicaStatistics() {
        return java.util.Optional.empty();
    }

    /**
     * Creates the tables, types, sequences and indexes libres needs, if they are missing, in a
     * transaction of its own. Calling it again, or from several processes at once, does no harm
     * and keeps every stored row.
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
