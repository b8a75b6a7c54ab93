package io.libres.testkit.contract;

import static io.libres.testkit.contract.ContractFixture.allocation;
import static io.libres.testkit.contract.ContractFixture.hour;
import static io.libres.testkit.contract.ContractFixture.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.db.models.Allocation;
import io.libres.db.models.ReservedSlot;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.OverlappingAllocationError;
import io.libres.errors.SerializationFailure;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.BlockerCriteria;
import io.libres.spi.SlotCriteria;
import io.libres.spi.UnitOfWork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Duplicates, each case made to happen on every run: a key visible to the unit of work, twins in one
 * batch, and a key of a concurrent unit of work that this one cannot see, with two units of work
 * interleaved by latches rather than left to timing.
 */
public abstract class DuplicatesContract extends ContractGroup {

    /**
     * Creates the group.
     *
     * @param fixture supplies the running test's fixture
     */
    protected DuplicatesContract(Supplier<ContractFixture> fixture) {
        super(fixture);
    }

    /**
     * Makes a unit of work take its snapshot with a read that has nothing to do with the keys at
     * stake (PostgreSQL takes it at the first statement, not at {@code BEGIN}).
     */
    private static void takeSnapshot(UnitOfWork work) {
        assertThat(work.blockers().find(BlockerCriteria.ofResources(List.of(UUID.randomUUID()))).exists()).isFalse();
    }

    private static ReservedSlot at(Allocation allocation, int minutes) {
        ReservedSlot whole = slot(allocation, UUID.randomUUID(), 1);
        return new ReservedSlot(whole.resource(), whole.start().plus(Duration.ofMinutes(minutes)),
                whole.start().plus(Duration.ofMinutes(minutes + 5L)).minusNanos(1000), whole.allocationId(),
                whole.source(), whole.reservationToken(), whole.sourceId(), null, null);
    }

    /** Runs the rest of a unit of work (insert, then commit) and tells what it ended with. */
    private static Throwable outcome(Runnable work) {
        try {
            work.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private long slotsOf(UUID resource) {
        try (UnitOfWork work = begin()) {
            return work.reservedSlots().find(SlotCriteria.ofResource(resource)).count();
        }
    }

    @Test
    @DisplayName("a slot committed by another unit of work after this one's snapshot is a retryable SerializationFailure"
            + " (at the insert or at commit), never AlreadyReservedError")
    void invisibleCommittedSlot() {
        UUID resource = resource();
        Allocation allocation = fixture().committed(allocation(resource, hour(0), 1)).get(0);
        UnitOfWork late = begin();
        takeSnapshot(late);
        try (UnitOfWork early = begin()) {
            early.reservedSlots().insert(List.of(at(allocation, 0)));
            early.commit();
        }

        Throwable failure = outcome(() -> {
            late.reservedSlots().insert(List.of(at(allocation, 0)));
            late.commit();
        });

        assertThat(failure).as("an invisible duplicate must be a retryable SerializationFailure, so that running the"
                + " unit of work again sees the slot; AlreadyReservedError would refuse a booking that a retry"
                + " might place elsewhere").isInstanceOf(SerializationFailure.class);
        assertThat(((SerializationFailure) failure).isRetryable()).isTrue();
        late.rollback();
        assertThat(slotsOf(resource)).isEqualTo(1);
    }

    @Test
    @DisplayName("a slot held by a concurrent unit of work still in progress: of the two exactly one commits, the"
            + " other fails with SerializationFailure, never AlreadyReservedError (two threads, latched)")
    void invisibleSlotInProgress() throws Exception {
        UUID resource = resource();
        Allocation allocation = fixture().committed(allocation(resource, hour(0), 1)).get(0);
        UnitOfWork early = begin();
        early.reservedSlots().insert(List.of(at(allocation, 0)));
        CountDownLatch lateReady = new CountDownLatch(1);
        CountDownLatch earlyCommitted = new CountDownLatch(1);
        CompletableFuture<Throwable> late = CompletableFuture.supplyAsync(() -> {
            try (UnitOfWork work = fixture().storage().begin()) {
                takeSnapshot(work);
                lateReady.countDown();
                return outcome(() -> {
                    // a SQL storage blocks here until the early unit of work commits
                    work.reservedSlots().insert(List.of(at(allocation, 0)));
                    await(earlyCommitted);
                    work.commit();
                });
            }
        });
        assertThat(lateReady.await(1, TimeUnit.MINUTES)).isTrue();
        Throwable earlyOutcome = outcome(early::commit);
        earlyCommitted.countDown();
        Throwable lateOutcome = late.get(2, TimeUnit.MINUTES);

        assertThat(earlyOutcome).as("the unit of work that inserted first commits").isNull();
        assertThat(lateOutcome).as("the later one cannot see the slot, so it must fail retryably")
                .isInstanceOf(SerializationFailure.class);
        assertThat(slotsOf(resource)).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(2, TimeUnit.MINUTES)) {
                throw new AssertionError("the other unit of work did not commit within two minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("twin slots in one batch are AlreadyReservedError: nothing of the batch is stored, the unit of work"
            + " goes on and commits")
    void twinSlots() {
        UUID resource = resource();
        Allocation allocation = fixture().committed(allocation(resource, hour(0), 1)).get(0);
        try (UnitOfWork work = begin()) {
            assertThatThrownBy(() -> work.reservedSlots().insert(List.of(at(allocation, 0), at(allocation, 5),
                    at(allocation, 0)))).isInstanceOf(AlreadyReservedError.class);
            assertThat(work.reservedSlots().find(SlotCriteria.ofResource(resource)).count()).isZero();

            work.reservedSlots().insert(List.of(at(allocation, 10)));
            work.commit();
        }
        assertThat(slotsOf(resource)).isEqualTo(1);
    }

    @Test
    @DisplayName("a slot the unit of work itself stored is AlreadyReservedError, nothing of the batch is stored, and"
            + " the unit of work goes on (a SQL storage must not abort its transaction)")
    void ownSlot() {
        UUID resource = resource();
        Allocation allocation = fixture().committed(allocation(resource, hour(0), 1)).get(0);
        try (UnitOfWork work = begin()) {
            work.reservedSlots().insert(List.of(at(allocation, 0)));
            assertThatThrownBy(() -> work.reservedSlots().insert(List.of(at(allocation, 5), at(allocation, 0))))
                    .isInstanceOf(AlreadyReservedError.class);

            assertThat(work.reservedSlots().find(SlotCriteria.ofResource(resource)).count()).isEqualTo(1);
            work.reservedSlots().insert(List.of(at(allocation, 10)));
            work.commit();
        }
        assertThat(slotsOf(resource)).isEqualTo(2);
    }

    @Test
    @DisplayName("twin allocations in one batch: OverlappingAllocationError naming the earlier twin (never null),"
            + " nothing stored, the unit of work goes on")
    void twinAllocations() {
        UUID resource = resource();
        Allocation first = allocation(resource, hour(0), 1);
        Allocation twin = allocation(resource, hour(0), 2);
        try (UnitOfWork work = begin()) {
            assertThatThrownBy(() -> work.allocations().insert(List.of(first, allocation(resource, hour(3), 1), twin)))
                    .isInstanceOfSatisfying(OverlappingAllocationError.class, e -> {
                        assertThat(e.existing()).as("the allocation in the way").isNotNull();
                        assertThat(e.existing().start()).isEqualTo(first.start());
                        assertThat(e.existing().group()).isEqualTo(first.group());
                        assertThat(e.getMessage()).contains(resource.toString());
                    });
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).count()).isZero();
            work.allocations().insert(List.of(first));
            work.commit();
        }
    }

    @Test
    @DisplayName("an allocation at a stored one's resource and start: OverlappingAllocationError naming the stored one,"
            + " read back whole, and the unit of work goes on")
    void visibleAllocation() {
        UUID resource = resource();
        Allocation stored = fixture().committed(allocation(resource, hour(0), 2)).get(0);
        try (UnitOfWork work = begin()) {
            assertThatThrownBy(() -> work.allocations().insert(List.of(allocation(resource, hour(0), 1))))
                    .isInstanceOfSatisfying(OverlappingAllocationError.class, e -> {
                        assertThat(e.existing().requireId()).isEqualTo(stored.requireId());
                        assertThat(e.existing().end()).isEqualTo(stored.end());
                        assertThat(e.existing().group()).isEqualTo(stored.group());
                    });
            work.allocations().insert(List.of(allocation(resource, hour(4), 1)));
            work.commit();
        }
    }

    @Test
    @DisplayName("an allocation committed by another unit of work after this one's snapshot is a retryable"
            + " SerializationFailure, never OverlappingAllocationError without the allocation nor a plain StorageException")
    void invisibleAllocation() {
        UUID resource = resource();
        UnitOfWork late = begin();
        takeSnapshot(late);
        fixture().committed(allocation(resource, hour(0), 1));

        Throwable failure = outcome(() -> {
            late.allocations().insert(List.of(allocation(resource, hour(0), 2)));
            late.commit();
        });

        assertThat(failure).isInstanceOf(SerializationFailure.class);
        late.rollback();
        try (UnitOfWork work = begin()) {
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).count()).isEqualTo(1);
        }
    }
}
