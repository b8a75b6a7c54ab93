package io.libres.testkit.contract;

import static io.libres.testkit.contract.ContractFixture.allocation;
import static io.libres.testkit.contract.ContractFixture.blocker;
import static io.libres.testkit.contract.ContractFixture.hour;
import static io.libres.testkit.contract.ContractFixture.reservation;
import static io.libres.testkit.contract.ContractFixture.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.db.models.Allocation;
import io.libres.errors.MultipleResultsFound;
import io.libres.errors.NoResultFound;
import io.libres.errors.OverlappingAllocationError;
import io.libres.errors.StorageException;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.UnitOfWork;
import io.libres.time.Raster;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** The contract of {@link io.libres.spi.AllocationStore}. */
public abstract class AllocationStoreContract extends ContractGroup {

    /**
     * Creates the group.
     *
     * @param fixture supplies the running test's fixture
     */
    protected AllocationStoreContract(Supplier<ContractFixture> fixture) {
        super(fixture);
    }

    private static Allocation full(UUID resource, Instant start) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("room", "Aula");
        data.put("seats", 120);
        data.put("tags", List.of("big", "quiet"));
        data.put("owner", Map.of("name", "Zoë"));
        return allocation(resource, start, 3).toBuilder()
                .quota(4)
                .quotaLimit(2)
                .partlyAvailable(true)
                .approveManually(true)
                .raster(Raster.FIFTEEN)
                .timezone("America/New_York")
                .data(data)
                .build();
    }

    @Test
    @DisplayName("insert gives ids and creation times, in order, and keeps every column")
    void insertKeepsEveryColumn() {
        UUID resource = resource();
        Allocation wanted = full(resource, hour(0));
        Allocation second = allocation(resource, hour(5), 1);
        try (UnitOfWork work = begin()) {
            List<Allocation> stored = work.allocations().insert(List.of(wanted, second));

            assertThat(stored).hasSize(2);
            assertThat(stored.get(0).id()).isPresent();
            assertThat(stored.get(1).requireId()).isNotEqualTo(stored.get(0).requireId());
            assertThat(stored.get(0).created()).isPresent();
            Allocation read = work.allocations().find(AllocationCriteria.ofResource(resource)).list().get(0);
            assertThat(read.requireId()).isEqualTo(stored.get(0).requireId());
            assertThat(read.resource()).isEqualTo(resource);
            assertThat(read.mirrorOf()).isEqualTo(resource);
            assertThat(read.group()).isEqualTo(wanted.group());
            assertThat(read.type()).isEqualTo(Allocation.GENERIC_TYPE);
            assertThat(read.quota()).isEqualTo(4);
            assertThat(read.quotaLimit()).isEqualTo(2);
            assertThat(read.partlyAvailable()).isTrue();
            assertThat(read.approveManually()).isTrue();
            assertThat(read.raster()).isEqualTo(Raster.FIFTEEN);
            assertThat(read.timezone()).contains("America/New_York");
            assertThat(read.data()).isEqualTo(wanted.data());
            assertThat(read.start()).isEqualTo(hour(0));
            assertThat(read.end()).isEqualTo(hour(3).minus(Timespan.MICROSECOND));
            assertThat(read.created()).isEqualTo(stored.get(0).created());
            assertThat(read.modified()).isEmpty();
        }
    }

    @Test
    @DisplayName("absent data reads back as an empty object and a missing zone as empty")
    void emptyDataAndZone() {
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            work.allocations().insert(List.of(allocation(resource, hour(0), 1).toBuilder().timezone(null).build()));

            Allocation read = work.allocations().find(AllocationCriteria.ofResource(resource)).one();
            assertThat(read.data()).isEmpty();
            assertThat(read.timezone()).isEmpty();
        }
    }

    @Test
    @DisplayName("insert refuses an allocation with the resource and start of a stored one, and inserts nothing")
    void insertRefusesStoredKey() {
        UUID resource = resource();
        Allocation stored = fixture().committed(allocation(resource, hour(0), 2)).get(0);
        try (UnitOfWork work = begin()) {
            Allocation fresh = allocation(resource, hour(4), 1);
            Allocation clash = allocation(resource, hour(0), 1);

            assertThatThrownBy(() -> work.allocations().insert(List.of(fresh, clash)))
                    .isInstanceOfSatisfying(OverlappingAllocationError.class, e -> {
                        assertThat(e.existing().requireId()).isEqualTo(stored.requireId());
                        assertThat(e.start()).isEqualTo(hour(0));
                    });
            if (!fixture().realDatabase()) {
                assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).count()).isEqualTo(1);
            }
        }
        try (UnitOfWork work = begin()) {
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).list())
                    .extracting(a -> a.requireId()).containsExactly(stored.requireId());
        }
    }

    @Test
    @DisplayName("insert refuses two allocations with the same resource and start in one batch")
    void insertRefusesTwinsInBatch() {
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            assertThatThrownBy(() -> work.allocations().insert(List.of(allocation(resource, hour(0), 1),
                    allocation(resource, hour(0), 2)))).isInstanceOf(OverlappingAllocationError.class);
        }
    }

    @Test
    @DisplayName("update writes every column by id and sets the modification time")
    void updateWritesEveryColumn() {
        UUID resource = resource();
        Allocation stored = fixture().committed(allocation(resource, hour(0), 2)).get(0);
        Allocation changed = full(resource, hour(1)).toBuilder().id(stored.requireId()).group(stored.group())
                .created(stored.created().orElseThrow()).build();
        try (UnitOfWork work = begin()) {
            work.allocations().update(List.of(changed));
            work.commit();
        }
        try (UnitOfWork work = begin()) {
            Allocation read = work.allocations().find(AllocationCriteria.ofResource(resource)).one();
            assertThat(read.start()).isEqualTo(hour(1));
            assertThat(read.end()).isEqualTo(changed.end());
            assertThat(read.quota()).isEqualTo(4);
            assertThat(read.partlyAvailable()).isTrue();
            assertThat(read.raster()).isEqualTo(Raster.FIFTEEN);
            assertThat(read.data()).isEqualTo(changed.data());
            assertThat(read.modified()).isPresent();
            assertThat(read.created()).isEqualTo(stored.created());
        }
    }

    @Test
    @DisplayName("find narrows by every criterion and orders by start, then id")
    void findByEveryCriterion() {
        UUID resource = resource();
        UUID mirror = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        Allocation later = allocation(resource, hour(6), 1).toBuilder().group(group).approveManually(true).build();
        Allocation first = allocation(resource, hour(0), 2).toBuilder().partlyAvailable(true).build();
        Allocation mirrored = allocation(resource, hour(0), 2).toBuilder().resource(mirror).group(first.group()).build();
        Allocation grouped = allocation(resource, hour(9), 1).toBuilder().group(group).build();
        try (UnitOfWork work = begin()) {
            List<Allocation> stored = work.allocations().insert(List.of(later, first, mirrored, grouped));
            int laterId = stored.get(0).requireId();
            int firstId = stored.get(1).requireId();
            int mirrorId = stored.get(2).requireId();
            int groupedId = stored.get(3).requireId();
            AllocationCriteria mine = AllocationCriteria.ofResource(resource);

            assertThat(ids(work, mine)).containsExactly(Math.min(firstId, mirrorId), Math.max(firstId, mirrorId),
                    laterId, groupedId);
            assertThat(ids(work, mine.masters())).containsExactly(firstId, laterId, groupedId);
            assertThat(ids(work, mine.withResources(Set.of(mirror)))).containsExactly(mirrorId);
            assertThat(ids(work, mine.withIds(Set.of(laterId, groupedId)))).containsExactly(laterId, groupedId);
            assertThat(ids(work, mine.withGroups(Set.of(group)))).containsExactly(laterId, groupedId);
            assertThat(ids(work, mine.startingAt(hour(6)))).containsExactly(laterId);
            assertThat(ids(work, mine.withApproveManually(true))).containsExactly(laterId);
            assertThat(ids(work, mine.withPartlyAvailable(true))).containsExactly(firstId);
            assertThat(ids(work, mine.withIds(Set.of()))).isEmpty();
            assertThat(ids(work, AllocationCriteria.ofResource(UUID.randomUUID()))).isEmpty();
        }
    }

    @Test
    @DisplayName("overlapping spans match with both ends inclusive, any of several spans")
    void findOverlapping() {
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            List<Allocation> stored = work.allocations().insert(List.of(allocation(resource, hour(0), 2),
                    allocation(resource, hour(4), 2)));
            int early = stored.get(0).requireId();
            int late = stored.get(1).requireId();
            AllocationCriteria mine = AllocationCriteria.ofResource(resource);

            Instant earlyEnd = stored.get(0).end();
            assertThat(ids(work, mine.overlappingAny(List.of(new Timespan(earlyEnd, hour(3)))))).containsExactly(early);
            assertThat(ids(work, mine.overlappingAny(List.of(new Timespan(hour(3), hour(4)))))).containsExactly(late);
            assertThat(ids(work, mine.overlappingAny(List.of(new Timespan(earlyEnd.plus(Timespan.MICROSECOND),
                    hour(4).minus(Timespan.MICROSECOND)))))).isEmpty();
            assertThat(ids(work, mine.overlappingAny(List.of(new Timespan(hour(1), hour(1)),
                    new Timespan(hour(5), hour(7)))))).containsExactly(early, late);
            assertThat(ids(work, mine.overlappingAny(List.of(new Timespan(hour(-5), hour(10)))))).containsExactly(early, late);
        }
    }

    @Test
    @DisplayName("results count, give the first, the only one or fail with NoResultFound / MultipleResultsFound")
    void resultShapes() {
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            work.allocations().insert(List.of(allocation(resource, hour(3), 1), allocation(resource, hour(0), 1)));
            AllocationCriteria mine = AllocationCriteria.ofResource(resource);

            assertThat(work.allocations().find(mine).count()).isEqualTo(2);
            assertThat(work.allocations().find(mine).first()).get().extracting(Allocation::start).isEqualTo(hour(0));
            assertThat(work.allocations().find(mine).exists()).isTrue();
            assertThat(work.allocations().find(mine.startingAt(hour(3))).one().start()).isEqualTo(hour(3));
            assertThatThrownBy(() -> work.allocations().find(mine).one()).isInstanceOf(MultipleResultsFound.class);
            assertThatThrownBy(() -> work.allocations().find(mine.startingAt(hour(1))).one())
                    .isInstanceOf(NoResultFound.class);
            assertThat(work.allocations().find(mine.startingAt(hour(1))).exists()).isFalse();
            try (var stream = work.allocations().find(mine).stream()) {
                assertThat(stream.map(Allocation::start)).containsExactly(hour(0), hour(3));
            }
        }
    }

    @Test
    @DisplayName("a stream longer than one fetch gives every record in order, with other statements run while it is open")
    void longStream() {
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            List<Allocation> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 1_200; i++) {
                rows.add(allocation(resource, hour(i), 1));
            }
            work.allocations().insert(rows);
            AllocationCriteria mine = AllocationCriteria.ofResource(resource);
            List<Instant> seen = new java.util.ArrayList<>();
            List<Long> countsMeanwhile = new java.util.ArrayList<>();
            try (var stream = work.allocations().find(mine).stream()) {
                stream.forEach(allocation -> {
                    seen.add(allocation.start());
                    if (seen.size() % 400 == 0) {
                        // an SQL storage streams through a cursor: the unit of work must stay usable meanwhile
                        countsMeanwhile.add(work.allocations().find(mine).count());
                    }
                });
            }

            assertThat(seen).hasSize(1_200).isSorted().first().isEqualTo(hour(0));
            assertThat(seen.get(1_199)).isEqualTo(hour(1_199));
            assertThat(countsMeanwhile).containsExactly(1_200L, 1_200L, 1_200L);
        }
    }

    @Test
    @DisplayName("delete removes what matches and tells how many")
    void deleteByCriteria() {
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            work.allocations().insert(List.of(allocation(resource, hour(0), 1), allocation(resource, hour(2), 1),
                    allocation(resource, hour(4), 1)));

            assertThat(work.allocations().delete(AllocationCriteria.ofResource(resource).startingAt(hour(2))))
                    .isEqualTo(1);
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).list())
                    .extracting(Allocation::start).containsExactly(hour(0), hour(4));
            assertThat(work.allocations().delete(AllocationCriteria.ofResource(resource))).isEqualTo(2);
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).exists()).isFalse();
        }
    }

    @Test
    @DisplayName("an allocation with reserved slots cannot be deleted (foreign key, SQLSTATE 23503)")
    void deleteRefusesReservedAllocation() {
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            Allocation stored = work.allocations().insert(List.of(allocation(resource, hour(0), 1))).get(0);
            work.reservedSlots().insert(List.of(slot(stored, UUID.randomUUID(), 1)));

            assertThatThrownBy(() -> work.allocations().delete(AllocationCriteria.ofResource(resource)))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.sqlState()).contains("23503"));
        }
    }

    @Test
    @DisplayName("isInGroup tells whether another allocation of the resource shares the group")
    void isInGroup() {
        UUID resource = resource();
        UUID group = UUID.randomUUID();
        try (UnitOfWork work = begin()) {
            Allocation alone = work.allocations().insert(List.of(allocation(resource, hour(0), 1))).get(0);
            work.allocations().insert(List.of(allocation(resource, hour(2), 1).toBuilder().group(group).build(),
                    allocation(resource, hour(4), 1).toBuilder().group(group).build()));

            assertThat(work.allocations().isInGroup(resource, alone.group())).isFalse();
            assertThat(work.allocations().isInGroup(resource, group)).isTrue();
            assertThat(work.allocations().isInGroup(UUID.randomUUID(), group)).isFalse();
        }
    }

    @Test
    @DisplayName("findUnused leaves out what slots, reservations or blockers use, and groups reaching outside")
    void findUnused() {
        UUID resource = resource();
        UUID group = UUID.randomUUID();
        UUID wideGroup = UUID.randomUUID();
        try (UnitOfWork work = begin()) {
            List<Allocation> stored = work.allocations().insert(List.of(
                    allocation(resource, hour(0), 1),
                    allocation(resource, hour(2), 1),
                    allocation(resource, hour(4), 1),
                    allocation(resource, hour(6), 1),
                    allocation(resource, hour(8), 1).toBuilder().group(group).build(),
                    allocation(resource, hour(10), 1).toBuilder().group(group).build(),
                    allocation(resource, hour(12), 1).toBuilder().group(wideGroup).build(),
                    allocation(resource, hour(100), 1).toBuilder().group(wideGroup).build(),
                    allocation(resource, hour(200), 1)));
            Allocation free = stored.get(0);
            work.reservedSlots().insert(List.of(slot(stored.get(1), UUID.randomUUID(), 1)));
            work.reservations().insert(List.of(reservation(stored.get(2), UUID.randomUUID())));
            work.blockers().insert(List.of(blocker(stored.get(3), UUID.randomUUID())));
            Timespan range = new Timespan(hour(0), hour(24));

            assertThat(work.allocations().findUnused(resource, range, false).list())
                    .extracting(a -> a.requireId())
                    .containsExactly(free.requireId(), stored.get(4).requireId(), stored.get(5).requireId());
            assertThat(work.allocations().findUnused(resource, range, true).list())
                    .extracting(a -> a.requireId()).containsExactly(free.requireId());
            assertThat(work.allocations().findUnused(UUID.randomUUID(), range, false).list()).isEmpty();
        }
    }

    private static List<Integer> ids(UnitOfWork work, AllocationCriteria criteria) {
        return work.allocations().find(criteria).list().stream().map(Allocation::requireId).toList();
    }
}
