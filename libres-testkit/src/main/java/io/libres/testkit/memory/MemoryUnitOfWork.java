package io.libres.testkit.memory;

import io.libres.errors.StorageException;
import io.libres.spi.AllocationStore;
import io.libres.spi.BlockerStore;
import io.libres.spi.ReservationStore;
import io.libres.spi.ReservedSlotStore;
import io.libres.spi.Savepoint;
import io.libres.spi.UnitOfWork;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A unit of work on a state of the tables: the committed state it began on, shared with the
 * other units of work until its first write copies it (so a read-only unit of work costs
 * nothing however large the tables), then its own copy.
 */
final class MemoryUnitOfWork implements UnitOfWork {

    private final InMemoryStorage storage;
    private Tables tables;
    /** Whether {@link #tables} is this unit of work's own copy, which it may change. */
    private boolean own;
    private final long baseVersion;
    private final Clock clock;
    private boolean open = true;
    private boolean written;
    private boolean released;

    private final MemoryAllocationStore allocations;
    private final MemoryReservedSlotStore slots;
    private final MemoryReservationStore reservations;
    private final MemoryBlockerStore blockers;

    MemoryUnitOfWork(InMemoryStorage storage, Tables tables, long baseVersion, Clock clock) {
        this.storage = storage;
        this.tables = tables;
        this.baseVersion = baseVersion;
        this.clock = clock;
        this.allocations = new MemoryAllocationStore(this);
        this.slots = new MemoryReservedSlotStore(this);
        this.reservations = new MemoryReservationStore(this);
        this.blockers = new MemoryBlockerStore(this);
    }

    Tables tables() {
        return tables;
    }

    InMemoryStorage storage() {
        return storage;
    }

    long baseVersion() {
        return baseVersion;
    }

    boolean hasWritten() {
        return written;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Checks the unit of work is open before a read. */
    Tables read() {
        requireOpen();
        storage.statements.incrementAndGet();
        return tables;
    }

    /** Checks the unit of work is open, copies the tables if they are shared, and marks it as having written. */
    Tables write() {
        requireOpen();
        storage.statements.incrementAndGet();
        if (!own) {
            tables = tables.copy();
            own = true;
        }
        written = true;
        return tables;
    }

    private void requireOpen() {
        if (!open) {
            throw new StorageException("the unit of work is already committed, rolled back or closed;"
                    + " expected an open unit of work", null, null);
        }
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

    /** One read of every table, then the reference rules: the in-memory storage has no query language. */
    @Override
    public java.util.List<io.libres.db.IntegrityViolation> checkIntegrity(io.libres.spi.IntegrityScope scope) {
        if (scope == null) {
            throw new io.libres.errors.InvalidArgument("the integrity scope is missing; expected IntegrityScope.all()"
                    + " or IntegrityScope.ofResources(...)");
        }
        Tables t = read();
        return io.libres.spi.IntegrityRules.evaluate(scope, t.allocations.values(), t.reservations.values(),
                t.blockers.values(), t.slots.values());
    }

    @Override
    public Savepoint savepoint() {
        // the state now is the snapshot: the next write copies it instead of changing it
        Tables snapshot = read();
        own = false;
        return new Savepoint() {
            @Override
            public void rollback() {
                requireOpen();
                storage.statements.incrementAndGet();
                tables = snapshot;
                own = false;
                written = true;
            }

            @Override
            public void release() {
                // nothing to release: the snapshot is garbage collected
            }
        };
    }

    @Override
    public void commit() {
        requireOpen();
        open = false;
        try {
            storage.commit(this);
        } finally {
            release();
        }
    }

    @Override
    public void rollback() {
        open = false;
        release();
    }

    private void release() {
        if (!released) {
            released = true;
            storage.release();
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        release();
    }
}
