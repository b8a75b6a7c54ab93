package io.libres.testkit.memory;

import io.libres.db.IntegrityViolation;
import io.libres.errors.StorageException;
import io.libres.spi.AllocationStore;
import io.libres.spi.BlockerStore;
import io.libres.spi.IntegrityScope;
import io.libres.spi.ReservationStore;
import io.libres.spi.ReservedSlotStore;
import io.libres.spi.Savepoint;
import io.libres.spi.UnitOfWork;

import java.util.List;

/**
 * A unit of work inside one the caller began and owns ({@link InMemoryStorage#joining}): it reads
 * and writes the owner's state behind a savepoint set on joining; committing it keeps its writes
 * in the owner (the savepoint is released), rolling it back or closing it undoes only its own
 * writes; the owner alone commits, rolls back and gives back its connection.
 */
final class JoinedMemoryUnitOfWork implements UnitOfWork {

    private final MemoryUnitOfWork owner;
    private final Savepoint joinedAt;
    private boolean open = true;

    JoinedMemoryUnitOfWork(MemoryUnitOfWork owner) {
        this.owner = owner;
        this.joinedAt = owner.savepoint();
    }

    private MemoryUnitOfWork owner() {
        if (!open) {
            throw new StorageException("the joined unit of work is already committed, rolled back or closed;"
                    + " expected an open unit of work", null, null);
        }
        if (!owner.isOpen()) {
            throw new StorageException("the application's unit of work this one joined has ended; expected"
                    + " the joined unit of work to end before its owner commits or rolls back", null, null);
        }
        return owner;
    }

    @Override
    public AllocationStore allocations() {
        return owner().allocations();
    }

    @Override
    public ReservedSlotStore reservedSlots() {
        return owner().reservedSlots();
    }

    @Override
    public ReservationStore reservations() {
        return owner().reservations();
    }

    @Override
    public BlockerStore blockers() {
        return owner().blockers();
    }

    @Override
    public List<IntegrityViolation> checkIntegrity(IntegrityScope scope) {
        return owner().checkIntegrity(scope);
    }

    @Override
    public Savepoint savepoint() {
        return owner().savepoint();
    }

    /** Keeps the writes in the owner's unit of work; the owner commits them, or not. */
    @Override
    public void commit() {
        owner();
        open = false;
        joinedAt.release();
    }

    /** Undoes this unit of work's writes only; the owner and its own writes stay. */
    @Override
    public void rollback() {
        if (!open) {
            return;
        }
        open = false;
        if (owner.isOpen()) {
            joinedAt.rollback();
        }
    }

    @Override
    public boolean isOpen() {
        return open && owner.isOpen();
    }

    @Override
    public boolean isJoined() {
        return true;
    }

    @Override
    public void close() {
        rollback();
    }
}
