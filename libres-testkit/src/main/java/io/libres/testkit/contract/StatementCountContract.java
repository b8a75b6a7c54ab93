package io.libres.testkit.contract;

import static io.libres.testkit.contract.ContractFixture.allocation;
import static io.libres.testkit.contract.ContractFixture.blocker;
import static io.libres.testkit.contract.ContractFixture.hour;
import static io.libres.testkit.contract.ContractFixture.reservation;
import static io.libres.testkit.contract.ContractFixture.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.ReservedSlot;
import io.libres.errors.AlreadyReservedError;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.BlockerCriteria;
import io.libres.spi.ReservationCriteria;
import io.libres.spi.SlotCriteria;
import io.libres.spi.UnitOfWork;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Set-based, proven by every adapter: each store method is called on one row and on
 * {@value #MANY} rows, and may send no more statements than its Javadoc allows, whatever the
 * number of rows. The statements are counted through the adapter's hook,
 * {@link StorageContractTest#statementCounter()}.
 */
public abstract class StatementCountContract extends ContractGroup {

    /** The larger batch: enough that a statement per row cannot hide under the budget. */
    static final int MANY = 12;

    /** Sets up n rows (not counted) and gives the call to count. */
    private interface Case {
        Runnable prepare(UnitOfWork work, int rows);
    }

    /**
     * Creates the group.
     *
     * @param fixture supplies the running test's fixture
     */
    protected StatementCountContract(Supplier<ContractFixture> fixture) {
        super(fixture);
    }

    private void budget(String method, int allowed, Case call) {
        for (int rows : new int[] {1, MANY}) {
            StatementCounter counter = fixture().requireStatementCounter();
            long used;
            try (UnitOfWork work = begin()) {
                Runnable counted = call.prepare(work, rows);
                long before = counter.statements();
                counted.run();
                used = counter.statements() - before;
            }
            assertThat(used).as("%s on %d row(s) sent %d statements; its contract allows at most %d whatever the"
                    + " number of rows (a statement per row is the N+1 defect)%s", method, rows, used, allowed,
                    recent(counter)).isBetween(allowed == 0 ? 0L : 1L, (long) allowed);
        }
    }

    private static String recent(StatementCounter counter) {
        return counter instanceof CountingDataSource
                ? "; last statements: " + ((CountingDataSource) counter).recentStatements() : "";
    }

    /** n stored allocations of a fresh resource, an hour apart, each with its own group. */
    private List<Allocation> allocations(UnitOfWork work, UUID resource, int rows) {
        List<Allocation> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            list.add(allocation(resource, hour(2 * i), 1));
        }
        return work.allocations().insert(list);
    }

    private static List<ReservedSlot> slots(List<Allocation> allocations) {
        return allocations.stream().map(a -> slot(a, UUID.randomUUID(), 1)).collect(Collectors.toList());
    }

    @Test
    @DisplayName("allocation store: insert at most 2 statements, every other method 1, whatever the number of rows")
    void allocationStore() {
        budget("allocations().insert", 2, (work, rows) -> {
            UUID resource = resource();
            List<Allocation> fresh = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                fresh.add(allocation(resource, hour(2 * i), 1));
            }
            return () -> work.allocations().insert(fresh);
        });
        budget("allocations().update", 1, (work, rows) -> {
            List<Allocation> stored = allocations(work, resource(), rows);
            List<Allocation> changed = stored.stream().map(a -> a.toBuilder().quotaLimit(3).build())
                    .collect(Collectors.toList());
            return () -> work.allocations().update(changed);
        });
        budget("allocations().find(..).list()", 1, (work, rows) -> {
            UUID resource = resource();
            allocations(work, resource, rows);
            return () -> assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).list())
                    .hasSize(rows);
        });
        budget("allocations().find(..).count()", 1, (work, rows) -> {
            UUID resource = resource();
            allocations(work, resource, rows);
            return () -> assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).count())
                    .isEqualTo(rows);
        });
        budget("allocations().delete", 1, (work, rows) -> {
            UUID resource = resource();
            allocations(work, resource, rows);
            return () -> assertThat(work.allocations().delete(AllocationCriteria.ofResource(resource))).isEqualTo(rows);
        });
        budget("allocations().isInGroup", 1, (work, rows) -> {
            UUID resource = resource();
            Allocation first = allocations(work, resource, rows).get(0);
            return () -> assertThat(work.allocations().isInGroup(resource, first.group())).isFalse();
        });
        budget("allocations().groupSizes", 1, (work, rows) -> {
            UUID resource = resource();
            List<UUID> groups = allocations(work, resource, rows).stream().map(Allocation::group)
                    .collect(Collectors.toList());
            return () -> assertThat(work.allocations().groupSizes(resource, groups)).hasSize(rows);
        });
        budget("allocations().findOverlapping", 1, (work, rows) -> {
            UUID resource = resource();
            UUID other = resource();
            allocations(work, resource, rows);
            allocations(work, other, rows);
            return () -> assertThat(work.allocations().findOverlapping(List.of(resource, other),
                    new Timespan(hour(0).plusSeconds(1800), hour(2 * MANY + 2)))).hasSize(2 * rows);
        });
        budget("allocations().findUnused(..).list()", 1, (work, rows) -> {
            UUID resource = resource();
            allocations(work, resource, rows);
            return () -> assertThat(work.allocations().findUnused(resource, new Timespan(hour(-1), hour(2 * MANY + 2)),
                    false).list()).hasSize(rows);
        });
    }

    @Test
    @DisplayName("reserved slot store: insert 1 statement (2 after a duplicate), reassign of many allocations 2, every"
            + " other method 1, whatever the number of rows")
    void reservedSlotStore() {
        budget("reservedSlots().insert", 1, (work, rows) -> {
            List<ReservedSlot> slots = slots(allocations(work, resource(), rows));
            return () -> work.reservedSlots().insert(slots);
        });
        budget("reservedSlots().insert meeting a duplicate", 2, (work, rows) -> {
            List<Allocation> stored = allocations(work, resource(), rows);
            List<ReservedSlot> slots = new ArrayList<>(slots(stored));
            work.reservedSlots().insert(List.of(slots.get(rows - 1)));
            return () -> assertThatThrownBy(() -> work.reservedSlots().insert(slots))
                    .isInstanceOf(AlreadyReservedError.class);
        });
        budget("reservedSlots().find(..).list()", 1, (work, rows) -> {
            UUID resource = resource();
            work.reservedSlots().insert(slots(allocations(work, resource, rows)));
            return () -> assertThat(work.reservedSlots().find(SlotCriteria.ofResource(resource)).list()).hasSize(rows);
        });
        budget("reservedSlots().byAllocation", 1, (work, rows) -> {
            List<Allocation> stored = allocations(work, resource(), rows);
            work.reservedSlots().insert(slots(stored));
            List<Integer> ids = stored.stream().map(Allocation::requireId).collect(Collectors.toList());
            return () -> assertThat(work.reservedSlots().byAllocation(ids)).hasSize(rows);
        });
        budget("reservedSlots().findStartingWithin", 1, (work, rows) -> {
            UUID resource = resource();
            work.reservedSlots().insert(slots(allocations(work, resource, rows)));
            return () -> assertThat(work.reservedSlots().findStartingWithin(List.of(resource),
                    new Timespan(hour(0), hour(2 * MANY)))).hasSize(rows);
        });
        budget("reservedSlots().delete", 1, (work, rows) -> {
            UUID resource = resource();
            work.reservedSlots().insert(slots(allocations(work, resource, rows)));
            return () -> assertThat(work.reservedSlots().delete(SlotCriteria.ofResource(resource))).isEqualTo(rows);
        });
        budget("reservedSlots().reassign(from, to)", 1, (work, rows) -> {
            UUID resource = resource();
            Allocation from = allocation(resource, hour(0), 2).toBuilder().partlyAvailable(true).quota(2).build();
            List<Allocation> pair = work.allocations().insert(List.of(from, from.toBuilder().resource(UUID.randomUUID())
                    .build()));
            List<ReservedSlot> slots = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                Instant start = hour(0).plusSeconds(300L * i);
                slots.add(ReservedSlot.of(pair.get(0), new Timespan(start, start.plusSeconds(300).minus(Timespan.MICROSECOND)),
                        io.libres.db.models.SlotSource.RESERVATION, UUID.randomUUID(), 1));
            }
            work.reservedSlots().insert(slots);
            return () -> assertThat(work.reservedSlots().reassign(pair.get(0).requireId(), pair.get(1).resource(),
                    pair.get(1).requireId())).isEqualTo(rows);
        });
        budget("reservedSlots().reassign(moves)", 2, (work, rows) -> {
            UUID resource = resource();
            List<Allocation> masters = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                masters.add(allocation(resource, hour(2 * i), 1).toBuilder().quota(2).build());
            }
            List<Allocation> from = work.allocations().insert(masters);
            List<Allocation> to = work.allocations().insert(masters.stream().map(a -> a.toBuilder()
                    .resource(UUID.randomUUID()).build()).collect(Collectors.toList()));
            work.reservedSlots().insert(slots(from));
            Map<Integer, Allocation> moves = new LinkedHashMap<>();
            for (int i = 0; i < rows; i++) {
                moves.put(from.get(i).requireId(), to.get(i));
            }
            return () -> assertThat(work.reservedSlots().reassign(moves)).isEqualTo(rows);
        });
    }

    private List<Reservation> pending(UnitOfWork work, int rows, UUID session) {
        Allocation allocation = allocations(work, resource(), 1).get(0);
        List<Reservation> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            list.add(reservation(allocation, UUID.randomUUID()).toBuilder().sessionId(session).build());
        }
        return list;
    }

    @Test
    @DisplayName("reservation store: insert at most 2 statements, every other method 1, whatever the number of rows")
    void reservationStore() {
        budget("reservations().insert", 2, (work, rows) -> {
            List<Reservation> fresh = pending(work, rows, null);
            return () -> work.reservations().insert(fresh);
        });
        budget("reservations().update", 1, (work, rows) -> {
            List<Reservation> stored = work.reservations().insert(pending(work, rows, null));
            List<Reservation> changed = stored.stream().map(r -> r.toBuilder().email("changed@example.org").build())
                    .collect(Collectors.toList());
            return () -> work.reservations().update(changed);
        });
        budget("reservations().find(..).list()", 1, (work, rows) -> {
            List<Reservation> stored = work.reservations().insert(pending(work, rows, null));
            UUID resource = stored.get(0).resource();
            return () -> assertThat(work.reservations().find(ReservationCriteria.ofResources(List.of(resource))).list())
                    .hasSize(rows);
        });
        budget("reservations().delete", 1, (work, rows) -> {
            List<Reservation> stored = work.reservations().insert(pending(work, rows, null));
            UUID resource = stored.get(0).resource();
            return () -> assertThat(work.reservations().delete(ReservationCriteria.ofResources(List.of(resource))))
                    .isEqualTo(rows);
        });
        budget("reservations().touchSession", 1, (work, rows) -> {
            UUID session = UUID.randomUUID();
            work.reservations().insert(pending(work, rows, session));
            return () -> assertThat(work.reservations().touchSession(session, Instant.now())).isEqualTo(rows);
        });
        budget("reservations().expiredSessions", 1, (work, rows) -> {
            UUID session = UUID.randomUUID();
            work.reservations().insert(pending(work, rows, session));
            return () -> assertThat(work.reservations().expiredSessions(Instant.now().plusSeconds(86400)))
                    .contains(session);
        });
    }

    private List<ReservationBlocker> blockers(UnitOfWork work, int rows) {
        Allocation allocation = allocations(work, resource(), 1).get(0);
        List<ReservationBlocker> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            list.add(blocker(allocation, UUID.randomUUID()));
        }
        return list;
    }

    @Test
    @DisplayName("blocker store: insert at most 2 statements, every other method 1, whatever the number of rows")
    void blockerStore() {
        budget("blockers().insert", 2, (work, rows) -> {
            List<ReservationBlocker> fresh = blockers(work, rows);
            return () -> work.blockers().insert(fresh);
        });
        budget("blockers().update", 1, (work, rows) -> {
            List<ReservationBlocker> stored = work.blockers().insert(blockers(work, rows));
            List<ReservationBlocker> changed = stored.stream().map(b -> new ReservationBlocker(b.requireId(), b.token(),
                    b.target(), b.targetType(), b.resource(), b.start(), b.end(), b.timezone(), "painting", b.created(),
                    b.modified())).collect(Collectors.toList());
            return () -> work.blockers().update(changed);
        });
        budget("blockers().find(..).list()", 1, (work, rows) -> {
            List<ReservationBlocker> stored = work.blockers().insert(blockers(work, rows));
            UUID resource = stored.get(0).resource();
            return () -> assertThat(work.blockers().find(BlockerCriteria.ofResources(List.of(resource))).list())
                    .hasSize(rows);
        });
        budget("blockers().delete", 1, (work, rows) -> {
            List<ReservationBlocker> stored = work.blockers().insert(blockers(work, rows));
            UUID resource = stored.get(0).resource();
            return () -> assertThat(work.blockers().delete(BlockerCriteria.ofResources(List.of(resource))))
                    .isEqualTo(rows);
        });
        budget("blockers().delete of blockers with kept data", 1, (work, rows) -> {
            List<ReservationBlocker> stored = work.blockers().insert(blockers(work, rows));
            UUID resource = stored.get(0).resource();
            stored.forEach(b -> work.blockers().keepData(b.resource(), b.token(), Map.of("rule", "FREQ=DAILY")));
            return () -> assertThat(work.blockers().delete(BlockerCriteria.ofResources(List.of(resource))))
                    .isEqualTo(rows);
        });
        budget("blockers().keepData", 1, (work, rows) -> {
            ReservationBlocker first = work.blockers().insert(blockers(work, rows)).get(0);
            return () -> assertThat(work.blockers().keepData(first.resource(), first.token(),
                    Map.of("rule", "FREQ=DAILY", "days", List.of("2027-03-15")))).isTrue();
        });
        budget("blockers().data", 1, (work, rows) -> {
            ReservationBlocker first = work.blockers().insert(blockers(work, rows)).get(0);
            work.blockers().keepData(first.resource(), first.token(), Map.of("rule", "FREQ=DAILY"));
            return () -> assertThat(work.blockers().data(first.resource(), first.token())).isPresent();
        });
    }

    @Test
    @DisplayName("lookups by ids (the scheduler's reservationsByIds, blockersByIds, allocationsByIds): 1 statement,"
            + " whatever the number of ids")
    void lookupsByIds() {
        budget("reservations().find(resource, ids).list()", 1, (work, rows) -> {
            List<Reservation> stored = work.reservations().insert(pending(work, rows, null));
            List<Integer> ids = stored.stream().map(Reservation::requireId).collect(Collectors.toList());
            UUID resource = stored.get(0).resource();
            return () -> assertThat(work.reservations().find(ReservationCriteria.ofResources(List.of(resource))
                    .withIds(ids)).list()).hasSize(rows);
        });
        budget("blockers().find(resource, ids).list()", 1, (work, rows) -> {
            List<ReservationBlocker> stored = work.blockers().insert(blockers(work, rows));
            List<Integer> ids = stored.stream().map(ReservationBlocker::requireId).collect(Collectors.toList());
            UUID resource = stored.get(0).resource();
            return () -> assertThat(work.blockers().find(BlockerCriteria.ofResources(List.of(resource))
                    .withIds(ids)).list()).hasSize(rows);
        });
        budget("allocations().find(resource, ids).list()", 1, (work, rows) -> {
            UUID resource = resource();
            List<Integer> ids = allocations(work, resource, rows).stream().map(Allocation::requireId)
                    .collect(Collectors.toList());
            return () -> assertThat(work.allocations().find(AllocationCriteria.ofResource(resource).withIds(ids))
                    .list()).hasSize(rows);
        });
    }

    @Test
    @DisplayName("empty batches send nothing: inserts and updates of no rows, byAllocation, groupSizes, findOverlapping"
            + " and findStartingWithin of nothing, reassign of no moves")
    void emptyBatches() {
        StatementCounter counter = fixture().requireStatementCounter();
        try (UnitOfWork work = begin()) {
            long before = counter.statements();
            assertThat(work.allocations().insert(List.of())).isEmpty();
            work.allocations().update(List.of());
            work.reservedSlots().insert(List.of());
            assertThat(work.reservedSlots().byAllocation(List.of())).isEmpty();
            assertThat(work.allocations().groupSizes(UUID.randomUUID(), List.of())).isEmpty();
            assertThat(work.allocations().findOverlapping(List.of(), new Timespan(hour(0), hour(1)))).isEmpty();
            assertThat(work.reservedSlots().findStartingWithin(List.of(), new Timespan(hour(0), hour(1)))).isEmpty();
            assertThat(work.reservedSlots().reassign(Map.of())).isZero();
            assertThat(work.reservations().insert(List.of())).isEmpty();
            work.reservations().update(List.of());
            assertThat(work.blockers().insert(List.of())).isEmpty();
            work.blockers().update(List.of());
            assertThat(counter.statements() - before).as("statements for empty batches%s", recent(counter)).isZero();
        }
    }

    @Test
    @DisplayName("integrity check: at most 2 statements, for a resource and for the whole storage, whatever the number of rows")
    void integrityCheck() {
        for (boolean whole : new boolean[] {false, true}) {
            budget("checkIntegrity(" + (whole ? "all" : "resource") + ")", 2, (work, rows) -> {
                UUID resource = resource();
                UUID mirrorResource = io.libres.spi.IntegrityScope.mirrorResource(resource, 1);
                List<Allocation> masters = new ArrayList<>();
                for (int i = 0; i < rows; i++) {
                    masters.add(allocation(resource, hour(2 * i), 1).toBuilder().quota(2).build());
                    masters.add(allocation(resource, hour(2 * i + 1), 1));
                }
                List<Allocation> stored = work.allocations().insert(masters);
                List<Allocation> mirrors = new ArrayList<>();
                List<Reservation> reservations = new ArrayList<>();
                List<ReservationBlocker> blockers = new ArrayList<>();
                for (int i = 0; i < rows; i++) {
                    Allocation master = stored.get(2 * i);
                    mirrors.add(master.toBuilder().id(null).resource(mirrorResource).build());
                    reservations.add(reservation(master, UUID.randomUUID()).toBuilder()
                            .status(io.libres.db.models.ReservationStatus.APPROVED).quota(2).build());
                    blockers.add(blocker(stored.get(2 * i + 1), UUID.randomUUID()));
                }
                List<Allocation> storedMirrors = work.allocations().insert(mirrors);
                List<Reservation> approved = work.reservations().insert(reservations);
                List<ReservedSlot> slots = new ArrayList<>();
                for (int i = 0; i < rows; i++) {
                    Reservation r = approved.get(i);
                    slots.add(slot(stored.get(2 * i), r.token(), r.requireId()));
                    slots.add(slot(storedMirrors.get(i), r.token(), r.requireId()));
                }
                work.reservedSlots().insert(slots);
                List<ReservationBlocker> slotless = work.blockers().insert(blockers);
                io.libres.spi.IntegrityScope scope = whole ? io.libres.spi.IntegrityScope.all()
                        : io.libres.spi.IntegrityScope.ofResources(java.util.Set.of(resource));
                return () -> assertThat(work.checkIntegrity(scope))
                        .as("the blockers without slots, and nothing else of the resource")
                        .filteredOn(v -> !whole || v.blockerIds().stream().anyMatch(id -> slotless.stream()
                                .anyMatch(b -> b.requireId() == id)) || v.allocationIds().stream().anyMatch(id -> stored.stream()
                                .anyMatch(a -> a.requireId() == id)))
                        .extracting(io.libres.db.IntegrityViolation::kind)
                        .hasSize(rows).containsOnly(io.libres.db.IntegrityViolation.Kind.BLOCKER_WITHOUT_SLOTS);
            });
        }
    }
}
