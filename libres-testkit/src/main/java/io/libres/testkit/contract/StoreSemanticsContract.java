package io.libres.testkit.contract;

import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.ReservationStatus;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.db.models.TargetType;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.OverlappingAllocationError;
import io.libres.errors.SerializationFailure;
import io.libres.errors.StorageException;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.BlockerCriteria;
import io.libres.spi.ReservationCriteria;
import io.libres.spi.Savepoint;
import io.libres.spi.SlotCriteria;
import io.libres.spi.Storage;
import io.libres.spi.UnitOfWork;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stores as the scheduler relies on them, a group of {@link StorageContractTest}: the
 * criteria and order of every store method, rollback, savepoints, error translation (duplicate
 * slots and allocations) and SERIALIZABLE behaviour under concurrent double-booking attempts,
 * seen through whole scheduler-shaped records.
 *
 * <p>Every test works on a fresh random resource, so a storage on a shared database may be
 * reused; tests that look at every row ({@code any()} criteria) use resource criteria instead.
 */
public abstract class StoreSemanticsContract extends ContractGroup {

    private final UUID resource = UUID.randomUUID();

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected StoreSemanticsContract(Supplier<ContractFixture> fixture) {
        super(fixture);
    }

    private Storage storage() {
        return fixture().storage();
    }

    private Allocation newAllocation(String start) {
        Instant s = Instant.parse(start);
        return Allocation.builder().resource(resource).mirrorOf(resource).group(UUID.randomUUID())
                .timespan(new Timespan(s, s.plusSeconds(3600).minusNanos(1000))).build();
    }

    private Allocation stored(String start) {
        try (UnitOfWork work = storage().begin()) {
            Allocation a = work.allocations().insert(List.of(newAllocation(start))).get(0);
            work.commit();
            return a;
        }
    }

    private SlotCriteria slotsOfResource() {
        return SlotCriteria.ofResource(resource);
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
        try (UnitOfWork work = storage().begin()) {
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).list()).containsExactly(a);
        }
    }

    @Test
    @DisplayName("rollback really undoes every write")
    void rollbackUndoes() {
        Allocation a = stored("2015-01-01T10:00:00Z");
        try (UnitOfWork work = storage().begin()) {
            work.allocations().insert(List.of(newAllocation("2015-01-02T10:00:00Z")));
            work.reservedSlots().insert(List.of(slotOf(a)));
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).count()).isEqualTo(2);
            work.rollback();
        }
        try (UnitOfWork work = storage().begin()) {
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).count()).isEqualTo(1);
            assertThat(work.reservedSlots().find(slotsOfResource()).count()).isZero();
        }
    }

    @Test
    @DisplayName("closing without commit discards the writes")
    void closeDiscards() {
        try (UnitOfWork work = storage().begin()) {
            work.allocations().insert(List.of(newAllocation("2015-01-02T10:00:00Z")));
        }
        try (UnitOfWork work = storage().begin()) {
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).exists()).isFalse();
        }
    }

    @Test
    @DisplayName("a duplicate reserved slot is an AlreadyReservedError and nothing of the batch is written")
    void duplicateSlot() {
        Allocation a = stored("2015-01-01T10:00:00Z");
        try (UnitOfWork work = storage().begin()) {
            work.reservedSlots().insert(List.of(slotOf(a)));
            assertThatThrownBy(() -> work.reservedSlots().insert(List.of(slotOf(a))))
                    .isInstanceOf(AlreadyReservedError.class);
            assertThat(work.reservedSlots().find(slotsOfResource()).count()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a second allocation with the same resource and start is refused")
    void duplicateAllocation() {
        stored("2015-01-01T10:00:00Z");
        try (UnitOfWork work = storage().begin()) {
            assertThatThrownBy(() -> work.allocations().insert(List.of(newAllocation("2015-01-01T10:00:00Z"))))
                    .isInstanceOf(OverlappingAllocationError.class);
        }
    }

    @Test
    @DisplayName("a unit of work that is over cannot be used")
    void endedUnitOfWork() {
        UnitOfWork work = storage().begin();
        work.commit();
        assertThat(work.isOpen()).isFalse();
        assertThatThrownBy(() -> work.allocations().find(AllocationCriteria.ofResource(resource)).list())
                .isInstanceOf(StorageException.class).hasMessageContaining("expected an open unit of work");
    }

    @Test
    @DisplayName("two units of work that read what the other writes cannot both commit (write skew)")
    void writeSkewFails() {
        Allocation a = stored("2015-01-01T10:00:00Z");
        Allocation b = stored("2015-01-02T10:00:00Z");
        SlotCriteria both = slotsOfResource().withAllocationIds(List.of(a.requireId(), b.requireId()));
        UnitOfWork first = storage().begin();
        UnitOfWork second = storage().begin();
        try {
            assertThat(first.reservedSlots().find(both).exists()).isFalse();
            assertThat(second.reservedSlots().find(both).exists()).isFalse();
            first.reservedSlots().insert(List.of(slotOf(a)));
            second.reservedSlots().insert(List.of(slotOf(b)));
            first.commit();
            assertThatThrownBy(second::commit).isInstanceOf(SerializationFailure.class)
                    .satisfies(e -> assertThat(((SerializationFailure) e).isRetryable()).isTrue())
                    .satisfies(e -> assertThat(((SerializationFailure) e).sqlState()).contains("40001"));
        } finally {
            first.close();
            second.close();
        }
        try (UnitOfWork work = storage().begin()) {
            assertThat(work.reservedSlots().find(slotsOfResource()).list()).extracting(ReservedSlot::allocationId)
                    .containsExactly(a.requireId());
        }
    }

    @Test
    @DisplayName("a reader does not conflict with a writer")
    void readersDoNotConflict() {
        stored("2015-01-01T10:00:00Z");
        UnitOfWork reader = storage().begin();
        UnitOfWork writer = storage().begin();
        reader.allocations().find(AllocationCriteria.ofResource(resource)).list();
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
                try (UnitOfWork work = storage().begin()) {
                    if (work.reservedSlots().find(slotsOfResource().withAllocationIds(List.of(a.requireId()))).exists()) {
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
        try (UnitOfWork work = storage().begin()) {
            assertThat(work.reservedSlots().find(slotsOfResource()).count()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("ids are never handed out twice, even after a rollback")
    void sequencesAreNotRolledBack() {
        int firstId;
        try (UnitOfWork work = storage().begin()) {
            firstId = work.allocations().insert(List.of(newAllocation("2015-01-01T10:00:00Z"))).get(0).requireId();
            work.rollback();
        }
        Allocation a = stored("2015-01-01T10:00:00Z");
        assertThat(a.requireId()).isGreaterThan(firstId);
    }

    private Allocation build(String start, int hours, UUID group, UUID ownResource) {
        Instant s = Instant.parse(start);
        return Allocation.builder().resource(ownResource).mirrorOf(resource).group(group)
                .timespan(new Timespan(s, s.plusSeconds(3600L * hours).minusNanos(1000))).build();
    }

    private Reservation.Builder reservation(UUID token, UUID target) {
        return Reservation.builder().token(token).target(target).targetType(TargetType.GROUP).resource(resource)
                .email("contract@example.org");
    }

    @Test
    @DisplayName("allocation criteria: masters, resources, ids, groups, start and flags, ordered by start")
    void allocationCriteria() {
        UUID group = UUID.randomUUID();
        UUID mirror = UUID.randomUUID();
        List<Allocation> stored;
        try (UnitOfWork work = storage().begin()) {
            stored = work.allocations().insert(List.of(
                    build("2015-01-02T10:00:00Z", 1, group, resource),
                    build("2015-01-01T10:00:00Z", 1, group, resource).toBuilder().approveManually(true).build(),
                    build("2015-01-02T10:00:00Z", 1, group, mirror),
                    build("2015-01-03T10:00:00Z", 1, UUID.randomUUID(), resource).toBuilder().partlyAvailable(true).build()));
            work.commit();
        }
        try (UnitOfWork work = storage().begin()) {
            AllocationCriteria ours = AllocationCriteria.ofResource(resource);
            assertThat(work.allocations().find(ours).list()).extracting(Allocation::start).isSorted();
            assertThat(work.allocations().find(ours).count()).isEqualTo(4);
            assertThat(work.allocations().find(ours.masters()).count()).isEqualTo(3);
            assertThat(work.allocations().find(ours.withResources(List.of(mirror))).one()).isEqualTo(stored.get(2));
            assertThat(work.allocations().find(ours.withIds(List.of(stored.get(0).requireId()))).one()).isEqualTo(stored.get(0));
            assertThat(work.allocations().find(ours.withGroups(List.of(group))).count()).isEqualTo(3);
            assertThat(work.allocations().find(ours.startingAt(Instant.parse("2015-01-02T10:00:00Z"))).count()).isEqualTo(2);
            assertThat(work.allocations().find(ours.withApproveManually(true)).one()).isEqualTo(stored.get(1));
            assertThat(work.allocations().find(ours.withPartlyAvailable(true)).one()).isEqualTo(stored.get(3));
            assertThat(work.allocations().find(AllocationCriteria.ofResource(UUID.randomUUID())).exists()).isFalse();
            assertThat(work.allocations().isInGroup(resource, group)).isTrue();
            assertThat(work.allocations().isInGroup(mirror, group)).isFalse();
        }
    }

    @Test
    @DisplayName("reassigning several allocations' slots at once moves each slot once, also onto a spot another slot leaves; a slot that stays is AlreadyReservedError")
    void reassignMany() {
        Allocation master = stored("2015-01-01T10:00:00Z");
        try (UnitOfWork work = storage().begin()) {
            List<Allocation> mirrors = work.allocations().insert(List.of(
                    master.copy().toBuilder().resource(UUID.randomUUID()).build(),
                    master.copy().toBuilder().resource(UUID.randomUUID()).build(),
                    master.copy().toBuilder().resource(UUID.randomUUID()).build()));
            Allocation first = mirrors.get(0);
            Allocation second = mirrors.get(1);
            Allocation free = mirrors.get(2);
            work.reservedSlots().insert(List.of(
                    ReservedSlot.of(first, first.timespan(), SlotSource.RESERVATION, UUID.randomUUID(), 1),
                    ReservedSlot.of(second, second.timespan(), SlotSource.RESERVATION, UUID.randomUUID(), 2)));
            // first -> master and second -> first: second's slot arrives where first's slot leaves
            assertThat(work.reservedSlots().reassign(Map.of(first.requireId(), master,
                    second.requireId(), first))).isEqualTo(2);
            assertThat(work.reservedSlots().byAllocation(List.of(master.requireId(), first.requireId(),
                    second.requireId(), free.requireId())))
                    .containsOnlyKeys(master.requireId(), first.requireId());
            assertThat(work.reservedSlots().byAllocation(List.of(first.requireId())).get(first.requireId()))
                    .extracting(ReservedSlot::resource, ReservedSlot::sourceId).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(first.resource(), 2));
            assertThatThrownBy(() -> work.reservedSlots().reassign(Map.of(master.requireId(), first)))
                    .isInstanceOf(io.libres.errors.AlreadyReservedError.class);
            assertThat(work.reservedSlots().reassign(Map.of())).isZero();
        }
    }

    @Test
    @DisplayName("group sizes count the allocations of one resource per group, in one call; empty groups are absent")
    void groupSizes() {
        UUID pair = UUID.randomUUID();
        UUID single = UUID.randomUUID();
        UUID empty = UUID.randomUUID();
        UUID mirror = UUID.randomUUID();
        try (UnitOfWork work = storage().begin()) {
            work.allocations().insert(List.of(
                    build("2015-01-01T10:00:00Z", 1, pair, resource),
                    build("2015-01-02T10:00:00Z", 1, pair, resource),
                    build("2015-01-02T10:00:00Z", 1, pair, mirror),
                    build("2015-01-03T10:00:00Z", 1, single, resource)));
            work.commit();
        }
        try (UnitOfWork work = storage().begin()) {
            assertThat(work.allocations().groupSizes(resource, List.of(pair, single, empty)))
                    .containsOnly(Map.entry(pair, 2), Map.entry(single, 1));
            assertThat(work.allocations().groupSizes(mirror, List.of(pair, single))).containsOnly(Map.entry(pair, 1));
            assertThat(work.allocations().groupSizes(resource, List.of())).isEmpty();
            assertThat(work.allocations().groupSizes(List.of(resource, mirror), List.of(pair, single, empty)))
                    .containsOnly(Map.entry(pair, 3), Map.entry(single, 1));
            assertThat(work.allocations().groupSizes(List.of(mirror), List.of(pair, single)))
                    .containsOnly(Map.entry(pair, 1));
            assertThat(work.allocations().groupSizes(List.of(resource), List.of())).isEmpty();
            assertThat(work.allocations().isInGroup(resource, pair)).isTrue();
            assertThat(work.allocations().isInGroup(resource, single)).isFalse();
        }
    }

    @Test
    @DisplayName("overlapping criteria include both ends and match any of several spans")
    void overlappingCriteria() {
        Allocation a = stored("2015-01-01T10:00:00Z");
        Allocation b = stored("2015-01-01T12:00:00Z");
        try (UnitOfWork work = storage().begin()) {
            AllocationCriteria ours = AllocationCriteria.ofResource(resource);
            assertThat(work.allocations().find(ours.overlappingAny(List.of(new Timespan(a.end(), a.end())))).one()).isEqualTo(a);
            assertThat(work.allocations().find(ours.overlappingAny(List.of(new Timespan(Instant.parse("2015-01-01T09:00:00Z"),
                    a.start())))).one()).isEqualTo(a);
            assertThat(work.allocations().find(ours.overlappingAny(List.of(new Timespan(Instant.parse("2015-01-01T11:00:00Z"),
                    Instant.parse("2015-01-01T11:59:59Z"))))).exists()).isFalse();
            assertThat(work.allocations().find(ours.overlappingAny(List.of(a.timespan(), b.timespan()))).list()).containsExactly(a, b);
        }
    }

    @Test
    @DisplayName("allocations overlapping a span across resources: the overlap criterion's answer, masters in progress and mirrors included")
    void findOverlapping() {
        UUID other = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        Instant noon = Instant.parse("2015-01-02T12:00:00Z");
        Allocation longMaster = build("2015-01-01T00:00:00Z", 72, group, resource);
        Allocation longMirror = build("2015-01-01T00:00:00Z", 72, group, UUID.randomUUID());
        Allocation longAgo = build("2014-12-01T10:00:00Z", 1, UUID.randomUUID(), resource);
        Allocation within = build("2015-01-04T10:00:00Z", 1, UUID.randomUUID(), resource);
        Allocation after = build("2015-01-05T10:00:00Z", 1, UUID.randomUUID(), resource);
        Allocation endsBefore = of(other, Instant.parse("2015-01-02T10:00:00Z"), noon.minusSeconds(3600).minusNanos(1000));
        Allocation endsAtStart = of(other, Instant.parse("2015-01-02T11:00:00Z"), noon);
        Allocation startsAtStart = of(other, noon.plusNanos(1000), noon.plusSeconds(3600));
        Allocation startsAtEnd = of(other, Instant.parse("2015-01-04T10:59:59Z"), Instant.parse("2015-01-04T11:30:00Z"));
        try (UnitOfWork work = storage().begin()) {
            List<Allocation> stored = work.allocations().insert(List.of(longMaster, longMirror, longAgo, within,
                    after, endsBefore, endsAtStart, startsAtStart, startsAtEnd));
            Timespan span = new Timespan(noon, Instant.parse("2015-01-04T10:59:59Z"));
            List<Allocation> expected = List.of(stored.get(0), stored.get(1), stored.get(6), stored.get(7),
                    stored.get(3), stored.get(8));
            assertThat(work.allocations().findOverlapping(List.of(resource, other), span))
                    .containsExactlyElementsOf(work.allocations().find(AllocationCriteria.ofResources(List.of(resource,
                            other)).overlappingAny(List.of(span))).list())
                    .containsExactlyElementsOf(expected);
            assertThat(work.allocations().findOverlapping(List.of(resource), span))
                    .containsExactly(stored.get(0), stored.get(1), stored.get(3));
            // a span in a gap, a span before everything, a single instant at an allocation's end
            assertThat(work.allocations().findOverlapping(List.of(resource),
                    new Timespan(Instant.parse("2015-01-04T12:00:00Z"), Instant.parse("2015-01-05T09:00:00Z")))).isEmpty();
            assertThat(work.allocations().findOverlapping(List.of(resource, other),
                    new Timespan(Instant.parse("2014-01-01T00:00:00Z"), Instant.parse("2014-01-02T00:00:00Z")))).isEmpty();
            assertThat(work.allocations().findOverlapping(List.of(resource), new Timespan(longAgo.end(), longAgo.end())))
                    .containsExactly(stored.get(2));
            assertThat(work.allocations().findOverlapping(List.of(), span)).isEmpty();
        }
    }

    private Allocation of(UUID master, Instant start, Instant end) {
        return Allocation.builder().resource(master).mirrorOf(master).group(UUID.randomUUID())
                .timespan(new Timespan(start, end)).buildAsStored();
    }

    @Test
    @DisplayName("slots starting within a span, by their resources, ordered by start then resource")
    void slotsStartingWithin() {
        Allocation day = build("2015-01-01T08:00:00Z", 10, UUID.randomUUID(), resource);
        UUID mirror = UUID.randomUUID();
        Allocation mirrorDay = build("2015-01-01T08:00:00Z", 10, day.group(), mirror);
        try (UnitOfWork work = storage().begin()) {
            List<Allocation> stored = work.allocations().insert(List.of(day, mirrorDay));
            List<ReservedSlot> slots = new ArrayList<>();
            for (int hour = 8; hour < 18; hour++) {
                Instant start = Instant.parse("2015-01-01T08:00:00Z").plusSeconds(3600L * (hour - 8));
                Timespan slot = new Timespan(start, start.plusSeconds(3600).minusNanos(1000));
                slots.add(ReservedSlot.of(stored.get(hour % 2), slot, SlotSource.RESERVATION, UUID.randomUUID(), hour));
            }
            work.reservedSlots().insert(slots);
            // from 09:30 (the 09:00 slot overlaps, but starts before) to 12:00 (the 12:00 slot starts there)
            Timespan span = new Timespan(Instant.parse("2015-01-01T09:30:00Z"), Instant.parse("2015-01-01T12:00:00Z"));
            assertThat(work.reservedSlots().findStartingWithin(List.of(resource, mirror), span))
                    .extracting(ReservedSlot::sourceId).containsExactly(10, 11, 12);
            assertThat(work.reservedSlots().findStartingWithin(List.of(resource), span))
                    .extracting(ReservedSlot::sourceId).containsExactly(10, 12);
            assertThat(work.reservedSlots().findStartingWithin(List.of(UUID.randomUUID()), span)).isEmpty();
            assertThat(work.reservedSlots().findStartingWithin(List.of(), span)).isEmpty();
        }
    }

    @Test
    @DisplayName("updating writes every column and sets the modification time; deleting by criteria counts")
    void updateAndDelete() {
        Allocation a = stored("2015-01-01T10:00:00Z");
        UUID group = UUID.randomUUID();
        try (UnitOfWork work = storage().begin()) {
            work.allocations().update(List.of(a.toBuilder().quota(3).quotaLimit(2).group(group).data(Map.of("k", "v"))
                    .timezone("Europe/Zurich").build()));
            work.commit();
        }
        try (UnitOfWork work = storage().begin()) {
            Allocation updated = work.allocations().find(AllocationCriteria.ofResource(resource)).one();
            assertThat(updated.quota()).isEqualTo(3);
            assertThat(updated.quotaLimit()).isEqualTo(2);
            assertThat(updated.group()).isEqualTo(group);
            assertThat(updated.data()).isEqualTo(Map.of("k", "v"));
            assertThat(updated.timezone()).contains("Europe/Zurich");
            assertThat(updated.modified()).isPresent();
            assertThat(updated.created()).isEqualTo(a.created());
            assertThat(work.allocations().delete(AllocationCriteria.ofResource(resource))).isEqualTo(1);
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).exists()).isFalse();
        }
    }

    @Test
    @DisplayName("unused allocations have no slots, reservations or blockers, and their group lies in the range")
    void unused() {
        UUID group = UUID.randomUUID();
        Allocation free = stored("2015-01-01T10:00:00Z");
        Allocation slotted = stored("2015-01-02T10:00:00Z");
        Allocation reserved = stored("2015-01-03T10:00:00Z");
        Allocation grouped1;
        try (UnitOfWork work = storage().begin()) {
            List<Allocation> pair = work.allocations().insert(List.of(build("2015-01-04T10:00:00Z", 1, group, resource),
                    build("2015-02-04T10:00:00Z", 1, group, resource)));
            grouped1 = pair.get(0);
            work.reservedSlots().insert(List.of(slotOf(slotted)));
            work.reservations().insert(List.of(reservation(UUID.randomUUID(), reserved.group()).build()));
            work.commit();
        }
        Timespan january = new Timespan(Instant.parse("2015-01-01T00:00:00Z"), Instant.parse("2015-01-31T23:59:59Z"));
        try (UnitOfWork work = storage().begin()) {
            assertThat(work.allocations().findUnused(resource, january, false).list()).containsExactly(free);
            Timespan both = new Timespan(january.start(), Instant.parse("2015-02-28T00:00:00Z"));
            assertThat(work.allocations().findUnused(resource, both, false).list()).contains(free, grouped1).hasSize(3);
            assertThat(work.allocations().findUnused(resource, both, true).list()).containsExactly(free);
        }
    }

    @Test
    @DisplayName("slot criteria: token, source, source id, allocations, resources and time, ordered by start")
    void slotCriteria() {
        Allocation a = stored("2015-01-01T10:00:00Z");
        Allocation b = stored("2015-01-01T12:00:00Z");
        UUID token = UUID.randomUUID();
        ReservedSlot first = ReservedSlot.of(b, b.timespan(), SlotSource.RESERVATION, token, 7);
        ReservedSlot second = ReservedSlot.of(a, a.timespan(), SlotSource.BLOCKER, token, 8);
        try (UnitOfWork work = storage().begin()) {
            work.reservedSlots().insert(List.of(first, second));
            SlotCriteria ours = slotsOfResource();
            assertThat(work.reservedSlots().find(ours).list()).extracting(ReservedSlot::start).containsExactly(a.start(), b.start());
            assertThat(work.reservedSlots().find(ours.withToken(token).withSource(SlotSource.BLOCKER)).one().allocationId())
                    .isEqualTo(a.requireId());
            assertThat(work.reservedSlots().find(ours.withSourceId(7)).one().allocationId()).isEqualTo(b.requireId());
            assertThat(work.reservedSlots().find(ours.withAllocationIds(List.of(a.requireId()))).count()).isEqualTo(1);
            assertThat(work.reservedSlots().find(ours.withResources(List.of(resource))).count()).isEqualTo(2);
            assertThat(work.reservedSlots().find(ours.overlapping(new Timespan(a.end(), a.end()))).count()).isEqualTo(1);
            assertThat(work.reservedSlots().find(ours.withTokens(List.of(UUID.randomUUID()))).exists()).isFalse();
            Map<Integer, List<ReservedSlot>> byAllocation = work.reservedSlots().byAllocation(List.of(a.requireId(), b.requireId()));
            assertThat(byAllocation).containsOnlyKeys(a.requireId(), b.requireId());
            assertThat(byAllocation.get(b.requireId())).singleElement().satisfies(s -> {
                assertThat(s.sourceId()).isEqualTo(7);
                assertThat(s.reservationToken()).isEqualTo(token);
                assertThat(s.end()).isEqualTo(b.end());
            });
            assertThat(work.reservedSlots().delete(ours.withSource(SlotSource.RESERVATION))).isEqualTo(1);
            assertThat(work.reservedSlots().find(ours).count()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("reassigning moves every slot of one allocation to another")
    void reassign() {
        Allocation master = stored("2015-01-01T10:00:00Z");
        UUID mirrorResource = UUID.randomUUID();
        try (UnitOfWork work = storage().begin()) {
            Allocation mirror = work.allocations().insert(List.of(master.copy().toBuilder().resource(mirrorResource).build())).get(0);
            work.reservedSlots().insert(List.of(ReservedSlot.of(mirror, mirror.timespan(), SlotSource.RESERVATION, UUID.randomUUID(), 1)));
            assertThat(work.reservedSlots().reassign(mirror.requireId(), master.resource(), master.requireId())).isEqualTo(1);
            ReservedSlot moved = work.reservedSlots().find(slotsOfResource()).one();
            assertThat(moved.resource()).isEqualTo(master.resource());
            assertThat(moved.allocationId()).isEqualTo(master.requireId());
            assertThat(work.reservedSlots().byAllocation(List.of(mirror.requireId()))).isEmpty();
        }
    }

    @Test
    @DisplayName("reservations: ids from the sequence or kept, every column written, criteria, order by id")
    void reservations() {
        UUID token = UUID.randomUUID();
        UUID target = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        try (UnitOfWork work = storage().begin()) {
            List<Reservation> stored = work.reservations().insert(List.of(
                    reservation(token, target).sessionId(session).data(Map.of("n", 1)).build(),
                    reservation(token, target).targetType(TargetType.ALLOCATION).start(Instant.parse("2015-01-01T10:00:00Z"))
                            .end(Instant.parse("2015-01-01T10:59:59.999999Z")).timezone("Europe/Zurich").quota(2).build()));
            assertThat(stored).allMatch(r -> r.id().isPresent() && r.created().isPresent());
            int kept = stored.get(0).requireId();
            ReservationCriteria ours = ReservationCriteria.ofResources(List.of(resource));
            assertThat(work.reservations().find(ours.withToken(token)).list()).extracting(Reservation::requireId).isSorted();
            assertThat(work.reservations().find(ours.withTargetType(TargetType.ALLOCATION)).one().quota()).isEqualTo(2);
            assertThat(work.reservations().find(ours.withSessions(List.of(session))).one().data()).isEqualTo(Map.of("n", 1));
            assertThat(work.reservations().find(ours.withStatus(ReservationStatus.APPROVED)).exists()).isFalse();
            work.reservations().update(List.of(stored.get(0).toBuilder().status(ReservationStatus.APPROVED).email("new@example.org").build()));
            Reservation approved = work.reservations().find(ours.withStatus(ReservationStatus.APPROVED)).one();
            assertThat(approved.email()).isEqualTo("new@example.org");
            assertThat(approved.modified()).isPresent();
            assertThat(work.reservations().delete(ours.withId(kept))).isEqualTo(1);
            Reservation again = work.reservations().insert(List.of(reservation(token, target).id(kept).build())).get(0);
            assertThat(again.requireId()).isEqualTo(kept);
            assertThat(work.reservations().find(ours.withTargets(List.of(target))).count()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("sessions expire by their latest creation or modification; touching renews them")
    void sessions() {
        UUID session = UUID.randomUUID();
        Reservation stored;
        try (UnitOfWork work = storage().begin()) {
            stored = work.reservations().insert(List.of(reservation(UUID.randomUUID(), UUID.randomUUID()).sessionId(session).build())).get(0);
            work.commit();
        }
        Instant created = stored.created().orElseThrow();
        try (UnitOfWork work = storage().begin()) {
            assertThat(work.reservations().expiredSessions(created)).doesNotContain(session);
            assertThat(work.reservations().expiredSessions(created.plus(Timespan.MICROSECOND))).contains(session);
            assertThat(work.reservations().touchSession(session, created.plusSeconds(60))).isEqualTo(1);
            assertThat(work.reservations().expiredSessions(created.plusSeconds(60))).doesNotContain(session);
            assertThat(work.reservations().expiredSessions(created.plusSeconds(61))).contains(session);
        }
    }

    @Test
    @DisplayName("blockers: ids, reason updates, criteria and deletion")
    void blockers() {
        UUID token = UUID.randomUUID();
        UUID target = UUID.randomUUID();
        try (UnitOfWork work = storage().begin()) {
            ReservationBlocker blocker = work.blockers().insert(List.of(new ReservationBlocker(null, token, target, TargetType.GROUP,
                    resource, null, null, null, "paint", null, null))).get(0);
            assertThat(blocker.id()).isPresent();
            assertThat(blocker.created()).isNotNull();
            BlockerCriteria ours = BlockerCriteria.ofResources(List.of(resource));
            work.blockers().update(List.of(blocker.withReason("clean")));
            assertThat(work.blockers().find(ours.withToken(token)).one().reason()).isEqualTo("clean");
            assertThat(work.blockers().find(ours.withTargets(Set.of(target))).count()).isEqualTo(1);
            assertThat(work.blockers().find(ours.withId(blocker.requireId() + 1)).exists()).isFalse();
            assertThat(work.blockers().delete(ours.withToken(token))).isEqualTo(1);
            assertThat(work.blockers().find(ours).exists()).isFalse();
        }
    }

    @Test
    @DisplayName("a savepoint undoes only what was written after it")
    void savepoints() {
        try (UnitOfWork work = storage().begin()) {
            work.allocations().insert(List.of(newAllocation("2015-01-01T10:00:00Z")));
            Savepoint savepoint = work.savepoint();
            work.allocations().insert(List.of(newAllocation("2015-01-02T10:00:00Z")));
            savepoint.rollback();
            Savepoint kept = work.savepoint();
            work.allocations().insert(List.of(newAllocation("2015-01-03T10:00:00Z")));
            kept.release();
            work.commit();
        }
        try (UnitOfWork work = storage().begin()) {
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).list()).extracting(Allocation::start)
                    .containsExactly(Instant.parse("2015-01-01T10:00:00Z"), Instant.parse("2015-01-03T10:00:00Z"));
        }
    }
}
