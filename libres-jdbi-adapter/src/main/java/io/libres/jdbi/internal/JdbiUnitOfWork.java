package io.libres.jdbi.internal;

import io.libres.errors.StorageException;
import io.libres.spi.AllocationStore;
import io.libres.spi.BlockerStore;
import io.libres.spi.ReservationStore;
import io.libres.spi.ReservedSlotStore;
import io.libres.spi.Savepoint;
import io.libres.spi.UnitOfWork;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One SERIALIZABLE transaction on one JDBI handle (one connection), with the four stores reading
 * and writing through it. The handle goes back to its pool when the unit of work ends.
 */
public final class JdbiUnitOfWork implements UnitOfWork {

    private final Handle handle;
    private final Clock clock;
    private final JsonData json;
    private final JdbiAllocationStore allocations;
    private final JdbiReservedSlotStore slots;
    private final JdbiReservationStore reservations;
    private final JdbiBlockerStore blockers;
    private boolean open = true;
    private int savepoints;

    private JdbiUnitOfWork(Handle handle, Clock clock, JsonData json) {
        this.handle = handle;
        this.clock = clock;
        this.json = json;
        this.allocations = new JdbiAllocationStore(this);
        this.slots = new JdbiReservedSlotStore(this);
        this.reservations = new JdbiReservationStore(this);
        this.blockers = new JdbiBlockerStore(this);
    }

    /**
     * Begins a SERIALIZABLE transaction on a handle; the unit of work owns the handle from now on.
     *
     * @param handle a freshly opened handle
     * @param clock the clock of the created and modified timestamps
     * @param json the mapping of the data columns
     * @return the open unit of work
     * @throws StorageException if the transaction cannot begin; the handle is closed then
     */
    public static JdbiUnitOfWork begin(Handle handle, Clock clock, JsonData json) {
        try {
            // forced ending is ours to do: commit, rollback and close below end every transaction
            handle.getConfig(Handles.class).setForceEndTransactions(false);
            handle.setTransactionIsolationLevel(TransactionIsolationLevel.SERIALIZABLE);
            handle.begin();
            return new JdbiUnitOfWork(handle, clock, json);
        } catch (RuntimeException e) {
            closeQuietly(handle);
            throw e instanceof JdbiException ? Errors.translate("beginning a unit of work", e) : e;
        }
    }

    /** The handle of this unit of work, checking it is open. */
    Handle handle() {
        if (!open) {
            throw new StorageException("the unit of work is already committed, rolled back or closed;"
                    + " expected an open unit of work", null, null);
        }
        return handle;
    }

    JsonData json() {
        return json;
    }

    /** The time of created and modified columns, to the microsecond PostgreSQL keeps. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public AllocationStore allocations() {
        return allocations;
    }

    @Override
    public ReservedSlotStore reservedSlots() {
        return slots;
    }

    @Override
    public ReservationStore reservations() {
        return reservations;
    }

    @Override
    public BlockerStore blockers() {
        return blockers;
    }

    @Override
    public Savepoint savepoint() {
        String name = "libres_" + (++savepoints);
        Errors.run("setting a savepoint", () -> handle().savepoint(name));
        return new Savepoint() {
            @Override
            public void rollback() {
                // JDBI forgets (releases) the savepoint as it rolls back to it
                Errors.run("rolling back to a savepoint", () -> handle().rollbackToSavepoint(name));
            }

            @Override
            public void release() {
                Errors.run("releasing a savepoint", () -> handle().releaseSavepoint(name));
            }
        };
    }

    @Override
    public void commit() {
        Handle h = handle();
        open = false;
        try {
            Errors.run("committing", h::commit);
        } catch (RuntimeException e) {
            rollbackQuietly(h);
            throw e;
        } finally {
            closeQuietly(h);
        }
    }

    @Override
    public void rollback() {
        if (!open) {
            return;
        }
        open = false;
        rollbackQuietly(handle);
        closeQuietly(handle);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        rollback();
        closeQuietly(handle);
    }

    private static void rollbackQuietly(Handle handle) {
        try {
            if (!handle.isClosed()) {
                handle.rollback();
            }
        } catch (JdbiException | IllegalStateException ignored) {
            // the connection is gone or the transaction already ended; closing releases it either way
        }
    }

    private static void closeQuietly(Handle handle) {
        try {
            if (!handle.isClosed()) {
                handle.close();
            }
        } catch (JdbiException | IllegalStateException ignored) {
            // nothing left to release
        }
    }
}
