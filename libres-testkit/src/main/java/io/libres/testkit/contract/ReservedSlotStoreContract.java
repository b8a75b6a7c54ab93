package io.libres.testkit.contract;

import static io.libres.testkit.contract.ContractFixture.allocation;
import static io.libres.testkit.contract.ContractFixture.hour;
import static io.libres.testkit.contract.ContractFixture.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.db.models.Allocation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.ErrorCode;
import io.libres.errors.LibresException;
import io.libres.errors.NoFreeSpot;
import io.libres.errors.StorageException;
import io.libres.spi.SlotCriteria;
import io.libres.spi.UnitOfWork;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** The contract of {@link io.libres.spi.ReservedSlotStore}. */
public abstract class ReservedSlotStoreContract extends ContractGroup {

    /**
     * Creates the group.
     *
     * @param fixture supplies the running test's fixture
     */
    protected ReservedSlotStoreContract(Supplier<ContractFixture> fixture) {
        super(fixture);
    }

    /** Three stored allocations: a master at 0h (2h long, partly available), its mirror, another at 4h. */
    private List<Allocation> allocations(UnitOfWork work, UUID resource) {
        Allocation master = allocation(resource, hour(0), 2).toBuilder().partlyAvailable(true).quota(2).build();
        Allocation mirror = master.toBuilder().resource(UUID.randomUUID()).build();
        return work.allocations().insert(List.of(master, mirror, allocation(resource, hour(4), 1)));
    }

    private static ReservedSlot part(Allocation allocation, int minutes, UUID token, SlotSource source, int sourceId) {
        Timespan span = new Timespan(allocation.start().plus(Duration.ofMinutes(minutes)),
                allocation.start().plus(Duration.ofMinutes(minutes + 5L)).minus(Timespan.MICROSECOND));
        return ReservedSlot.of(allocation, span, source, token, sourceId);
    }

    @Test
    @DisplayName("insert keeps every column; find orders by start, then resource")
    void insertAndFind() {
        UUID resource = resource();
        UUID token = UUID.randomUUID();
        try (UnitOfWork work = begin()) {
            List<Allocation> a = allocations(work, resource);
            ReservedSlot later = part(a.get(0), 30, token, SlotSource.RESERVATION, 7);
            ReservedSlot earlier = part(a.get(1), 0, token, SlotSource.BLOCKER, 8);
            ReservedSlot sameStart = part(a.get(0), 0, token, SlotSource.RESERVATION, 7);
            work.reservedSlots().insert(List.of(later, earlier, sameStart));

            List<ReservedSlot> read = work.reservedSlots().find(SlotCriteria.ofResource(resource)).list();
            assertThat(read).hasSize(3);
            assertThat(read.get(2)).usingRecursiveComparison().ignoringFields("created", "modified").isEqualTo(later);
            assertThat(read.get(0).start()).isEqualTo(hour(0));
            assertThat(read.get(0).resource().toString()).isLessThan(read.get(1).resource().toString());
            assertThat(read.get(2).end()).isEqualTo(hour(0).plus(Duration.ofMinutes(35)).minus(Timespan.MICROSECOND));
            assertThat(read.get(2).source()).isEqualTo(SlotSource.RESERVATION);
            assertThat(read.get(2).sourceId()).isEqualTo(7);
            assertThat(read.get(2).createdAt()).isPresent();
            assertThat(read.get(2).modified()).isNull();
        }
    }

    @Test
    @DisplayName("a slot already stored makes the insert fail with AlreadyReservedError, inserting nothing; the unit of work goes on")
    void duplicateStoredSlot() {
        UUID resource = resource();
        List<Allocation> a;
        try (UnitOfWork work = begin()) {
            a = allocations(work, resource);
            work.reservedSlots().insert(List.of(slot(a.get(2), UUID.randomUUID(), 1)));
            work.commit();
        }
        try (UnitOfWork work = begin()) {
            ReservedSlot fresh = part(a.get(0), 0, UUID.randomUUID(), SlotSource.RESERVATION, 2);

            assertThatThrownBy(() -> work.reservedSlots().insert(List.of(fresh, slot(a.get(2), UUID.randomUUID(), 2))))
                    .isInstanceOf(AlreadyReservedError.class).isNotInstanceOf(NoFreeSpot.class)
                    .satisfies(e -> assertThat(((LibresException) e).code()).isEqualTo(ErrorCode.ALREADY_RESERVED));
            // the port promises a usable unit of work after a duplicate, and nothing of the batch
            assertThat(work.reservedSlots().find(SlotCriteria.ofResource(resource)).count()).isEqualTo(1);
            work.reservedSlots().insert(List.of(fresh));
            work.commit();
        }
        try (UnitOfWork work = begin()) {
            assertThat(work.reservedSlots().find(SlotCriteria.ofResource(resource)).list())
                    .extracting(ReservedSlot::start).containsExactly(hour(0), hour(4));
        }
    }

    @Test
    @DisplayName("two slots with the same resource and start in one batch fail with AlreadyReservedError")
    void duplicateInBatch() {
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            Allocation stored = allocations(work, resource).get(2);
            assertThatThrownBy(() -> work.reservedSlots().insert(List.of(slot(stored, UUID.randomUUID(), 1),
                    slot(stored, UUID.randomUUID(), 2)))).isInstanceOf(AlreadyReservedError.class);
        }
    }

    @Test
    @DisplayName("a slot of an allocation that is not stored is refused (foreign key)")
    void unknownAllocation() {
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            Allocation stored = allocations(work, resource).get(2);
            ReservedSlot orphan = new ReservedSlot(resource, hour(50), hour(51), stored.requireId() + 100_000,
                    SlotSource.RESERVATION, UUID.randomUUID(), 1, null, null);
            assertThatThrownBy(() -> work.reservedSlots().insert(List.of(orphan)))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState()).contains("23503"));
        }
    }

    @Test
    @DisplayName("find narrows by every criterion")
    void findByEveryCriterion() {
        UUID resource = resource();
        UUID tokenA = UUID.randomUUID();
        UUID tokenB = UUID.randomUUID();
        try (UnitOfWork work = begin()) {
            List<Allocation> a = allocations(work, resource);
            work.reservedSlots().insert(List.of(part(a.get(0), 0, tokenA, SlotSource.RESERVATION, 1),
                    part(a.get(0), 60, tokenA, SlotSource.RESERVATION, 1),
                    part(a.get(1), 0, tokenB, SlotSource.BLOCKER, 2),
                    slot(a.get(2), tokenB, 3)));
            SlotCriteria mine = SlotCriteria.ofResource(resource);

            assertThat(work.reservedSlots().find(mine).count()).isEqualTo(4);
            assertThat(work.reservedSlots().find(mine.withAllocationIds(Set.of(a.get(0).requireId()))).count())
                    .isEqualTo(2);
            assertThat(work.reservedSlots().find(mine.withToken(tokenB)).count()).isEqualTo(2);
            assertThat(work.reservedSlots().find(mine.withTokens(Set.of(tokenA, tokenB))).count()).isEqualTo(4);
            assertThat(work.reservedSlots().find(mine.withSource(SlotSource.BLOCKER)).one().resource())
                    .isEqualTo(a.get(1).resource());
            assertThat(work.reservedSlots().find(mine.withSourceId(3)).one().start()).isEqualTo(hour(4));
            assertThat(work.reservedSlots().find(SlotCriteria.any().withResources(Set.of(a.get(1).resource())))
                    .count()).isEqualTo(1);
            assertThat(work.reservedSlots().find(mine.overlapping(new Timespan(hour(1), hour(1)))).list())
                    .extracting(ReservedSlot::start).containsExactly(hour(1));
            assertThat(work.reservedSlots().find(mine.overlapping(new Timespan(hour(0).plus(Duration.ofMinutes(4)),
                    hour(1)))).count()).isEqualTo(3);
            assertThat(work.reservedSlots().find(SlotCriteria.ofResource(UUID.randomUUID())).exists()).isFalse();
        }
    }

    @Test
    @DisplayName("byAllocation groups the slots of the given allocations, each ordered by start")
    void byAllocation() {
        UUID resource = resource();
        UUID token = UUID.randomUUID();
        try (UnitOfWork work = begin()) {
            List<Allocation> a = allocations(work, resource);
            work.reservedSlots().insert(List.of(part(a.get(0), 60, token, SlotSource.RESERVATION, 1),
                    part(a.get(0), 0, token, SlotSource.RESERVATION, 1), slot(a.get(2), token, 1)));

            Map<Integer, List<ReservedSlot>> grouped = work.reservedSlots()
                    .byAllocation(List.of(a.get(0).requireId(), a.get(1).requireId()));
            assertThat(grouped).containsOnlyKeys(a.get(0).requireId());
            assertThat(grouped.get(a.get(0).requireId())).extracting(ReservedSlot::start)
                    .containsExactly(hour(0), hour(1));
            assertThat(work.reservedSlots().byAllocation(List.of())).isEmpty();
        }
    }

    @Test
    @DisplayName("delete removes what matches and tells how many")
    void deleteByCriteria() {
        UUID resource = resource();
        UUID token = UUID.randomUUID();
        try (UnitOfWork work = begin()) {
            List<Allocation> a = allocations(work, resource);
            work.reservedSlots().insert(List.of(part(a.get(0), 0, token, SlotSource.RESERVATION, 1),
                    part(a.get(0), 5, token, SlotSource.RESERVATION, 1), slot(a.get(2), UUID.randomUUID(), 2)));

            assertThat(work.reservedSlots().delete(SlotCriteria.ofResource(resource).withToken(token))).isEqualTo(2);
            assertThat(work.reservedSlots().find(SlotCriteria.ofResource(resource)).one().start()).isEqualTo(hour(4));
        }
    }

    @Test
    @DisplayName("reassign moves every slot of an allocation to another, with its resource")
    void reassign() {
        UUID resource = resource();
        UUID token = UUID.randomUUID();
        try (UnitOfWork work = begin()) {
            List<Allocation> a = allocations(work, resource);
            Allocation master = a.get(0);
            Allocation mirror = a.get(1);
            work.reservedSlots().insert(List.of(part(mirror, 0, token, SlotSource.RESERVATION, 1),
                    part(mirror, 10, token, SlotSource.RESERVATION, 1)));

            int moved = work.reservedSlots().reassign(mirror.requireId(), master.resource(), master.requireId());

            assertThat(moved).isEqualTo(2);
            List<ReservedSlot> slots = work.reservedSlots().find(SlotCriteria.ofResource(resource)).list();
            assertThat(slots).allSatisfy(s -> {
                assertThat(s.resource()).isEqualTo(master.resource());
                assertThat(s.allocationId()).isEqualTo(master.requireId());
                assertThat(s.reservationToken()).isEqualTo(token);
            });
            assertThat(work.reservedSlots().reassign(mirror.requireId(), master.resource(), master.requireId()))
                    .isZero();
        }
    }

    @Test
    @DisplayName("reassign onto a resource that holds the slot fails with AlreadyReservedError")
    void reassignOntoTaken() {
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            List<Allocation> a = allocations(work, resource);
            work.reservedSlots().insert(List.of(part(a.get(0), 0, UUID.randomUUID(), SlotSource.RESERVATION, 1),
                    part(a.get(1), 0, UUID.randomUUID(), SlotSource.RESERVATION, 2)));

            assertThatThrownBy(() -> work.reservedSlots().reassign(a.get(1).requireId(), a.get(0).resource(),
                    a.get(0).requireId())).isInstanceOf(AlreadyReservedError.class);
        }
    }
}
