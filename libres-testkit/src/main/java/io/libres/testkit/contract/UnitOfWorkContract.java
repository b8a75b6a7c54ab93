package io.libres.testkit.contract;

import static io.libres.testkit.contract.ContractFixture.allocation;
import static io.libres.testkit.contract.ContractFixture.hour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.db.models.Allocation;
import io.libres.errors.StorageException;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.Savepoint;
import io.libres.spi.UnitOfWork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** The contract of {@link io.libres.spi.UnitOfWork} and {@link Savepoint}. */
public abstract class UnitOfWorkContract extends ContractGroup {

    /**
     * Creates the group.
     *
     * @param fixture supplies the running test's fixture
     */
    protected UnitOfWorkContract(Supplier<ContractFixture> fixture) {
        super(fixture);
    }

    private long count(UnitOfWork work, UUID resource) {
        return work.allocations().find(AllocationCriteria.ofResource(resource)).count();
    }

    private long committedCount(UUID resource) {
        try (UnitOfWork work = begin()) {
            return count(work, resource);
        }
    }

    @Test
    @DisplayName("commit makes the writes visible to later units of work and ends the unit of work")
    void commit() {
        UUID resource = resource();
        UnitOfWork work = begin();
        work.allocations().insert(List.of(allocation(resource, hour(0), 1)));
        assertThat(work.isOpen()).isTrue();

        work.commit();

        assertThat(work.isOpen()).isFalse();
        assertThat(committedCount(resource)).isEqualTo(1);
        assertThatThrownBy(() -> count(work, resource)).isInstanceOf(StorageException.class);
        work.rollback();
        work.close();
    }

    @Test
    @DisplayName("rollback really undoes every write, and close rolls back what is still open")
    void rollback() {
        UUID resource = resource();
        UnitOfWork work = begin();
        work.allocations().insert(List.of(allocation(resource, hour(0), 1)));
        work.reservations().insert(List.of(ContractFixture.reservation(allocation(resource, hour(0), 1),
                UUID.randomUUID())));
        work.rollback();
        assertThat(work.isOpen()).isFalse();

        UnitOfWork closed = begin();
        closed.allocations().insert(List.of(allocation(resource, hour(2), 1)));
        closed.close();
        assertThat(closed.isOpen()).isFalse();

        assertThat(committedCount(resource)).isZero();
        try (UnitOfWork check = begin()) {
            assertThat(check.reservations().find(io.libres.spi.ReservationCriteria.ofResources(List.of(resource)))
                    .exists()).isFalse();
        }
    }

    @Test
    @DisplayName("uncommitted writes stay invisible to other units of work")
    void isolation() {
        UUID resource = resource();
        try (UnitOfWork writer = begin(); UnitOfWork reader = begin()) {
            writer.allocations().insert(List.of(allocation(resource, hour(0), 1)));

            assertThat(count(writer, resource)).isEqualTo(1);
            assertThat(count(reader, resource)).isZero();
        }
    }

    @Test
    @DisplayName("a unit of work keeps its snapshot: a commit after its first read stays invisible to it")
    void snapshot() {
        UUID resource = resource();
        try (UnitOfWork reader = begin()) {
            assertThat(count(reader, resource)).isZero();
            fixture().committed(allocation(resource, hour(0), 1));

            assertThat(count(reader, resource)).isZero();
        }
        assertThat(committedCount(resource)).isEqualTo(1);
    }

    @Test
    @DisplayName("rolling back to a savepoint undoes only the writes made after it")
    void savepointRollback() {
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            work.allocations().insert(List.of(allocation(resource, hour(0), 1)));
            Savepoint savepoint = work.savepoint();
            List<Allocation> later = work.allocations().insert(List.of(allocation(resource, hour(2), 1)));
            work.allocations().delete(AllocationCriteria.ofResource(resource).startingAt(hour(0)));

            savepoint.rollback();

            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).list())
                    .extracting(Allocation::start).containsExactly(hour(0));
            assertThat(later).hasSize(1);
            work.commit();
        }
        assertThat(committedCount(resource)).isEqualTo(1);
    }

    @Test
    @DisplayName("releasing a savepoint keeps the writes; nested savepoints roll back independently")
    void savepointRelease() {
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            Savepoint outer = work.savepoint();
            work.allocations().insert(List.of(allocation(resource, hour(0), 1)));
            Savepoint inner = work.savepoint();
            work.allocations().insert(List.of(allocation(resource, hour(2), 1)));
            inner.rollback();
            outer.release();
            work.allocations().insert(List.of(allocation(resource, hour(4), 1)));
            work.commit();
        }
        try (UnitOfWork work = begin()) {
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).list())
                    .extracting(Allocation::start).containsExactly(hour(0), hour(4));
        }
    }

    @Test
    @DisplayName("a savepoint recovers the unit of work after a refused write")
    void savepointAfterFailure() {
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            Allocation stored = work.allocations().insert(List.of(allocation(resource, hour(0), 1))).get(0);
            work.reservedSlots().insert(List.of(ContractFixture.slot(stored, UUID.randomUUID(), 1)));
            Savepoint savepoint = work.savepoint();
            assertThatThrownBy(() -> work.allocations().delete(AllocationCriteria.ofResource(resource)))
                    .isInstanceOf(StorageException.class);

            savepoint.rollback();
            work.allocations().insert(List.of(allocation(resource, hour(2), 1)));
            work.commit();
        }
        assertThat(committedCount(resource)).isEqualTo(2);
    }
}
