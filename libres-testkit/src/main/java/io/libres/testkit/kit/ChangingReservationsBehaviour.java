package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.ReserveOptions;
import io.libres.db.models.Reservation;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.InvalidReservationError;
import io.libres.errors.NoResultFound;
import io.libres.errors.TimerangeTooLong;
import io.libres.events.ReservationTimeChanged;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changing the time and quota of reservations. */
public abstract class ChangingReservationsBehaviour extends Behaviour {

    private static final String EMAIL = "original@example.org";

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected ChangingReservationsBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    private Instant utc(DateRange range, boolean end) {
        Timespan span = range.resolve(KitFixture.ZURICH);
        return end ? span.end() : span.start();
    }

    @Test
    @DisplayName("only approved reservations of partly available allocations are candidates")
    void candidates() {
        DateRange whole = range(at(2014, 8, 7, 8), at(2014, 8, 7, 17));
        scheduler().allocate(whole);
        scheduler().approveReservations(scheduler().reserve(EMAIL, whole));
        assertThat(scheduler().changeReservationTimeCandidates().count()).isZero();
        DateRange partly = range(at(2014, 3, 7, 8), at(2014, 3, 7, 17));
        scheduler().allocate(partly, AllocateOptions.builder().partlyAvailable(true).build());
        UUID token = scheduler().reserve(EMAIL, partly);
        assertThat(scheduler().changeReservationTimeCandidates().count()).isZero();
        scheduler().approveReservations(token);
        assertThat(scheduler().changeReservationTimeCandidates().count()).isEqualTo(1);
        assertThat(scheduler().changeReservationTimeCandidates(List.of(token)).count()).isEqualTo(1);
        assertThat(scheduler().changeReservationTimeCandidates(List.of(UUID.randomUUID())).count()).isZero();
    }

    @Test
    @DisplayName("the new span must lie within the allocation")
    void withinAllocation() {
        DateRange partly = range(at(2014, 3, 7, 8), at(2014, 3, 7, 17));
        scheduler().allocate(partly, AllocateOptions.builder().partlyAvailable(true).build());
        UUID token = scheduler().reserve(EMAIL, partly);
        scheduler().approveReservations(token);
        int id = scheduler().reservationsByToken(token).one().requireId();
        assertThatThrownBy(() -> scheduler().changeReservation(token, id, range(at(2014, 3, 7, 7), at(2014, 3, 7, 17))))
                .isInstanceOf(TimerangeTooLong.class);
        assertThatThrownBy(() -> scheduler().changeReservation(token, id, range(at(2014, 3, 7, 8), at(2014, 3, 7, 17, 1))))
                .isInstanceOf(TimerangeTooLong.class);
    }

    @Test
    @DisplayName("a reservation of a group cannot change its time, with a typed error (libres 1.2 failed in the database)")
    void groupReservation() {
        List<DateRange> dates = List.of(range(at(2014, 8, 10, 11), at(2014, 8, 10, 12)), range(at(2014, 8, 11, 11), at(2014, 8, 11, 12)));
        scheduler().allocate(dates, AllocateOptions.builder().grouped(true).build());
        UUID pending = scheduler().reserve(EMAIL, dates, ReserveOptions.DEFAULTS);
        int pendingId = scheduler().reservationsByToken(pending).one().requireId();
        assertThatThrownBy(() -> scheduler().changeReservation(pending, pendingId, dates.get(0)))
                .isInstanceOf(InvalidReservationError.class).hasMessageContaining("targets a group");
        scheduler().approveReservations(pending);
        assertThatThrownBy(() -> scheduler().changeReservation(pending, pendingId, dates.get(0)))
                .isInstanceOf(InvalidReservationError.class);
        assertThat(scheduler().reservationsByToken(pending).one().requireId()).isEqualTo(pendingId);
    }

    @Test
    @DisplayName("an unknown id of a known token is NoResultFound")
    void unknownId() {
        DateRange dates = range(at(2014, 3, 7, 8), at(2014, 3, 7, 17));
        scheduler().allocate(dates);
        UUID token = scheduler().reserve("user@example.org", dates);
        int id = scheduler().reservationsByToken(token).one().requireId();
        assertThatThrownBy(() -> scheduler().changeReservation(token, id + 99999, range(at(2014, 3, 7, 9), at(2014, 3, 7, 16))))
                .isInstanceOf(NoResultFound.class);
    }

    @Test
    @DisplayName("the quota of a pending reservation changes, keeping token and session")
    void pendingQuota() {
        DateRange dates = range(at(2014, 8, 7, 8), at(2014, 8, 7, 10));
        scheduler().allocate(dates, AllocateOptions.builder().quota(2).build());
        UUID session = UUID.randomUUID();
        UUID token = scheduler().reserve(EMAIL, dates, ReserveOptions.builder().sessionId(session).build());
        Reservation reservation = scheduler().reservationsByToken(token).one();
        DateRange same = DateRange.of(reservation.start().orElseThrow(), reservation.end().orElseThrow());
        assertThat(scheduler().changeReservation(token, reservation.requireId(), same, 1)).isEmpty();
        Optional<Reservation> changed = scheduler().changeReservation(token, reservation.requireId(), same, 2);
        assertThat(changed).isPresent();
        Reservation now = scheduler().reservationsByToken(token).one();
        assertThat(now.quota()).isEqualTo(2);
        assertThat(now.sessionId()).contains(session);
        assertThat(now.requireId()).isEqualTo(reservation.requireId());
    }

    @Test
    @DisplayName("a changed reservation keeps its id, token, email and data and raises the event")
    void change() {
        List<ReservationTimeChanged> events = new ArrayList<>();
        scheduler().events().on(ReservationTimeChanged.class, events::add);
        scheduler().allocate(range(at(2014, 8, 7, 8), at(2014, 8, 7, 10)), AllocateOptions.builder().partlyAvailable(true).build());
        UUID token = scheduler().reserve(EMAIL, range(at(2014, 8, 7, 8), at(2014, 8, 7, 9)),
                ReserveOptions.builder().data(Map.of("foo", "bar")).build());
        int id = scheduler().reservationsByToken(token).one().requireId();
        scheduler().approveReservations(token);
        assertThat(scheduler().changeReservationTimeCandidates().count()).isEqualTo(1);
        assertThat(scheduler().changeReservation(token, id, range(at(2014, 8, 7, 8), at(2014, 8, 7, 9)))).isEmpty();
        assertThat(scheduler().changeReservation(token, id, DateRange.of(utc(range(at(2014, 8, 7, 8), at(2014, 8, 7, 9)), false),
                utc(range(at(2014, 8, 7, 8), at(2014, 8, 7, 9)), true).minus(Timespan.MICROSECOND)))).isEmpty();
        assertThat(events).isEmpty();
        DateRange longer = range(at(2014, 8, 7, 8), at(2014, 8, 7, 10));
        assertThat(scheduler().changeReservation(token, id, longer)).isPresent();
        assertThat(events).hasSize(1);
        ReservationTimeChanged event = events.get(0);
        assertThat(event.context()).isSameAs(context());
        assertThat(event.oldStart().getHour()).isEqualTo(8);
        assertThat(event.oldEnd().getHour()).isEqualTo(9);
        assertThat(event.newStart().getHour()).isEqualTo(8);
        assertThat(event.newEnd().getHour()).isEqualTo(10);
        Reservation now = scheduler().reservationsByToken(token).one();
        assertThat(now.start()).contains(utc(longer, false));
        assertThat(now.end()).contains(utc(longer, true).minus(Timespan.MICROSECOND));
        assertThat(now.data()).isEqualTo(Map.of("foo", "bar"));
        assertThat(now.email()).isEqualTo(EMAIL);
        assertThat(now.requireId()).isEqualTo(id);
        assertThat(now.token()).isEqualTo(token);
        assertThat(scheduler().reservedSlotsByReservation(token, id).count()).isEqualTo(24);
        scheduler().changeReservation(token, id, range(at(2014, 8, 7, 9), at(2014, 8, 7, 10)));
        scheduler().approveReservations(scheduler().reserve(EMAIL, range(at(2014, 8, 7, 8), at(2014, 8, 7, 9))));
        assertThatThrownBy(() -> scheduler().changeReservation(token, id, longer)).isInstanceOf(AlreadyReservedError.class);
        assertThat(scheduler().reservationsByToken(token).one().start()).contains(utc(range(at(2014, 8, 7, 9), at(2014, 8, 7, 10)), false));
        assertThat(scheduler().reservedSlotsByReservation(token, id).count()).isEqualTo(12);
    }

    @Test
    @DisplayName("with the quota used up small reservations cannot grow; a failed change is undone")
    void changeWithQuota() {
        scheduler().allocate(range(at(2014, 8, 7, 8), at(2014, 8, 7, 10)), AllocateOptions.builder().partlyAvailable(true).quota(2).build());
        List<UUID> tokens = List.of(
                scheduler().reserve(EMAIL, range(at(2014, 8, 7, 8), at(2014, 8, 7, 10))),
                scheduler().reserve(EMAIL, range(at(2014, 8, 7, 8), at(2014, 8, 7, 9))),
                scheduler().reserve(EMAIL, range(at(2014, 8, 7, 9), at(2014, 8, 7, 10))));
        assertThat(scheduler().changeReservationTimeCandidates().count()).isZero();
        tokens.forEach(scheduler()::approveReservations);
        assertThat(scheduler().changeReservationTimeCandidates().count()).isEqualTo(3);
        int id = scheduler().reservationsByToken(tokens.get(2)).one().requireId();
        DateRange whole = range(at(2014, 8, 7, 8), at(2014, 8, 7, 10));
        assertThatThrownBy(() -> scheduler().changeReservation(tokens.get(2), id, whole)).isInstanceOf(AlreadyReservedError.class);
        for (UUID token : tokens) {
            assertThat(scheduler().reservationsByToken(token).one().token()).isEqualTo(token);
        }
        scheduler().removeReservation(tokens.get(0));
        assertThat(scheduler().changeReservation(tokens.get(2), id, whole)).isPresent();
        int other = scheduler().reservationsByToken(tokens.get(1)).one().requireId();
        assertThat(scheduler().changeReservation(tokens.get(1), other, whole)).isPresent();
    }

    // ------------------------------------------------------------------ quota above 1

    private UUID approvedWithQuota(DateRange dates, int quota) {
        UUID token = scheduler().reserve(EMAIL, dates, ReserveOptions.builder().quota(quota).build());
        scheduler().approveReservations(token);
        return token;
    }

    /** Each start of the reservation's slots lies on {@code quota} distinct allocations, and all is consistent. */
    private void assertSpread(UUID token, int quota, int starts) {
        List<io.libres.db.models.ReservedSlot> slots = scheduler().reservedSlotsByReservation(token).list();
        Map<Instant, List<Integer>> byStart = new java.util.TreeMap<>();
        slots.forEach(s -> byStart.computeIfAbsent(s.start(), k -> new ArrayList<>()).add(s.allocationId()));
        assertThat(byStart).hasSize(starts);
        byStart.values().forEach(ids -> assertThat(ids).doesNotHaveDuplicates().hasSize(quota));
        assertThat(scheduler().checkIntegrity()).isEmpty();
    }

    @Test
    @DisplayName("an approved reservation of quota 2 on master and mirror changes its span (libres 1.2: MultipleResultsFound)")
    void approvedQuotaSpan() {
        scheduler().allocate(range(at(2014, 9, 1, 8), at(2014, 9, 1, 12)),
                AllocateOptions.builder().partlyAvailable(true).raster(30).quota(3).build());
        UUID token = approvedWithQuota(range(at(2014, 9, 1, 8), at(2014, 9, 1, 9)), 2);
        int id = scheduler().reservationsByToken(token).one().requireId();
        assertSpread(token, 2, 2);
        Optional<Reservation> changed = scheduler().changeReservation(token, id, range(at(2014, 9, 1, 9), at(2014, 9, 1, 11)));
        assertThat(changed).isPresent();
        assertThat(changed.get().quota()).isEqualTo(2);
        assertThat(changed.get().requireId()).isEqualTo(id);
        assertSpread(token, 2, 4);
        @SuppressWarnings("deprecation")
        Optional<Reservation> again = scheduler().changeReservationTime(token, id, range(at(2014, 9, 1, 10), at(2014, 9, 1, 12)));
        assertThat(again).isPresent();
        assertSpread(token, 2, 4);
        assertThat(scheduler().reservationsByToken(token).one().start()).contains(utc(range(at(2014, 9, 1, 10),
                at(2014, 9, 1, 12)), false));
    }

    @Test
    @DisplayName("an approved reservation of quota 2 held only by mirrors changes its span")
    void approvedQuotaOnMirrorsOnly() {
        DateRange dates = range(at(2014, 9, 2, 8), at(2014, 9, 2, 10));
        scheduler().allocate(dates, AllocateOptions.builder().partlyAvailable(true).quota(3).build());
        UUID first = approvedWithQuota(dates, 1);
        UUID token = approvedWithQuota(dates, 2);
        scheduler().removeReservation(first);
        int id = scheduler().reservationsByToken(token).one().requireId();
        assertThat(scheduler().reservedSlotsByReservation(token).list()).extracting(s -> s.resource())
                .doesNotContain(scheduler().resource());
        assertThat(scheduler().changeReservation(token, id, range(at(2014, 9, 2, 9), at(2014, 9, 2, 10)))).isPresent();
        assertSpread(token, 2, 12);
    }

    @Test
    @DisplayName("the quota of an approved reservation grows and shrinks over master and mirrors; too much is refused and undone")
    void approvedQuotaChanges() {
        DateRange dates = range(at(2014, 9, 3, 8), at(2014, 9, 3, 9));
        scheduler().allocate(dates, AllocateOptions.builder().quota(3).build());
        UUID token = approvedWithQuota(dates, 2);
        Reservation reservation = scheduler().reservationsByToken(token).one();
        int id = reservation.requireId();
        assertThat(scheduler().changeReservation(token, id, dates, 2)).isEmpty();
        assertThat(scheduler().changeReservation(token, id, dates, 3)).isPresent();
        assertSpread(token, 3, 1);
        assertThat(scheduler().changeReservation(token, id, dates, 1)).isPresent();
        assertSpread(token, 1, 1);
        UUID other = approvedWithQuota(dates, 2);
        assertThatThrownBy(() -> scheduler().changeReservation(token, id, dates, 2))
                .isInstanceOf(io.libres.errors.LibresException.class);
        assertThat(scheduler().reservationsByToken(token).one().quota()).isEqualTo(1);
        assertSpread(token, 1, 1);
        assertSpread(other, 2, 1);
        assertThatThrownBy(() -> scheduler().changeReservation(token, id, range(at(2014, 9, 3, 8), at(2014, 9, 3, 10)), 1))
                .isInstanceOf(TimerangeTooLong.class);
    }

    @Test
    @DisplayName("email and data of an approved reservation of quota 2 change, its slots stay")
    void approvedQuotaEmailAndData() {
        DateRange dates = range(at(2014, 9, 4, 8), at(2014, 9, 4, 9));
        scheduler().allocate(dates, AllocateOptions.builder().quota(2).build());
        UUID token = approvedWithQuota(dates, 2);
        List<io.libres.db.models.ReservedSlot> before = scheduler().reservedSlotsByReservation(token).list();
        scheduler().changeEmail(token, "changed@example.org");
        scheduler().changeReservationData(token, Map.of("seat", "front"));
        Reservation now = scheduler().reservationsByToken(token).one();
        assertThat(now.email()).isEqualTo("changed@example.org");
        assertThat(now.data()).isEqualTo(Map.of("seat", "front"));
        assertThat(now.quota()).isEqualTo(2);
        assertThat(scheduler().reservedSlotsByReservation(token).list()).isEqualTo(before);
        assertSpread(token, 2, 1);
    }

    @Test
    @DisplayName("the allocation's quota changes under an approved reservation of quota 2: up, down with a reorganisation, not below it")
    void allocationQuotaUnderReservation() {
        DateRange dates = range(at(2014, 9, 5, 8), at(2014, 9, 5, 9));
        io.libres.db.models.Allocation master = scheduler().allocate(dates, AllocateOptions.builder().quota(3).build()).get(0);
        UUID first = approvedWithQuota(dates, 1);
        UUID token = approvedWithQuota(dates, 2);
        scheduler().removeReservation(first);
        scheduler().changeQuota(scheduler().allocationById(master.requireId()), 5);
        assertSpread(token, 2, 1);
        scheduler().changeQuota(scheduler().allocationById(master.requireId()), 2);
        assertSpread(token, 2, 1);
        assertThat(scheduler().allocationById(master.requireId()).quota()).isEqualTo(2);
        assertThatThrownBy(() -> scheduler().changeQuota(scheduler().allocationById(master.requireId()), 1))
                .isInstanceOf(io.libres.errors.AffectedReservationError.class);
        assertSpread(token, 2, 1);
    }

    @Test
    @DisplayName("a partly available allocation with an approved reservation of quota 2 moves with its mirrors")
    void moveUnderReservation() {
        io.libres.db.models.Allocation master = scheduler().allocate(range(at(2014, 9, 8, 8), at(2014, 9, 8, 10)),
                AllocateOptions.builder().partlyAvailable(true).raster(60).quota(2).build()).get(0);
        UUID token = approvedWithQuota(range(at(2014, 9, 8, 9), at(2014, 9, 8, 10)), 2);
        scheduler().moveAllocation(master.requireId(), io.libres.db.MoveOptions.builder()
                .dates(range(at(2014, 9, 8, 9), at(2014, 9, 8, 12))).build());
        assertSpread(token, 2, 1);
        assertThat(scheduler().managedAllocations().list()).allSatisfy(a -> assertThat(a.end())
                .isEqualTo(utc(range(at(2014, 9, 8, 9), at(2014, 9, 8, 12)), true).minus(Timespan.MICROSECOND)));
        assertThatThrownBy(() -> scheduler().moveAllocation(master.requireId(), io.libres.db.MoveOptions.builder()
                .dates(range(at(2014, 9, 8, 10), at(2014, 9, 8, 12))).build()))
                .isInstanceOf(io.libres.errors.AffectedReservationError.class);
        assertSpread(token, 2, 1);
    }
}
