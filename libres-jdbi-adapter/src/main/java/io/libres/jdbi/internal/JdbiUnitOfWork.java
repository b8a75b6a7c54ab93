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
    /** The savepoint set on joining a transaction someone else owns; null if this one owns its transaction. */
    private final String joinedAt;
    /** Whether ending a joined unit of work closes the handle (one opened on a bound connection). */
    private final boolean closesHandle;
    /** Whether the commit's WAL position is asked for after the commit (a storage with replicas). */
    private boolean tracksPosition;
    private io.libres.db.WritePosition committedAt;

    private JdbiUnitOfWork(Handle handle, Clock clock, JsonData json) {
        this(handle, clock, json, null, true);
    }

    private JdbiUnitOfWork(Handle handle, Clock clock, JsonData json, String joinedAt, boolean closesHandle) {
        this.joinedAt = joinedAt;
        this.closesHandle = closesHandle;
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
        return begin(handle, clock, json, TransactionIsolationLevel.SERIALIZABLE, false, false, false);
    }

    /**
     * Begins a transaction on a handle, as {@link #begin(Handle, Clock, JsonData)}, with the choices
     * a storage with read replicas makes.
     *
     * @param handle a freshly opened handle
     * @param clock the clock of the created and modified timestamps
     * @param json the mapping of the data columns
     * @param isolation SERIALIZABLE on the primary; REPEATABLE READ on a standby, which refuses SERIALIZABLE
     * @param readOnly true for a read-only transaction, which refuses writes
     * @param tracksPosition true to ask for the commit's WAL position after the commit ({@link #committedAt()})
     * @param poolIsolated true if the handle's pool hands every connection out at {@code isolation} already
     *     (the storage's own pool, which resets a changed isolation on return): asking and setting it
     *     would cost two round trips per unit of work
     * @return the open unit of work
     * @throws StorageException if the transaction cannot begin; the handle is closed then
     */
    public static JdbiUnitOfWork begin(Handle handle, Clock clock, JsonData json, TransactionIsolationLevel isolation,
            boolean readOnly, boolean tracksPosition, boolean poolIsolated) {
        try {
            if (readOnly) {
                // the driver then begins the transaction READ ONLY
                handle.getConnection().setReadOnly(true);
            }
            // forced ending is ours to do: commit, rollback and close below end every transaction
            handle.getConfig(Handles.class).setForceEndTransactions(false);
            if (!poolIsolated) {
                handle.setTransactionIsolationLevel(isolation);
            }
            handle.begin();
            JdbiUnitOfWork work = new JdbiUnitOfWork(handle, clock, json);
            work.tracksPosition = tracksPosition && !readOnly;
            return work;
        } catch (java.sql.SQLException e) {
            closeQuietly(handle);
            throw io.libres.postgres.SqlErrors.translate("beginning a read-only unit of work", e);
        } catch (RuntimeException e) {
            closeQuietly(handle);
            throw e instanceof JdbiException ? Errors.translate("beginning a unit of work", e) : e;
        }
    }

    /**
     * Joins the transaction open on a handle that someone else owns: checks it runs SERIALIZABLE and
     * sets a savepoint; commit releases the savepoint, rollback goes back to it, and neither ends the
     * transaction.
     *
     * @param handle a handle inside a transaction
     * @param clock the clock of the created and modified timestamps
     * @param json the mapping of the data columns
     * @param closesHandle true to close the handle when the unit of work ends (a handle the storage
     *     opened on a connection bound to the application's transaction), false to leave it to its owner
     * @return the joined unit of work
     * @throws io.libres.errors.UnitOfWorkMisused if the handle has no open transaction
     * @throws io.libres.errors.TransactionIsolationTooWeak if the transaction runs below SERIALIZABLE
     */
    public static JdbiUnitOfWork join(Handle handle, Clock clock, JsonData json, boolean closesHandle) {
        try {
            java.sql.Connection connection = handle.getConnection();
            if (connection.getAutoCommit()) {
                throw new io.libres.errors.UnitOfWorkMisused("the handle to join has no open transaction (auto-commit"
                        + " is on); expected a handle inside the application's transaction, for example in"
                        + " jdbi.inTransaction(TransactionIsolationLevel.SERIALIZABLE, handle -> ...)");
            }
            int isolation = connection.getTransactionIsolation();
            if (isolation != java.sql.Connection.TRANSACTION_SERIALIZABLE) {
                throw new io.libres.errors.TransactionIsolationTooWeak("the transaction to join runs at "
                        + isolationName(isolation) + "; libres needs SERIALIZABLE so that no slot is booked twice and"
                        + " its checks hold at commit: begin it with SERIALIZABLE (JDBI: inTransaction("
                        + "TransactionIsolationLevel.SERIALIZABLE, ...); Spring: @Transactional(isolation ="
                        + " Isolation.SERIALIZABLE))");
            }
            handle.getConfig(Handles.class).setForceEndTransactions(false);
            String savepoint = "libres_joined";
            handle.savepoint(savepoint);
            return new JdbiUnitOfWork(handle, clock, json, savepoint, closesHandle);
        } catch (java.sql.SQLException e) {
            if (closesHandle) {
                closeQuietly(handle);
            }
            throw io.libres.postgres.SqlErrors.translate("joining the application's transaction", e);
        } catch (RuntimeException e) {
            if (closesHandle) {
                closeQuietly(handle);
            }
            throw e instanceof JdbiException ? Errors.translate("joining the application's transaction", e) : e;
        }
    }

    private static String isolationName(int level) {
        switch (level) {
            case java.sql.Connection.TRANSACTION_READ_UNCOMMITTED:
                return "READ UNCOMMITTED";
            case java.sql.Connection.TRANSACTION_READ_COMMITTED:
                return "READ COMMITTED";
            case java.sql.Connection.TRANSACTION_REPEATABLE_READ:
                return "REPEATABLE READ";
            default:
                return "isolation level " + level;
        }
    }

    @Override
    public boolean isJoined() {
        return joinedAt != null;
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

    /** Set-based, in two statements: {@code IntegrityQueries} of {@code libres-postgres-support}. */
    @Override
    public java.util.List<io.libres.db.IntegrityViolation> checkIntegrity(io.libres.spi.IntegrityScope scope) {
        if (scope == null) {
            throw new io.libres.errors.InvalidArgument("the integrity scope is missing; expected IntegrityScope.all()"
                    + " or IntegrityScope.ofResources(...)");
        }
        return io.libres.postgres.IntegrityQueries.check(handle().getConnection(), scope);
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
        if (joinedAt != null) {
            // the owner commits; our writes stay in its transaction
            try {
                Errors.run("keeping the work in the application's transaction", () -> h.releaseSavepoint(joinedAt));
            } finally {
                if (closesHandle) {
                    closeQuietly(h);
                }
            }
            return;
        }
        try {
            Errors.commit(h::commit);
            if (tracksPosition) {
                committedAt = io.libres.postgres.ReplicaReads.positionAfterCommit(h.getConnection());
            }
        } catch (java.sql.SQLException e) {
            // committed; without its position a later read sees it within the replicas' lag bound only
            committedAt = null;
        } catch (RuntimeException e) {
            rollbackQuietly(h);
            throw e;
        } finally {
            closeQuietly(h);
        }
    }

    @Override
    public java.util.Optional<io.libres.db.WritePosition> committedAt() {
        return java.util.Optional.ofNullable(committedAt);
    }

    @Override
    public void rollback() {
        if (!open) {
            return;
        }
        open = false;
        if (joinedAt != null) {
            try {
                // undo our writes only; the owner's transaction and its own writes stay
                Errors.run("undoing the work in the application's transaction", () -> handle.rollbackToSavepoint(joinedAt));
            } finally {
                if (closesHandle) {
                    closeQuietly(handle);
                }
            }
            return;
        }
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
        if (joinedAt == null || closesHandle) {
            closeQuietly(handle);
        }
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
