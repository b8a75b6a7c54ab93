package io.libres.testkit.memory;

import io.libres.db.models.Allocation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.OverlappingAllocationError;
import io.libres.errors.SerializationFailure;
import io.libres.errors.StorageException;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.SlotCriteria;
import io.libres.spi.UnitOfWork;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryStorageTest {

    private final UUID resource = UUID.randomUUID();
    private final InMemoryStorage storage = InMemoryStorage.create();

    private Allocation newAllocation(String start) {
        Instant s = Instant.parse(start);
        return Allocation.builder().resource(resource).mirrorOf(resource).group(UUID.randomUUID())
                .timespan(new Timespan(s, s.plusSeconds(3600).minusNanos(1000))).build();
    }

    private Allocation stored(String start) {
        try (UnitOfWork work = storage.begin()) {
            Allocation a = work.allocations().insert(List.of(newAllocation(start))).get(0);
            work.commit();
            return a;
        }
    }

    private static ReservedSlot slotOf(Allocation a) {
        return ReservedSlot.of(a, a.timespan(), SlotSource.RESERVATION, UUID.randomUUID(), 1);
    }

    @Test
    @DisplayName("committed writes are seen by later units of work")
    void commitIsVisible() {
        Allocation a = stored("2015-01-01T10:00:00Z");
        assertThat(a.id()).isPresent();
        assertThat(a.created()).isPresent();
        try (UnitOfWork work = storage.begin()) {
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).list()).containsExactly(a);
        }
    }

    @Test
    @DisplayName("rollback really undoes every write")
    void rollbackUndoes() {
        Allocation a = stored("2015-01-01T10:00:00Z");
        try (UnitOfWork work = storage.begin()) {
            work.allocations().insert(List.of(newAllocation("2015-01-02T10:00:00Z")));
            work.reservedSlots().insert(List.of(slotOf(a)));
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).count()).isEqualTo(2);
            work.rollback();
        }
        try (UnitOfWork work = storage.begin()) {
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).count()).isEqualTo(1);
            assertThat(work.reservedSlots().find(SlotCriteria.any()).count()).isZero();
        }
    }

    @Test
    @DisplayName("closing without commit discards the writes")
    void closeDiscards() {
        try (UnitOfWork work = storage.begin()) {
            work.allocations().insert(List.of(newAllocation("2015-01-02T10:00:00Z")));
        }
        try (UnitOfWork work = storage.begin()) {
            assertThat(work.allocations().find(AllocationCriteria.any()).exists()).isFalse();
        }
    }

    @Test
    @DisplayName("a duplicate reserved slot is an AlreadyReservedError and nothing of the batch is written")
    void duplicateSlot() {
        Allocation a = stored("2015-01-01T10:00:00Z");
        try (UnitOfWork work = storage.begin()) {
            work.reservedSlots().insert(List.of(slotOf(a)));
            assertThatThrownBy(() -> work.reservedSlots().insert(List.of(slotOf(a))))
                    .isInstanceOf(AlreadyReservedError.class);
            assertThat(work.reservedSlots().find(SlotCriteria.any()).count()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a second allocation with the same resource and start is refused")
    void duplicateAllocation() {
        stored("2015-01-01T10:00:00Z");
        try (UnitOfWork work = storage.begin()) {
            assertThatThrownBy(() -> work.allocations().insert(List.of(newAllocation("2015-01-01T10:00:00Z"))))
                    .isInstanceOf(OverlappingAllocationError.class);
        }
    }

    @Test
    @DisplayName("a unit of work that is over cannot be used")
    void endedUnitOfWork() {
        UnitOfWork work = storage.begin();
        work.commit();
        assertThat(work.isOpen()).isFalse();
        assertThatThrownBy(() -> work.allocations().find(AllocationCriteria.any()).list())
                .isInstanceOf(StorageException.class).hasMessageContaining("expected an open unit of work");
    }

    @Test
    @DisplayName("of two concurrent writers the second to commit fails with a retryable failure")
    void firstCommitterWins() {
        Allocation a = stored("2015-01-01T10:00:00Z");
        UnitOfWork first = storage.begin();
        UnitOfWork second = storage.begin();
        first.reservedSlots().insert(List.of(slotOf(a)));
        second.reservedSlots().insert(List.of(slotOf(a)));
        first.commit();
        assertThatThrownBy(second::commit).isInstanceOf(SerializationFailure.class)
                .satisfies(e -> assertThat(((SerializationFailure) e).isRetryable()).isTrue())
                .satisfies(e -> assertThat(((SerializationFailure) e).sqlState()).contains("40001"));
        try (UnitOfWork work = storage.begin()) {
            assertThat(work.reservedSlots().find(SlotCriteria.any()).count()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a reader does not conflict with a writer")
    void readersDoNotConflict() {
        stored("2015-01-01T10:00:00Z");
        UnitOfWork reader = storage.begin();
        UnitOfWork writer = storage.begin();
        reader.allocations().find(AllocationCriteria.any()).list();
        writer.allocations().insert(List.of(newAllocation("2015-01-03T10:00:00Z")));
        writer.commit();
        reader.commit();
        assertThat(reader.isOpen()).isFalse();
    }

    @Test
    @DisplayName("many threads racing for one slot: exactly one gets it")
    void threadsRaceForTheLastSpot() throws Exception {
        Allocation a = stored("2015-01-01T10:00:00Z");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try (UnitOfWork work = storage.begin()) {
                    if (work.reservedSlots().find(SlotCriteria.any().withAllocationIds(List.of(a.requireId()))).exists()) {
                        return false;
                    }
                    work.reservedSlots().insert(List.of(slotOf(a)));
                    work.commit();
                    return true;
                } catch (SerializationFailure | AlreadyReservedError e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
            if (result.get(30, TimeUnit.SECONDS)) {
                winners++;
            }
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
        try (UnitOfWork work = storage.begin()) {
            assertThat(work.reservedSlots().find(SlotCriteria.any()).count()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("ids are never handed out twice, even after a rollback")
    void sequencesAreNotRolledBack() {
        int firstId;
        try (UnitOfWork work = storage.begin()) {
            firstId = work.allocations().insert(List.of(newAllocation("2015-01-01T10:00:00Z"))).get(0).requireId();
            work.rollback();
        }
        Allocation a = stored("2015-01-01T10:00:00Z");
        assertThat(a.requireId()).isGreaterThan(firstId);
    }
}
