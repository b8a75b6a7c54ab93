package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.ReserveOptions;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationStatus;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.db.models.TargetType;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.ErrorCode;
import io.libres.errors.NoFreeSpot;
import io.libres.errors.InvalidEmailAddress;
import io.libres.errors.InvalidQuota;
import io.libres.errors.InvalidReservationError;
import io.libres.errors.InvalidReservationToken;
import io.libres.errors.LibresException;
import io.libres.errors.OverlappingReservationError;
import io.libres.errors.QuotaImpossible;
import io.libres.errors.QuotaOverLimit;
import io.libres.errors.ReservationTooLong;
import io.libres.errors.ReservationTooShort;
import io.libres.errors.TimerangeTooLong;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reserving and approving: the two steps, quotas, waiting lists, tokens, sessions. */
public abstract class ReservingBehaviour extends Behaviour {

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected ReservingBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    private static final String EMAIL = "test@example.org";

    @Test
    @DisplayName("reserving half of a partly available allocation leaves the other half free")
    void reserveHalf() {
        Allocation allocation = scheduler().allocate(range(at(2011, 1, 1, 15), at(2011, 1, 1, 16)),
                AllocateOptions.builder().partlyAvailable(true).raster(15).build()).get(0);
        List<Timespan> possible = allocation.allSlots();
        assertThat(possible).hasSize(4);
        UUID token = scheduler().reserve(EMAIL, range(at(2011, 1, 1, 15), at(2011, 1, 1, 15, 30)));
        List<ReservedSlot> slots = scheduler().approveReservations(token);
        assertThat(slots).hasSize(2);
        scheduler().commit();
        assertThat(allocation.freeSlots(lookup())).containsExactlyElementsOf(possible.subList(2, 4));
        assertThat(scheduler().reservedSlotsByReservation(token).list())
                .extracting(ReservedSlot::start).containsExactlyElementsOf(slots.stream().map(ReservedSlot::start)
                        .sorted().collect(Collectors.toList()));
        scheduler().removeReservation(token);
        assertThat(allocation.freeSlots(lookup())).hasSize(4);
    }

    @Test
    @DisplayName("a reservation is pending until approved")
    void pendingThenApproved() {
        DateRange dates = range(at(2015, 2, 5, 15), at(2015, 2, 5, 16));
        Allocation allocation = scheduler().allocate(dates).get(0);
        UUID token = scheduler().reserve(EMAIL, dates, ReserveOptions.builder().data(Map.of("k", "v")).build());
        Reservation pending = scheduler().reservationsByToken(token).one();
        assertThat(pending.status()).isEqualTo(ReservationStatus.PENDING);
        assertThat(pending.targetType()).isEqualTo(TargetType.ALLOCATION);
        assertThat(pending.target()).isEqualTo(allocation.group());
        assertThat(pending.email()).isEqualTo(EMAIL);
        assertThat(pending.data()).isEqualTo(Map.of("k", "v"));
        assertThat(pending.start()).contains(allocation.start());
        assertThat(pending.end()).contains(allocation.end());
        assertThat(scheduler().managedReservedSlots().count()).isZero();
        scheduler().approveReservations(token);
        assertThat(scheduler().reservationsByToken(token).one().status()).isEqualTo(ReservationStatus.APPROVED);
        assertThat(scheduler().managedReservedSlots().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("the email is trimmed and must be valid")
    void email() {
        assertThatThrownBy(() -> scheduler().reserveGroup("invalid-email", UUID.randomUUID()))
                .isInstanceOf(InvalidEmailAddress.class).hasMessageContaining("invalid-email");
        DateRange dates = range(at(2015, 2, 5, 15), at(2015, 2, 5, 16));
        scheduler().allocate(dates);
        UUID token = scheduler().reserve("  padded@example.org ", dates);
        assertThat(scheduler().reservationsByToken(token).one().email()).isEqualTo("padded@example.org");
    }

    @Test
    @DisplayName("a reservation shorter than five minutes or running backwards is too short")
    void tooShort() {
        scheduler().allocate(range(at(2015, 2, 9, 10), at(2015, 2, 9, 12)), AllocateOptions.builder().partlyAvailable(true).build());
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, range(at(2015, 2, 9, 10, 0), at(2015, 2, 9, 10, 1))))
                .isInstanceOf(ReservationTooShort.class);
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, range(at(2015, 2, 9, 11, 0), at(2015, 2, 9, 10, 0))))
                .isInstanceOf(ReservationTooShort.class);
        assertThat(scheduler().managedReservations().count()).isZero();
    }

    @Test
    @DisplayName("a reservation longer than a day is too long")
    void tooLong() {
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, range(at(2011, 1, 1, 15), at(2011, 1, 2, 15))))
                .isInstanceOf(ReservationTooLong.class);
    }

    @Test
    @DisplayName("a whole 25-hour day may be reserved on the fall-back day")
    void wholeDayOnFallBack() {
        scheduler().allocate(range(at(2026, 10, 25, 0), at(2026, 10, 26, 0)));
        UUID token = scheduler().reserve(EMAIL, range(at(2026, 10, 25, 0), at(2026, 10, 26, 0)));
        assertThat(scheduler().approveReservations(token)).hasSize(1);
    }

    @Test
    @DisplayName("reserving where there is no allocation is invalid")
    void noAllocation() {
        scheduler().allocate(range(at(2012, 1, 1, 15), at(2012, 1, 1, 16)), AllocateOptions.builder().approveManually(true).build());
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, range(at(2012, 2, 1, 15), at(2012, 2, 1, 16))))
                .isInstanceOf(InvalidReservationError.class);
    }

    @Test
    @DisplayName("reserving a group without allocations is invalid (libres 1.2 accepted it)")
    void unknownGroup() {
        assertThatThrownBy(() -> scheduler().reserveGroup(EMAIL, UUID.randomUUID()))
                .isInstanceOf(InvalidReservationError.class).hasMessageContaining("has no allocations");
    }

    @Test
    @DisplayName("a span beyond the allocation is too long for it")
    void beyondAllocation() {
        scheduler().allocate(range(at(2014, 3, 7, 8), at(2014, 3, 7, 17)), AllocateOptions.builder().partlyAvailable(true).build());
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, range(at(2014, 3, 7, 7), at(2014, 3, 7, 9))))
                .isInstanceOf(TimerangeTooLong.class);
    }

    @Test
    @DisplayName("the quota must be positive, within the limit and available")
    void quota() {
        DateRange dates = range(at(2015, 2, 9, 10), at(2015, 2, 9, 12));
        scheduler().allocate(dates, AllocateOptions.builder().quota(2).quotaLimit(1).build());
        assertThatThrownBy(() -> ReserveOptions.builder().quota(0).build()).isInstanceOf(InvalidQuota.class);
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, dates, ReserveOptions.builder().quota(2).build()))
                .isInstanceOf(QuotaOverLimit.class);
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, dates, ReserveOptions.builder().quota(3).build()))
                .isInstanceOf(AlreadyReservedError.class);
    }

    @Test
    @DisplayName("a quota above the allocation's is impossible, even on a waiting list")
    void impossibleQuota() {
        DateRange dates = range(at(2015, 2, 9, 10), at(2015, 2, 9, 12));
        scheduler().allocate(dates, AllocateOptions.builder().quota(2).approveManually(true).build());
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, dates, ReserveOptions.builder().quota(3).build()))
                .isInstanceOf(QuotaImpossible.class);
    }

    @Test
    @DisplayName("a reservation quota takes several spots at once")
    void reservationQuota() {
        DateRange dates = range(at(2015, 2, 9, 10), at(2015, 2, 9, 12));
        Allocation master = scheduler().allocate(dates, AllocateOptions.builder().quota(3).build()).get(0);
        UUID token = scheduler().reserve(EMAIL, dates, ReserveOptions.builder().quota(2).build());
        assertThat(scheduler().approveReservations(token)).hasSize(2);
        assertThat(master.quotaLeft(lookup())).isEqualTo(1);
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, dates, ReserveOptions.builder().quota(2).build()))
                .isInstanceOf(AlreadyReservedError.class);
    }

    @Test
    @DisplayName("with a single token per session, reserve calls of a session share a token")
    void singleTokenPerSession() {
        UUID session = UUID.randomUUID();
        List<Allocation> created = scheduler().allocate(List.of(range(at(2011, 1, 1, 15), at(2011, 1, 1, 16)),
                range(at(2011, 1, 2, 15), at(2011, 1, 2, 16))), AllocateOptions.DEFAULTS);
        ReserveOptions single = ReserveOptions.builder().sessionId(session).singleTokenPerSession(true).build();
        UUID token1 = scheduler().reserve(EMAIL, DateRange.of(created.get(0).timespan()), single);
        UUID token2 = scheduler().reserve(EMAIL, DateRange.of(created.get(1).timespan()), single);
        assertThat(token1).isEqualTo(token2).isNotEqualTo(session);
        scheduler().removeReservation(token1);
        UUID token3 = scheduler().reserve(EMAIL, DateRange.of(created.get(0).timespan()), single);
        UUID token4 = scheduler().reserve(EMAIL, DateRange.of(created.get(1).timespan()), single);
        assertThat(token3).isNotEqualTo(token1).isEqualTo(token4);
    }

    @Test
    @DisplayName("the same reservation twice in one session overlaps; in different sessions it does not")
    void overlappingReservations() {
        DateRange dates = range(at(2015, 2, 5, 15), at(2015, 2, 5, 16));
        scheduler().allocate(dates);
        scheduler().reserve(EMAIL, dates, ReserveOptions.builder().sessionId(UUID.randomUUID()).build());
        scheduler().reserve(EMAIL, dates, ReserveOptions.builder().sessionId(UUID.randomUUID()).build());
        ReserveOptions session = ReserveOptions.builder().sessionId(UUID.randomUUID()).build();
        scheduler().reserve(EMAIL, dates, session);
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, dates, session)).isInstanceOf(OverlappingReservationError.class);
        assertThat(scheduler().managedReservations().count()).isEqualTo(3);
    }

    @Test
    @DisplayName("adjacent allocations do not bleed into each other")
    void noBleed() {
        DateRange d1 = range(at(2011, 1, 1, 15), at(2011, 1, 1, 16));
        DateRange d2 = range(at(2011, 1, 1, 16), at(2011, 1, 1, 17));
        Allocation a1 = scheduler().allocate(d1).get(0);
        Allocation a2 = scheduler().allocate(d2).get(0);
        assertThat(a1.overlaps(d2.resolve(KitFixture.ZURICH))).isFalse();
        assertThat(a2.overlaps(d1.resolve(KitFixture.ZURICH))).isFalse();
        scheduler().approveReservations(scheduler().reserve(EMAIL, d2));
        scheduler().approveReservations(scheduler().reserve(EMAIL, d1));
        assertThat(scheduler().managedReservedSlots().count()).isEqualTo(2);
    }

    @Test
    @DisplayName("an allocation that is not partly available is reserved as a whole")
    void notPartly() {
        Allocation allocation = scheduler().allocate(range(at(2011, 1, 1, 8), at(2011, 1, 1, 18))).get(0);
        assertThat(allocation.allSlots()).containsExactly(allocation.timespan());
        assertThat(allocation.freeSlots(lookup())).containsExactly(allocation.timespan());
        UUID token = scheduler().reserve(EMAIL, range(at(2011, 1, 1, 16), at(2011, 1, 1, 18)));
        ReservedSlot slot = scheduler().approveReservations(token).get(0);
        assertThat(slot.timespan()).isEqualTo(allocation.timespan());
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, range(at(2011, 1, 1, 8), at(2011, 1, 1, 9))))
                .isInstanceOf(AlreadyReservedError.class);
    }

    @Test
    @DisplayName("a waiting list forms on manually approved allocations")
    void waitingList() {
        DateRange dates = range(at(2012, 2, 29, 15), at(2012, 2, 29, 19));
        Allocation allocation = scheduler().allocate(dates, AllocateOptions.builder().approveManually(true).build()).get(0);
        assertThat(allocation.waitinglistLength(lookup())).isZero();
        UUID approval = scheduler().reserve(EMAIL, dates);
        assertThat(scheduler().reservationsByToken(approval).one().autoapprovable(lookup())).isFalse();
        assertThat(allocation.isAvailable(lookup())).isTrue();
        assertThat(allocation.waitinglistLength(lookup())).isEqualTo(1);
        scheduler().approveReservations(approval);
        assertThat(allocation.isAvailable(lookup())).isFalse();
        assertThat(allocation.waitinglistLength(lookup())).isZero();
        UUID waiting = scheduler().reserve(EMAIL, dates);
        assertThatThrownBy(() -> scheduler().approveReservations(waiting)).isInstanceOf(NoFreeSpot.class)
                .isInstanceOf(AlreadyReservedError.class)
                .satisfies(e -> assertThat(((LibresException) e).code()).isEqualTo(ErrorCode.NO_FREE_SPOT));
        assertThat(allocation.waitinglistLength(lookup())).isEqualTo(1);
        scheduler().removeReservation(approval);
        scheduler().approveReservations(waiting);
        assertThat(allocation.waitinglistLength(lookup())).isZero();
    }

    @Test
    @DisplayName("without manual approval a reserved allocation takes no further reservations")
    void noWaitingList() {
        DateRange dates = range(at(2012, 4, 6, 22), at(2012, 4, 6, 23));
        Allocation allocation = scheduler().allocate(dates).get(0);
        UUID token = scheduler().reserve(EMAIL, dates);
        assertThat(scheduler().reservationsByToken(token).one().autoapprovable(lookup())).isTrue();
        scheduler().approveReservations(token);
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, dates)).isInstanceOf(NoFreeSpot.class)
                .satisfies(e -> assertThat(((LibresException) e).code()).isEqualTo(ErrorCode.NO_FREE_SPOT));
        assertThat(allocation.waitinglistLength(lookup())).isZero();
        scheduler().removeReservation(token);
        assertThat(scheduler().reserve(EMAIL, dates)).isNotNull();
    }

    @Test
    @DisplayName("with a quota the waiting list starts once the quota is used up")
    void quotaWaitingList() {
        DateRange dates = range(at(2012, 3, 4, 2), at(2012, 3, 4, 3));
        Allocation allocation = scheduler().allocate(dates, AllocateOptions.builder().quota(2).approveManually(true).build()).get(0);
        UUID t1 = scheduler().reserve(EMAIL, dates);
        UUID t2 = scheduler().reserve(EMAIL, dates);
        assertThat(allocation.waitinglistLength(lookup())).isEqualTo(2);
        scheduler().approveReservations(t1);
        scheduler().approveReservations(t2);
        assertThat(allocation.waitinglistLength(lookup())).isZero();
        UUID t3 = scheduler().reserve(EMAIL, dates);
        UUID t4 = scheduler().reserve(EMAIL, dates);
        assertThat(allocation.waitinglistLength(lookup())).isEqualTo(2);
        assertThatThrownBy(() -> scheduler().approveReservations(t3)).isInstanceOf(AlreadyReservedError.class);
        assertThatThrownBy(() -> scheduler().approveReservations(t4)).isInstanceOf(AlreadyReservedError.class);
    }

    @Test
    @DisplayName("a group is reserved as a whole, as often as its quota allows")
    void groupReserve() {
        List<Allocation> created = scheduler().allocate(List.of(range(at(2013, 4, 6, 12), at(2013, 4, 6, 16)),
                range(at(2013, 4, 7, 12), at(2013, 4, 7, 16))),
                AllocateOptions.builder().grouped(true).approveManually(true).quota(3).build());
        UUID group = created.get(0).group();
        for (int i = 0; i < 3; i++) {
            UUID token = scheduler().reserveGroup("test@example.com", group);
            Reservation reservation = scheduler().reservationsByToken(token).one();
            assertThat(reservation.targetType()).isEqualTo(TargetType.GROUP);
            assertThat(reservation.targetAllocations(lookup())).hasSize(2);
            scheduler().approveReservations(token);
            assertThat(reservation.targetAllocations(lookup())).hasSize(2);
        }
        UUID fourth = scheduler().reserveGroup("test@example.com", group);
        assertThatThrownBy(() -> scheduler().approveReservations(fourth)).isInstanceOf(AlreadyReservedError.class);
    }

    @Test
    @DisplayName("reserving dates of a grouped allocation reserves the whole group")
    void datesOfGroup() {
        List<DateRange> dates = List.of(range(at(2015, 2, 9, 10), at(2015, 2, 9, 12)), range(at(2015, 2, 10, 10), at(2015, 2, 10, 12)));
        List<Allocation> created = scheduler().allocate(dates, AllocateOptions.builder().grouped(true).build());
        UUID token = scheduler().reserve(EMAIL, dates, ReserveOptions.DEFAULTS);
        Reservation reservation = scheduler().reservationsByToken(token).one();
        assertThat(reservation.targetType()).isEqualTo(TargetType.GROUP);
        assertThat(reservation.timespans(lookup())).containsExactly(created.get(0).timespan(), created.get(1).timespan());
        assertThat(scheduler().approveReservations(token)).hasSize(2);
    }

    @Test
    @DisplayName("waiting lists work for groups too")
    void waitingListGroup() {
        List<DateRange> mondays = List.of(range(at(2012, 1, 2, 15), at(2012, 1, 2, 16)), range(at(2012, 1, 9, 15), at(2012, 1, 9, 16)),
                range(at(2012, 1, 16, 15), at(2012, 1, 16, 16)), range(at(2012, 1, 23, 15), at(2012, 1, 23, 16)),
                range(at(2012, 1, 30, 15), at(2012, 1, 30, 16)));
        List<Allocation> created = scheduler().allocate(mondays, AllocateOptions.builder().grouped(true).approveManually(true).build());
        assertThat(created).hasSize(5);
        UUID main = scheduler().reserveGroup(EMAIL, created.get(0).group());
        assertThat(scheduler().reservationsByToken(main).one().autoapprovable(lookup())).isFalse();
        for (Allocation a : created) {
            assertThat(a.waitinglistLength(lookup())).isEqualTo(1);
        }
        scheduler().approveReservations(main);
        UUID second = scheduler().reserveGroup(EMAIL, created.get(0).group());
        assertThatThrownBy(() -> scheduler().approveReservations(second)).isInstanceOf(AlreadyReservedError.class);
        scheduler().removeReservation(main);
        assertThat(scheduler().approveReservations(second)).hasSize(5);
    }

    @Test
    @DisplayName("a quota of ten is reserved ten times, then it is full")
    void quotas() {
        DateRange dates = range(at(2011, 1, 1, 15), at(2011, 1, 1, 16));
        Allocation allocation = scheduler().allocate(dates, AllocateOptions.builder().raster(15).quota(10).build()).get(0);
        assertThat(scheduler().allocationMirrorsByMaster(allocation)).hasSize(9);
        for (int i = 0; i < 10; i++) {
            scheduler().approveReservations(scheduler().reserve(EMAIL, dates));
        }
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, dates)).isInstanceOf(AlreadyReservedError.class);
        assertThat(scheduler().allocationsInRange(dates).count()).isEqualTo(1);
        assertThat(scheduler().managedAllocations().count()).isEqualTo(10);
    }

    @Test
    @DisplayName("half reservations fill a partly available quota twice as often")
    void partlyQuotas() {
        DateRange dates = range(at(2011, 1, 1, 15), at(2011, 1, 1, 16));
        Allocation allocation = scheduler().allocate(dates, AllocateOptions.builder().raster(15).quota(5).partlyAvailable(true).build()).get(0);
        assertThat(scheduler().allocationMirrorsByMaster(allocation)).hasSize(4);
        for (int i = 0; i < 5; i++) {
            scheduler().approveReservations(scheduler().reserve(EMAIL, range(at(2011, 1, 1, 15), at(2011, 1, 1, 15, 30))));
            scheduler().approveReservations(scheduler().reserve(EMAIL, range(at(2011, 1, 1, 15, 30), at(2011, 1, 1, 16))));
        }
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, range(at(2011, 1, 1, 15, 30), at(2011, 1, 1, 16))))
                .isInstanceOf(AlreadyReservedError.class);
    }

    @Test
    @DisplayName("removed reservations leave gaps that later reservations fill")
    void fragmentation() {
        DateRange dates = range(at(2011, 1, 1, 15), at(2011, 1, 1, 16));
        Allocation allocation = scheduler().allocate(dates, AllocateOptions.builder().quota(3).build()).get(0);
        UUID first = scheduler().reserve(EMAIL, dates);
        assertThat(scheduler().approveReservations(first)).allMatch(s -> s.resource().equals(scheduler().resource()));
        assertThat(scheduler().approveReservations(scheduler().reserve(EMAIL, dates)))
                .noneMatch(s -> s.resource().equals(scheduler().resource()));
        scheduler().removeReservation(first);
        assertThat(scheduler().approveReservations(scheduler().reserve(EMAIL, dates)))
                .allMatch(s -> s.resource().equals(scheduler().resource()));
        assertThatThrownBy(() -> scheduler().removeAllocation(allocation.requireId()))
                .isInstanceOf(io.libres.errors.AffectedReservationError.class);
    }

    @Test
    @DisplayName("approving an unknown token is an InvalidReservationToken (libres 1.2 did nothing)")
    void unknownToken() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> scheduler().approveReservations(unknown)).isInstanceOf(InvalidReservationToken.class)
                .hasMessageContaining(unknown.toString());
        assertThatThrownBy(() -> scheduler().removeReservation(unknown)).isInstanceOf(InvalidReservationToken.class);
        assertThatThrownBy(() -> scheduler().denyReservation(unknown)).isInstanceOf(InvalidReservationToken.class);
        assertThatThrownBy(() -> scheduler().reservationsByToken(unknown)).isInstanceOf(InvalidReservationToken.class);
        assertThatThrownBy(() -> scheduler().changeEmail(unknown, EMAIL)).isInstanceOf(InvalidReservationToken.class);
    }

    @Test
    @DisplayName("a failed approval names the reservation and leaves nothing written")
    void failedApprovalCarriesReservation() {
        List<DateRange> dates = List.of(range(at(2015, 2, 9, 10), at(2015, 2, 9, 11)), range(at(2015, 2, 10, 10), at(2015, 2, 10, 11)));
        scheduler().allocate(dates, AllocateOptions.builder().approveManually(true).build());
        UUID blocking = scheduler().reserve(EMAIL, dates.get(1));
        scheduler().approveReservations(blocking);
        UUID token = scheduler().reserve(EMAIL, dates, ReserveOptions.DEFAULTS);
        Reservation second = scheduler().reservationsByToken(token).list().stream()
                .max(Comparator.comparing(r -> r.start().orElseThrow())).orElseThrow();
        assertThatThrownBy(() -> scheduler().approveReservations(token))
                .isInstanceOf(AlreadyReservedError.class)
                .satisfies(e -> assertThat(((LibresException) e).reservation()).contains(second));
        assertThat(scheduler().reservedSlotsByReservation(token).count()).isZero();
        assertThat(scheduler().reservationsByToken(token).list()).allMatch(r -> r.status() == ReservationStatus.PENDING);
    }

    @Test
    @DisplayName("denying removes the pending reservations of a token")
    void deny() {
        DateRange dates = range(at(2015, 2, 9, 10), at(2015, 2, 9, 11));
        scheduler().allocate(dates, AllocateOptions.builder().approveManually(true).build());
        UUID token = scheduler().reserve(EMAIL, dates);
        assertThat(scheduler().denyReservation(token)).hasSize(1);
        assertThat(scheduler().managedReservations().count()).isZero();
    }

    @Test
    @DisplayName("the email of every reservation of a token changes at once")
    void changeEmail() {
        List<DateRange> dates = List.of(range(at(2014, 8, 7, 11), at(2014, 8, 7, 12)), range(at(2014, 8, 8, 11), at(2014, 8, 8, 12)));
        scheduler().allocate(dates, AllocateOptions.DEFAULTS);
        UUID token = scheduler().reserve("original@example.org", dates, ReserveOptions.DEFAULTS);
        assertThat(scheduler().reservationsByToken(token).list()).extracting(Reservation::email)
                .containsExactly("original@example.org", "original@example.org");
        scheduler().changeEmail(token, "newmail@example.org");
        assertThat(scheduler().reservationsByToken(token).list()).extracting(Reservation::email)
                .containsExactly("newmail@example.org", "newmail@example.org");
        scheduler().approveReservations(token);
        scheduler().changeEmail(token, "another@example.org");
        assertThat(scheduler().reservationsByToken(token).list()).extracting(Reservation::email)
                .containsOnly("another@example.org");
        assertThatThrownBy(() -> scheduler().changeEmail(token, "nope")).isInstanceOf(InvalidEmailAddress.class);
    }

    @Test
    @DisplayName("the data of every reservation of a token changes at once")
    void changeData() {
        DateRange dates = range(at(2015, 2, 9, 10), at(2015, 2, 9, 12));
        Allocation allocation = scheduler().allocate(dates).get(0);
        UUID token = scheduler().reserve(EMAIL, dates, ReserveOptions.builder().data(Map.of("foo", "bar")).build());
        assertThat(scheduler().reservationsByAllocation(allocation.requireId()).one().data()).isEqualTo(Map.of("foo", "bar"));
        scheduler().changeReservationData(token, Map.of("bar", "foo"));
        assertThat(scheduler().reservationsByAllocation(allocation.requireId()).one().data()).isEqualTo(Map.of("bar", "foo"));
    }

    @Test
    @DisplayName("removing one reservation of a token keeps the slots of the others")
    void removeOneOfToken() {
        scheduler().allocate(range(at(2014, 3, 7, 8), at(2014, 3, 7, 18)), AllocateOptions.builder().partlyAvailable(true).build());
        ReserveOptions session = ReserveOptions.builder().sessionId(UUID.randomUUID()).singleTokenPerSession(true).build();
        UUID token = scheduler().reserve("user@example.org", range(at(2014, 3, 7, 8), at(2014, 3, 7, 10)), session);
        assertThat(scheduler().reserve("user@example.org", range(at(2014, 3, 7, 10), at(2014, 3, 7, 12)), session)).isEqualTo(token);
        scheduler().approveReservations(token);
        List<Reservation> both = scheduler().reservationsByToken(token).list().stream()
                .sorted(Comparator.comparing(r -> r.start().orElseThrow())).collect(Collectors.toList());
        long first = scheduler().reservedSlotsByReservation(token, both.get(0).requireId()).count();
        assertThat(first).isPositive();
        assertThat(scheduler().reservedSlotsByReservation(token, both.get(1).requireId()).count()).isPositive();
        scheduler().removeReservation(token, both.get(1).requireId());
        assertThat(scheduler().reservedSlotsByReservation(token).count()).isEqualTo(first);
        assertThat(scheduler().reservationsByToken(token).list()).containsExactly(both.get(0));
    }

    @Test
    @DisplayName("removing a narrower reservation of a whole allocation removes its slot")
    void removeNarrowerReservation() {
        scheduler().allocate(range(at(2014, 3, 7, 8), at(2014, 3, 7, 18)));
        UUID token = scheduler().reserve("user@example.org", range(at(2014, 3, 7, 9), at(2014, 3, 7, 17)));
        scheduler().approveReservations(token);
        Reservation reservation = scheduler().reservationsByToken(token).one();
        ReservedSlot slot = scheduler().reservedSlotsByReservation(token).one();
        assertThat(slot.start()).isBefore(reservation.start().orElseThrow());
        assertThat(scheduler().reservedSlotsByReservation(token, reservation.requireId()).count()).isEqualTo(1);
        scheduler().removeReservation(token, reservation.requireId());
        assertThat(scheduler().reservedSlotsByType(token, SlotSource.RESERVATION).count()).isZero();
    }

    @Test
    @DisplayName("every reserved slot records the id of its reservation")
    void slotsKnowTheirSource() {
        scheduler().allocate(range(at(2014, 3, 7, 8), at(2014, 3, 7, 18)), AllocateOptions.builder().partlyAvailable(true).build());
        UUID token = scheduler().reserve("user@example.org", range(at(2014, 3, 7, 8), at(2014, 3, 7, 10)));
        scheduler().approveReservations(token);
        Reservation reservation = scheduler().reservationsByToken(token).one();
        assertThat(scheduler().reservedSlotsByReservation(token).list()).isNotEmpty()
                .allMatch(s -> s.source() == SlotSource.RESERVATION && s.sourceId() == reservation.requireId());
    }

    @Test
    @DisplayName("a pending reservation has no allocations yet; an approved one has")
    void allocationsByReservation() {
        DateRange dates = range(at(2013, 12, 3, 13), at(2013, 12, 3, 15));
        List<Allocation> created = scheduler().allocate(dates, AllocateOptions.builder().approveManually(true).build());
        UUID token = scheduler().reserve(EMAIL, dates);
        assertThat(scheduler().allocationsByReservation(token).list()).isEmpty();
        Reservation reservation = scheduler().reservationsByToken(token).one();
        assertThat(reservation.targetAllocations(lookup())).isEqualTo(created);
        scheduler().approveReservations(token);
        assertThat(scheduler().allocationsByReservation(token).list()).isEqualTo(created);
        assertThat(reservation.targetAllocations(lookup())).isEqualTo(created);
    }

    @Test
    @DisplayName("the allocations of one token can be narrowed by reservation id")
    void allocationsByMultipleReservations() {
        List<DateRange> dates = List.of(range(at(2013, 12, 3, 13), at(2013, 12, 3, 15)), range(at(2014, 12, 3, 13), at(2014, 12, 3, 15)));
        scheduler().allocate(dates.get(0), AllocateOptions.builder().approveManually(true).build());
        scheduler().allocate(dates.get(1), AllocateOptions.builder().approveManually(true).build());
        UUID token = scheduler().reserve(EMAIL, dates, ReserveOptions.DEFAULTS);
        scheduler().approveReservations(token);
        assertThat(scheduler().allocationsByReservation(token).count()).isEqualTo(2);
        for (Reservation r : scheduler().managedReservations().list()) {
            assertThat(scheduler().allocationsByReservation(token, r.requireId()).count()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("timespans of a reservation: its own span, or its group's allocations")
    void timespans() {
        DateRange dates = range(at(2015, 2, 5, 15), at(2015, 2, 5, 16));
        Allocation single = scheduler().allocate(dates).get(0);
        Reservation reservation = scheduler().reservationsByToken(scheduler().reserve(EMAIL, dates)).one();
        assertThat(reservation.timespans(lookup())).containsExactly(new Timespan(single.start(), single.end().plus(Timespan.MICROSECOND)));
        assertThat(reservation.displayStart().toLocalDateTime()).isEqualTo(at(2015, 2, 5, 15));
        assertThat(reservation.displayEnd().toLocalDateTime()).isEqualTo(at(2015, 2, 5, 16));
        List<Allocation> group = scheduler().allocate(List.of(range(at(2015, 2, 6, 15), at(2015, 2, 6, 16)),
                range(at(2015, 2, 7, 15), at(2015, 2, 7, 16))), AllocateOptions.builder().grouped(true).build());
        Reservation grouped = scheduler().reservationsByToken(scheduler().reserveGroup(EMAIL, group.get(0).group())).one();
        assertThat(grouped.timespans(lookup())).containsExactly(group.get(0).timespan(), group.get(1).timespan());
        assertThat(grouped.timespans(lookup()).get(0).duration()).isEqualTo(Duration.ofHours(1).minusNanos(1000));
    }

    @Test
    @DisplayName("reservations by group share a token with a reservation of the group")
    void reservationsByGroup() {
        List<DateRange> dates = List.of(range(at(2015, 2, 6, 15), at(2015, 2, 6, 16)), range(at(2015, 2, 7, 15), at(2015, 2, 7, 16)));
        List<Allocation> group = scheduler().allocate(dates, AllocateOptions.builder().grouped(true).build());
        UUID token = scheduler().reserveGroup(EMAIL, group.get(0).group());
        assertThat(scheduler().reservationsByGroup(group.get(0).group()).list()).extracting(Reservation::token).containsExactly(token);
        assertThat(scheduler().reservationsByGroup(UUID.randomUUID()).count()).isZero();
    }

    @Test
    @DisplayName("data that is not JSON is refused before anything is written")
    void dataNotJson() {
        DateRange dates = range(at(2014, 1, 30, 15), at(2014, 1, 30, 19));
        scheduler().allocate(dates);
        UUID token = scheduler().reserve(EMAIL, dates);
        Map<String, Object> dated = Map.of("date", java.time.LocalDateTime.of(2014, 1, 1, 14, 0));
        assertThatThrownBy(() -> scheduler().changeReservationData(token, dated))
                .isInstanceOf(io.libres.errors.DataNotSerializable.class);
        assertThat(scheduler().reservationsByToken(token).one().data()).isEmpty();
        scheduler().changeReservationData(token, null);
        assertThat(scheduler().reservationsByToken(token).one().data()).isEmpty();
    }

    @Test
    @DisplayName("a reservation may last from midnight to midnight, also before the fall-back night, but not 24 hours from one o'clock")
    void reservationLength() {
        AllocateOptions wholeDays = AllocateOptions.builder().partlyAvailable(true).build();
        scheduler().allocate(List.of(range(at(2017, 1, 1, 0), at(2017, 1, 2, 0)), range(at(2017, 1, 2, 0), at(2017, 1, 3, 0)),
                range(at(2016, 10, 29, 0), at(2016, 10, 30, 0)), range(at(2016, 10, 30, 0), at(2016, 10, 31, 0))), wholeDays);
        assertThat(scheduler().reserve(EMAIL, range(at(2017, 1, 1, 0), at(2017, 1, 2, 0)))).isNotNull();
        assertThat(scheduler().reserve(EMAIL, range(at(2017, 1, 1, 0), at(2017, 1, 2, 0).minusNanos(1000)))).isNotNull();
        assertThat(scheduler().reserve(EMAIL, range(at(2016, 10, 29, 0), at(2016, 10, 30, 0)))).isNotNull();
        long before = scheduler().managedReservations().count();
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, range(at(2017, 1, 1, 1), at(2017, 1, 2, 1))))
                .isInstanceOf(ReservationTooLong.class);
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, range(at(2016, 10, 29, 1), at(2016, 10, 30, 1))))
                .isInstanceOf(ReservationTooLong.class);
        assertThat(scheduler().managedReservations().count()).isEqualTo(before).isEqualTo(3);
    }

    @Test
    @DisplayName("with a quota limit of one, two spots at once are over the limit and three are taken")
    void quotaLimitOfOne() {
        DateRange dates = range(at(2015, 2, 9, 10), at(2015, 2, 9, 12));
        scheduler().allocate(dates, AllocateOptions.builder().quota(2).quotaLimit(1).build());
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, dates, ReserveOptions.builder().quota(2).build()))
                .isInstanceOf(QuotaOverLimit.class);
        assertThatThrownBy(() -> scheduler().reserve(EMAIL, dates, ReserveOptions.builder().quota(3).build()))
                .isInstanceOf(AlreadyReservedError.class);
        UUID token = scheduler().reserve(EMAIL, dates, ReserveOptions.builder().quota(1).build());
        assertThat(scheduler().approveReservations(token)).hasSize(1);
    }

    @Test
    @DisplayName("the email of an approved reservation still changes, on every record of the token")
    void changeEmailAfterApproval() {
        List<DateRange> dates = List.of(range(at(2014, 8, 7, 11), at(2014, 8, 7, 12)), range(at(2014, 8, 8, 11), at(2014, 8, 8, 12)));
        scheduler().allocate(dates, AllocateOptions.DEFAULTS);
        UUID token = scheduler().reserve("original@example.org", dates, ReserveOptions.DEFAULTS);
        scheduler().approveReservations(token);
        scheduler().changeEmail(token, "another@example.org");
        scheduler().commit();
        assertThat(scheduler().reservationsByToken(token).list()).extracting(Reservation::email)
                .containsExactly("another@example.org", "another@example.org");
        assertThat(scheduler().reservationsByToken(token).list()).extracting(Reservation::status)
                .containsOnly(ReservationStatus.APPROVED);
    }

    @Test
    @DisplayName("reserved slots by type tell the slots of a reservation from those of a blocker")
    void slotsByType() {
        scheduler().allocate(range(at(2015, 2, 9, 8), at(2015, 2, 9, 12)), AllocateOptions.builder().partlyAvailable(true).raster(60).build());
        UUID reservation = scheduler().reserve(EMAIL, range(at(2015, 2, 9, 8), at(2015, 2, 9, 10)));
        scheduler().approveReservations(reservation);
        UUID blocker = scheduler().addBlocker(range(at(2015, 2, 9, 10), at(2015, 2, 9, 11))).get(0).token();
        assertThat(scheduler().reservedSlotsByType(reservation, SlotSource.RESERVATION).count()).isEqualTo(2);
        assertThat(scheduler().reservedSlotsByType(reservation, SlotSource.BLOCKER).count()).isZero();
        assertThat(scheduler().reservedSlotsByType(blocker, SlotSource.BLOCKER).count()).isEqualTo(1);
        assertThat(scheduler().reservedSlotsByBlocker(blocker).one().source()).isEqualTo(SlotSource.BLOCKER);
        assertThat(scheduler().managedReservedSlots().count()).isEqualTo(3);
    }

    @Test
    @DisplayName("reserved slots by range tell reserved spots from blocked ones")
    void slotsByRange() {
        DateRange morning = range(at(2015, 2, 9, 8), at(2015, 2, 9, 10));
        scheduler().allocate(morning, AllocateOptions.builder().partlyAvailable(true).raster(60).quota(2).build());
        scheduler().approveReservations(scheduler().reserve(EMAIL, range(at(2015, 2, 9, 8), at(2015, 2, 9, 9))));
        scheduler().addBlocker(range(at(2015, 2, 9, 9), at(2015, 2, 9, 10)));
        io.libres.db.ReservedSlices slices = scheduler().reservedSlotsByRange(morning);
        assertThat(slices.blocked()).isNotEmpty();
        assertThat(slices.reserved()).isNotEmpty();
        assertThat(slices.reserved().keySet()).allMatch(start -> start.isBefore(at(2015, 2, 9, 9, 0).atZone(KitFixture.ZURICH).toInstant()));
        assertThat(slices.blocked()).allMatch(start -> !start.isBefore(at(2015, 2, 9, 9, 0).atZone(KitFixture.ZURICH).toInstant()));
        assertThat(slices.reserved().values()).containsOnly(1);
    }

    @Test
    @DisplayName("denying a token denies only its pending reservations; approved ones stay")
    void denyApproved() {
        DateRange dates = range(at(2015, 2, 5, 15), at(2015, 2, 5, 16));
        scheduler().allocate(dates);
        UUID token = scheduler().reserve(EMAIL, dates);
        scheduler().approveReservations(token);
        assertThat(scheduler().denyReservation(token)).isEmpty();
        assertThat(scheduler().reservationsByToken(token).one().status()).isEqualTo(ReservationStatus.APPROVED);
        assertThat(scheduler().managedReservedSlots().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("approving a token again keeps the slots it holds and changes nothing (libres 1.2 books again)")
    void approveTwice() {
        DateRange dates = range(at(2015, 2, 5, 15), at(2015, 2, 5, 16));
        scheduler().allocate(dates);
        UUID token = scheduler().reserve(EMAIL, dates);
        List<ReservedSlot> first = scheduler().approveReservations(token);
        assertThat(scheduler().approveReservations(token)).hasSameSizeAs(first)
                .extracting(ReservedSlot::start).containsExactlyElementsOf(first.stream().map(ReservedSlot::start)
                        .collect(java.util.stream.Collectors.toList()));
        assertThat(scheduler().managedReservedSlots().count()).isEqualTo(1);
        assertThat(scheduler().reservationsByToken(token).one().status()).isEqualTo(ReservationStatus.APPROVED);
    }

    @Test
    @DisplayName("removing an id the token does not have removes nothing")
    void removeUnknownId() {
        DateRange dates = range(at(2015, 2, 5, 15), at(2015, 2, 5, 16));
        scheduler().allocate(dates);
        UUID token = scheduler().reserve(EMAIL, dates);
        scheduler().approveReservations(token);
        int id = scheduler().reservationsByToken(token).one().requireId();
        assertThat(scheduler().removeReservation(token, id + 1000)).isEmpty();
        assertThat(scheduler().managedReservations().count()).isEqualTo(1);
        assertThat(scheduler().managedReservedSlots().count()).isEqualTo(1);
        assertThat(scheduler().removeReservation(token, id)).hasSize(1);
        assertThat(scheduler().managedReservedSlots().count()).isZero();
    }

    @Test
    @DisplayName("changing the data to none leaves an empty object, as libres stores no data")
    void dataToNone() {
        DateRange dates = range(at(2015, 2, 5, 15), at(2015, 2, 5, 16));
        scheduler().allocate(dates);
        UUID token = scheduler().reserve(EMAIL, dates, ReserveOptions.builder().data(Map.of("a", 1)).build());
        scheduler().changeReservationData(token, null);
        scheduler().commit();
        assertThat(scheduler().reservationsByToken(token).one().data()).isEmpty();
    }

    @Test
    @DisplayName("a reservation of a group with quota two takes two spots on every allocation of the group")
    void groupQuota() {
        List<Allocation> group = scheduler().allocate(List.of(range(at(2013, 4, 6, 12), at(2013, 4, 6, 16)),
                range(at(2013, 4, 7, 12), at(2013, 4, 7, 16))), AllocateOptions.builder().grouped(true).quota(3).build());
        UUID token = scheduler().reserveGroup(EMAIL, group.get(0).group(), ReserveOptions.builder().quota(2).build());
        assertThat(scheduler().approveReservations(token)).hasSize(4);
        for (Allocation member : group) {
            assertThat(member.quotaLeft(lookup())).isEqualTo(1);
        }
        assertThatThrownBy(() -> scheduler().reserveGroup(EMAIL, group.get(0).group(), ReserveOptions.builder().quota(2).build()))
                .isInstanceOf(AlreadyReservedError.class);
    }
}
