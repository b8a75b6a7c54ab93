package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.IntegrityCheck;
import io.libres.db.IntegrityViolation;
import io.libres.db.IntegrityViolation.Kind;
import io.libres.db.MoveOptions;
import io.libres.db.ReserveOptions;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.ReservationStatus;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.errors.AlreadyReservedError;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.BlockerCriteria;
import io.libres.spi.IntegrityRules;
import io.libres.spi.IntegrityScope;
import io.libres.spi.ReservationCriteria;
import io.libres.spi.SlotCriteria;
import io.libres.spi.UnitOfWork;
import io.libres.time.DateRange;
import io.libres.time.Raster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The integrity check ({@code Scheduler.checkIntegrity()}, {@code IntegrityCheck}): it reports
 * nothing on what the scheduler writes, and each of its rules catches a corruption planted behind
 * the scheduler's back: with raw SQL on an SQL storage (the kit's subclass gives its database),
 * through the storage port otherwise.
 */
public abstract class IntegrityBehaviour extends Behaviour {

    private static final String EMAIL = "integrity@example.org";

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected IntegrityBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    // ------------------------------------------------------------------ planting

    /**
     * Plants a corruption on committed rows: the SQL on a storage with a database, the port
     * change otherwise (in a unit of work of its own, committed).
     */
    private void plant(String sql, List<Object> parameters, Consumer<UnitOfWork> port) {
        scheduler().commit();
        java.util.Optional<DataSource> database = fixture().database();
        if (database.isPresent()) {
            execute(database.get(), sql, parameters);
        } else {
            try (UnitOfWork work = fixture().storage().begin()) {
                port.accept(work);
                work.commit();
            }
        }
    }

    private static void execute(DataSource database, String sql, List<Object> parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                statement.setObject(i + 1, value instanceof java.time.Instant
                        ? LocalDateTime.ofInstant((java.time.Instant) value, ZoneOffset.UTC) : value);
            }
            statement.execute();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not plant the corruption with " + sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * The scheduler's check, after showing that the whole storage's holds it and that the storage
     * answers as the reference rules do on the same rows.
     */
    private List<IntegrityViolation> check() {
        List<IntegrityViolation> found = scheduler().checkIntegrity();
        assertThat(IntegrityCheck.checkStorage(context())).as("the whole storage's check holds the scheduler's")
                .containsAll(found);
        IntegrityScope scope = IntegrityScope.ofResources(Set.of(scheduler().resource()));
        try (UnitOfWork work = fixture().storage().begin()) {
            assertThat(work.checkIntegrity(scope)).as("the storage's answer against the reference rules on its rows")
                    .isEqualTo(IntegrityRules.readAndEvaluate(work, scope)).isEqualTo(found);
        }
        return found;
    }

    private void assertClean() {
        scheduler().commit();
        assertThat(scheduler().checkIntegrity()).as("violations on what the scheduler wrote").isEmpty();
    }

    private static List<Kind> kinds(List<IntegrityViolation> violations) {
        return violations.stream().map(IntegrityViolation::kind).collect(Collectors.toList());
    }

    private Allocation partly(DateRange dates, int quota) {
        return scheduler().allocate(dates, AllocateOptions.builder().partlyAvailable(true).raster(15).quota(quota)
                .build()).get(0);
    }

    private Allocation whole(DateRange dates, int quota) {
        return scheduler().allocate(dates, AllocateOptions.builder().quota(quota).build()).get(0);
    }

    private UUID approved(DateRange dates, int quota) {
        UUID token = scheduler().reserve(EMAIL, dates, ReserveOptions.builder().quota(quota).build());
        scheduler().approveReservations(token);
        return token;
    }

    private Reservation reservation(UUID token) {
        return scheduler().reservationsByToken(token).one();
    }

    private List<ReservedSlot> slotsOf(UUID token) {
        return scheduler().reservedSlotsByReservation(token).list();
    }

    private List<Allocation> family(Allocation master) {
        return scheduler().managedAllocations().list().stream().filter(a -> a.start().equals(master.start()))
                .collect(Collectors.toList());
    }

    // ------------------------------------------------------------------ clean

    @Test
    @DisplayName("reports nothing on what the scheduler writes: quotas, mirrors, groups, blockers, moves and changes")
    void cleanOnWhatTheSchedulerWrites() {
        DateRange morning = range(at(2024, 3, 4, 8), at(2024, 3, 4, 12));
        Allocation master = partly(morning, 3);
        approved(range(at(2024, 3, 4, 8), at(2024, 3, 4, 9)), 2);
        UUID other = approved(range(at(2024, 3, 4, 9), at(2024, 3, 4, 10, 30)), 3);
        scheduler().reserve(EMAIL, range(at(2024, 3, 4, 11), at(2024, 3, 4, 12)));
        scheduler().addBlocker(range(at(2024, 3, 4, 11, 30), at(2024, 3, 4, 11, 45)));
        List<Allocation> grouped = scheduler().allocate(List.of(range(at(2024, 3, 5, 8), at(2024, 3, 5, 9)),
                range(at(2024, 3, 6, 8), at(2024, 3, 6, 9))), AllocateOptions.builder().grouped(true).quota(2).build());
        UUID group = scheduler().reserveGroup(EMAIL, grouped.get(0).group(), ReserveOptions.builder().quota(2).build());
        scheduler().approveReservations(group);
        Allocation single = whole(range(at(2024, 3, 7, 8), at(2024, 3, 7, 10)), 2);
        scheduler().moveAllocation(single.requireId(), MoveOptions.builder()
                .dates(range(at(2024, 3, 7, 8), at(2024, 3, 7, 11))).build());
        approved(range(at(2024, 3, 7, 8), at(2024, 3, 7, 11)), 2);
        scheduler().changeQuota(scheduler().allocationById(master.requireId()), 4);
        int id = reservation(other).requireId();
        scheduler().changeReservation(other, id, range(at(2024, 3, 4, 9, 15), at(2024, 3, 4, 10)));
        assertClean();
        assertThat(IntegrityCheck.checkResources(context(), Set.of(scheduler().resource()))).isEmpty();
    }

    @Test
    @DisplayName("accepts a group reservation of a partly available allocation that was moved: it keeps the steps it held, as in libres")
    void movedGroupReservation() {
        DateRange dates = range(at(2024, 3, 11, 14), at(2024, 3, 11, 15));
        Allocation allocation = partly(dates, 1);
        UUID token = scheduler().reserveGroup(EMAIL, allocation.group());
        scheduler().approveReservations(token);
        scheduler().moveAllocation(allocation.requireId(), MoveOptions.builder()
                .dates(range(at(2024, 3, 11, 13), at(2024, 3, 11, 16))).build());
        assertThat(slotsOf(token)).hasSize(4);
        assertClean();
    }

    @Test
    @DisplayName("refuses a missing context, missing resources or a null resource with InvalidArgument, saying what was expected")
    void badInput() {
        assertThatThrownBy(() -> IntegrityCheck.checkStorage(null)).isInstanceOf(io.libres.errors.InvalidArgument.class)
                .hasMessageContaining("context");
        assertThatThrownBy(() -> IntegrityCheck.checkResources(context(), null))
                .isInstanceOf(io.libres.errors.InvalidArgument.class).hasMessageContaining("expected");
        assertThatThrownBy(() -> IntegrityCheck.checkResources(context(), java.util.Arrays.asList(scheduler().resource(),
                null))).isInstanceOf(io.libres.errors.InvalidArgument.class).hasMessageContaining("null");
        try (UnitOfWork work = fixture().storage().begin()) {
            assertThatThrownBy(() -> work.checkIntegrity(null)).isInstanceOf(io.libres.errors.InvalidArgument.class)
                    .hasMessageContaining("IntegrityScope.all()");
        }
        assertThat(IntegrityCheck.checkResources(context(), List.of())).isEmpty();
    }

    @Test
    @DisplayName("sees the writes of the unit of work it runs in, and an empty scheduler is clean")
    void seesItsUnitOfWork() {
        assertThat(scheduler().checkIntegrity()).isEmpty();
        scheduler().commit();
        DateRange dates = range(at(2024, 4, 1, 8), at(2024, 4, 1, 9));
        whole(dates, 1);
        UUID token = approved(dates, 1);
        try (var work = scheduler().begin()) {
            scheduler().reservedSlotsByReservation(token).list();
            assertThat(scheduler().checkIntegrity()).isEmpty();
        }
        assertClean();
    }

    // ------------------------------------------------------------------ planted corruptions

    @Test
    @DisplayName("catches two reserved slots with the same resource and start (a double booking)")
    void duplicateSlot() {
        DateRange dates = range(at(2024, 5, 1, 8), at(2024, 5, 1, 9));
        whole(dates, 1);
        UUID token = approved(dates, 1);
        assertClean();
        ReservedSlot slot = slotsOf(token).get(0);
        java.util.Optional<DataSource> database = fixture().database();
        if (database.isEmpty()) {
            // a storage keyed by (resource, start) cannot hold the twin: show that, and the rule on the rows
            try (UnitOfWork work = fixture().storage().begin()) {
                assertThatThrownBy(() -> work.reservedSlots().insert(List.of(slot))).isInstanceOf(AlreadyReservedError.class);
                List<ReservedSlot> rows = new ArrayList<>(work.reservedSlots().find(SlotCriteria.ofResource(
                        scheduler().resource())).list());
                rows.add(slot);
                List<IntegrityViolation> found = IntegrityRules.evaluate(IntegrityScope.all(),
                        work.allocations().find(AllocationCriteria.ofResource(scheduler().resource())).list(),
                        work.reservations().find(ReservationCriteria.ofResources(Set.of(scheduler().resource()))).list(),
                        List.of(), rows);
                assertThat(kinds(found)).contains(Kind.DUPLICATE_SLOT);
                assertThat(found.get(0).slots()).containsExactly(new IntegrityViolation.SlotKey(slot.resource(),
                        slot.start()));
            }
            return;
        }
        DataSource db = database.get();
        execute(db, "ALTER TABLE reserved_slots DROP CONSTRAINT reserved_slots_pkey", List.of());
        try {
            execute(db, "INSERT INTO reserved_slots SELECT * FROM reserved_slots WHERE reservation_token = ?",
                    List.of(token));
            List<IntegrityViolation> found = check();
            assertThat(kinds(found)).contains(Kind.DUPLICATE_SLOT);
            IntegrityViolation duplicate = found.stream().filter(v -> v.kind() == Kind.DUPLICATE_SLOT).findFirst()
                    .orElseThrow();
            assertThat(duplicate.slots()).containsExactly(new IntegrityViolation.SlotKey(slot.resource(), slot.start()));
            assertThat(duplicate.allocationIds()).containsExactly(slot.allocationId());
        } finally {
            execute(db, "DELETE FROM reserved_slots a USING reserved_slots b WHERE a.ctid > b.ctid"
                    + " AND a.resource = b.resource AND a.start = b.start", List.of());
            execute(db, "ALTER TABLE reserved_slots ADD CONSTRAINT reserved_slots_pkey PRIMARY KEY (resource, start)",
                    List.of());
        }
    }

    @Test
    @DisplayName("catches a reserved slot on an allocation of another resource")
    void slotWithoutAllocation() {
        DateRange dates = range(at(2024, 5, 2, 8), at(2024, 5, 2, 9));
        whole(dates, 1);
        UUID token = approved(dates, 1);
        assertClean();
        ReservedSlot slot = slotsOf(token).get(0);
        UUID stranger = UUID.randomUUID();
        plant("UPDATE reserved_slots SET resource = ? WHERE reservation_token = ?", List.of(stranger, token), work -> {
            work.reservedSlots().delete(SlotCriteria.any().withToken(token));
            work.reservedSlots().insert(List.of(new ReservedSlot(stranger, slot.start(), slot.end(), slot.allocationId(),
                    slot.source(), token, slot.sourceId(), null, null)));
        });
        List<IntegrityViolation> found = check();
        assertThat(found).contains(IntegrityViolation.of(Kind.SLOT_WITHOUT_ALLOCATION, List.of(slot.allocationId()),
                List.of(), List.of(), List.of(new IntegrityViolation.SlotKey(stranger, slot.start()))));
    }

    @Test
    @DisplayName("catches a reserved slot off the raster of its partly available allocation, and one beyond it")
    void slotOutsideAllocation() {
        DateRange dates = range(at(2024, 5, 3, 8), at(2024, 5, 3, 10));
        partly(dates, 1);
        UUID token = approved(range(at(2024, 5, 3, 9, 30), at(2024, 5, 3, 10)), 1);
        assertClean();
        ReservedSlot last = slotsOf(token).get(1);
        plant("UPDATE reserved_slots SET start = start + interval '7 minutes', \"end\" = \"end\" + interval '7 minutes'"
                + " WHERE reservation_token = ? AND start = ?", List.of(token, last.start()), work -> {
                    work.reservedSlots().delete(SlotCriteria.any().withToken(token).overlapping(last.timespan()));
                    work.reservedSlots().insert(List.of(new ReservedSlot(last.resource(),
                            last.start().plus(Duration.ofMinutes(7)), last.end().plus(Duration.ofMinutes(7)),
                            last.allocationId(), last.source(), token, last.sourceId(), null, null)));
                });
        List<IntegrityViolation> found = check();
        assertThat(found).contains(IntegrityViolation.of(Kind.SLOT_OUTSIDE_ALLOCATION, List.of(last.allocationId()),
                List.of(), List.of(), List.of(new IntegrityViolation.SlotKey(last.resource(),
                        last.start().plus(Duration.ofMinutes(7))))));
        assertThat(kinds(found)).contains(Kind.APPROVED_RESERVATION_SLOTS_MISMATCH);
    }

    @Test
    @DisplayName("catches reserved slots whose reservation or blocker is gone")
    void slotWithoutSource() {
        DateRange dates = range(at(2024, 5, 6, 8), at(2024, 5, 6, 9));
        whole(dates, 1);
        UUID token = approved(dates, 1);
        DateRange blocked = range(at(2024, 5, 7, 8), at(2024, 5, 7, 9));
        whole(blocked, 1);
        ReservationBlocker blocker = scheduler().addBlocker(blocked).get(0);
        assertClean();
        ReservedSlot slot = slotsOf(token).get(0);
        ReservedSlot blockerSlot = scheduler().reservedSlotsByBlocker(blocker.token()).one();
        plant("DELETE FROM reservations WHERE token = ?", List.of(token),
                work -> work.reservations().delete(ReservationCriteria.any().withToken(token)));
        plant("DELETE FROM reservation_blockers WHERE token = ?", List.of(blocker.token()),
                work -> work.blockers().delete(BlockerCriteria.ofResources(Set.of(scheduler().resource()))
                        .withToken(blocker.token())));
        List<IntegrityViolation> found = check();
        assertThat(found).contains(
                IntegrityViolation.of(Kind.SLOT_WITHOUT_SOURCE, List.of(slot.allocationId()), List.of(), List.of(),
                        List.of(new IntegrityViolation.SlotKey(slot.resource(), slot.start()))),
                IntegrityViolation.of(Kind.SLOT_WITHOUT_SOURCE, List.of(blockerSlot.allocationId()), List.of(),
                        List.of(), List.of(new IntegrityViolation.SlotKey(blockerSlot.resource(), blockerSlot.start()))));
    }

    @Test
    @DisplayName("catches a pending reservation that holds slots")
    void pendingHoldsSlots() {
        DateRange dates = range(at(2024, 5, 8, 8), at(2024, 5, 8, 9));
        whole(dates, 1);
        UUID token = approved(dates, 1);
        assertClean();
        Reservation approved = reservation(token);
        plant("UPDATE reservations SET status = 'pending' WHERE token = ?", List.of(token),
                work -> work.reservations().update(List.of(approved.toBuilder().status(ReservationStatus.PENDING).build())));
        List<IntegrityViolation> found = check();
        assertThat(found).extracting(IntegrityViolation::kind, IntegrityViolation::reservationIds)
                .contains(org.assertj.core.groups.Tuple.tuple(Kind.PENDING_RESERVATION_HOLDS_SLOTS,
                        List.of(approved.requireId())));
    }

    @Test
    @DisplayName("catches an approved reservation missing a slot, and one whose quota asks for more slots")
    void approvedSlotsMismatch() {
        DateRange dates = range(at(2024, 5, 9, 8), at(2024, 5, 9, 10));
        partly(dates, 3);
        UUID missing = approved(range(at(2024, 5, 9, 8), at(2024, 5, 9, 9)), 1);
        UUID quota = approved(range(at(2024, 5, 9, 9), at(2024, 5, 9, 10)), 2);
        assertClean();
        ReservedSlot first = slotsOf(missing).get(0);
        Reservation two = reservation(quota);
        plant("DELETE FROM reserved_slots WHERE reservation_token = ? AND start = ?", List.of(missing, first.start()),
                work -> work.reservedSlots().delete(SlotCriteria.any().withToken(missing).overlapping(first.timespan())));
        plant("UPDATE reservations SET quota = 3 WHERE token = ?", List.of(quota),
                work -> work.reservations().update(List.of(two.toBuilder().quota(3).build())));
        List<IntegrityViolation> found = check();
        assertThat(found).filteredOn(v -> v.kind() == Kind.APPROVED_RESERVATION_SLOTS_MISMATCH)
                .flatExtracting(IntegrityViolation::reservationIds)
                .containsExactlyInAnyOrder(reservation(missing).requireId(), two.requireId());
    }

    @Test
    @DisplayName("catches a master with more allocations holding slots, and stored, than its quota")
    void quotaExceeded() {
        DateRange dates = range(at(2024, 5, 10, 8), at(2024, 5, 10, 9));
        Allocation master = whole(dates, 2);
        approved(dates, 2);
        assertClean();
        List<Allocation> family = family(scheduler().allocationById(master.requireId()));
        assertThat(family).hasSize(2);
        Allocation stored = scheduler().allocationById(master.requireId());
        plant("UPDATE allocations SET quota = 1 WHERE id = ?", List.of(master.requireId()),
                work -> work.allocations().update(List.of(stored.toBuilder().quota(1).build())));
        List<Integer> ids = family.stream().map(Allocation::requireId).collect(Collectors.toList());
        List<IntegrityViolation> found = check();
        assertThat(found).contains(
                IntegrityViolation.of(Kind.QUOTA_EXCEEDED, ids, List.of(), List.of(), List.of()),
                IntegrityViolation.of(Kind.TOO_MANY_MIRRORS, ids, List.of(), List.of(), List.of()));
    }

    @Test
    @DisplayName("catches mirrors without a master, unlike their master, or with a resource no quota allows")
    void mirrors() {
        DateRange dates = range(at(2024, 5, 13, 8), at(2024, 5, 13, 9));
        Allocation master = whole(dates, 2);
        UUID token = approved(dates, 2);
        DateRange other = range(at(2024, 5, 14, 8), at(2024, 5, 14, 9));
        Allocation second = partly(other, 2);
        approved(other, 2);
        DateRange third = range(at(2024, 5, 15, 8), at(2024, 5, 15, 9));
        Allocation lone = whole(third, 2);
        assertClean();
        Allocation mirror = family(scheduler().allocationById(second.requireId())).stream()
                .filter(a -> !a.isMaster()).findFirst().orElseThrow();
        Allocation movedMaster = scheduler().allocationById(master.requireId());
        Allocation loneMaster = scheduler().allocationById(lone.requireId());
        UUID wrongResource = UUID.randomUUID();
        Allocation stray = loneMaster.toBuilder().id(null).resource(wrongResource).created(null).build();
        // the first master moves a minute away: its mirror is left without a master
        plant("UPDATE allocations SET _start = _start + interval '1 minute' WHERE id = ?", List.of(master.requireId()),
                work -> work.allocations().update(List.of(movedMaster.toBuilder()
                        .start(movedMaster.start().plus(Duration.ofMinutes(1))).buildAsStored())));
        plant("UPDATE allocations SET _raster = 30 WHERE id = ?", List.of(mirror.requireId()),
                work -> work.allocations().update(List.of(mirror.toBuilder().raster(Raster.ofMinutes(30)).buildAsStored())));
        plant("INSERT INTO allocations (resource, type, mirror_of, \"group\", quota, quota_limit, partly_available,"
                + " approve_manually, timezone, data, _start, _end, _raster, created) SELECT ?, type, mirror_of, \"group\","
                + " quota, quota_limit, partly_available, approve_manually, timezone, data, _start, _end, _raster, created"
                + " FROM allocations WHERE id = ?", List.of(wrongResource, lone.requireId()),
                work -> work.allocations().insert(List.of(stray)));
        List<IntegrityViolation> found = check();
        List<Integer> orphans = scheduler().reservedSlotsByReservation(token).list().stream()
                .map(ReservedSlot::allocationId).filter(id -> id != master.requireId()).collect(Collectors.toList());
        assertThat(found).contains(
                IntegrityViolation.of(Kind.MIRROR_WITHOUT_MASTER, orphans, List.of(), List.of(), List.of()),
                IntegrityViolation.of(Kind.MIRROR_MISMATCH, List.of(second.requireId(), mirror.requireId()), List.of(),
                        List.of(), List.of()));
        assertThat(found).filteredOn(v -> v.kind() == Kind.MIRROR_RESOURCE_INVALID).hasSize(1);
    }

    @Test
    @DisplayName("catches a reservation and a blocker whose target group has no master")
    void targetWithoutMaster() {
        DateRange dates = range(at(2024, 5, 16, 8), at(2024, 5, 16, 9));
        whole(dates, 1);
        UUID token = scheduler().reserve(EMAIL, dates);
        DateRange blocked = range(at(2024, 5, 17, 8), at(2024, 5, 17, 9));
        whole(blocked, 1);
        ReservationBlocker blocker = scheduler().addBlocker(blocked).get(0);
        assertClean();
        Reservation pending = reservation(token);
        UUID nowhere = UUID.randomUUID();
        plant("UPDATE reservations SET target = ? WHERE token = ?", List.of(nowhere, token),
                work -> work.reservations().update(List.of(pending.toBuilder().target(nowhere).build())));
        plant("UPDATE reservation_blockers SET target = ? WHERE token = ?", List.of(nowhere, blocker.token()),
                work -> work.blockers().update(List.of(new ReservationBlocker(blocker.requireId(), blocker.token(), nowhere,
                        blocker.targetType(), blocker.resource(), blocker.start(), blocker.end(), blocker.timezone(),
                        blocker.reason(), blocker.created(), blocker.modified()))));
        List<IntegrityViolation> found = check();
        assertThat(found).contains(
                IntegrityViolation.of(Kind.TARGET_WITHOUT_MASTER, List.of(), List.of(pending.requireId()), List.of(),
                        List.of()),
                IntegrityViolation.of(Kind.TARGET_WITHOUT_MASTER, List.of(), List.of(), List.of(blocker.requireId()),
                        List.of()));
    }

    @Test
    @DisplayName("catches a blocker without reserved slots")
    void blockerWithoutSlots() {
        DateRange blocked = range(at(2024, 5, 20, 8), at(2024, 5, 20, 9));
        whole(blocked, 1);
        ReservationBlocker blocker = scheduler().addBlocker(blocked).get(0);
        assertClean();
        plant("DELETE FROM reserved_slots WHERE source_type = 'blocker' AND reservation_token = ?",
                List.of(blocker.token()), work -> work.reservedSlots().delete(SlotCriteria.any()
                        .withToken(blocker.token()).withSource(SlotSource.BLOCKER)));
        assertThat(check()).containsExactly(IntegrityViolation.of(Kind.BLOCKER_WITHOUT_SLOTS, List.of(), List.of(),
                List.of(blocker.requireId()), List.of()));
    }
}
