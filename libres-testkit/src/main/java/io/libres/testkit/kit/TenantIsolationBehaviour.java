package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.Queries;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationStatus;
import io.libres.errors.InvalidArgument;
import io.libres.errors.NoReservationsToConfirm;
import io.libres.errors.NoResultFound;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two applications (two contexts, each with a scheduler of the same name) share one database:
 * nothing one does through its scheduler's queries reads or changes the other's rows, unless it
 * explicitly asks for every resource; and a session's expiry never removes an approved reservation.
 */
public abstract class TenantIsolationBehaviour extends Behaviour {

    private static final String EMAIL = "cart@example.org";
    private static final DateRange NOON = range(at(2016, 4, 4, 12), at(2016, 4, 4, 13));
    private static final DateRange EVENING = range(at(2016, 4, 4, 18), at(2016, 4, 4, 19));

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected TenantIsolationBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    /** What a scheduler's records are, to compare before and after the other application's calls. */
    private static String rows(Scheduler scheduler) {
        String rows = scheduler.managedAllocations().list() + "|" + scheduler.managedReservations().list() + "|"
                + scheduler.managedReservedSlots().list();
        scheduler.commit();
        return rows;
    }

    /** Application B: a scheduler of another context, with the same name as application A's. */
    private Scheduler otherApplication() {
        Scheduler b = fixture().otherContext(scheduler().name());
        assertThat(b.resource()).isNotEqualTo(scheduler().resource());
        return b;
    }

    private static void allocate(Scheduler scheduler) {
        scheduler.allocate(List.of(NOON, EVENING), AllocateOptions.builder().quota(4).build());
        scheduler.commit();
    }

    private static UUID reserve(Scheduler scheduler, DateRange dates, UUID session) {
        UUID token = scheduler.reserve(EMAIL, dates, ReserveOptions.builder().sessionId(session).build());
        scheduler.commit();
        return token;
    }

    private static Instant tomorrow() {
        return Instant.now().plus(Duration.ofDays(1));
    }

    @Test
    @DisplayName("one session id in both applications: reading, confirming and removing touch only the caller's reservations")
    void sharedSessionId() {
        Scheduler a = scheduler();
        Scheduler b = otherApplication();
        allocate(a);
        allocate(b);
        UUID session = UUID.randomUUID();
        UUID aToken = reserve(a, NOON, session);
        UUID aLater = reserve(a, EVENING, session);
        UUID bToken = reserve(b, NOON, session);
        reserve(b, EVENING, session);
        String before = rows(b);

        assertThat(a.queries().reservationsBySession(session).list()).extracting(Reservation::token)
                .containsExactlyInAnyOrder(aToken, aLater);
        assertThatThrownBy(() -> a.queries().removeReservationFromSession(session, bToken))
                .isInstanceOf(NoResultFound.class);
        a.queries().removeReservationFromSession(session, aLater);
        assertThat(a.queries().confirmReservationsForSession(session, null)).extracting(Reservation::token)
                .containsExactly(aToken);
        a.commit();
        assertThatThrownBy(() -> a.queries().confirmReservationsForSession(session, bToken))
                .isInstanceOf(NoReservationsToConfirm.class);
        a.rollback();

        assertThat(rows(b)).isEqualTo(before);
        assertThat(b.queries().reservationsBySession(session).count()).isEqualTo(2);
        b.commit();
    }

    @Test
    @DisplayName("expiring sessions through one application leaves the other's expired sessions and their rows alone")
    void expiryStaysHome() {
        Scheduler a = scheduler();
        Scheduler b = otherApplication();
        allocate(a);
        allocate(b);
        UUID aSession = UUID.randomUUID();
        UUID bSession = UUID.randomUUID();
        reserve(a, NOON, aSession);
        reserve(b, NOON, bSession);
        String before = rows(b);

        assertThat(a.queries().findExpiredReservationSessions(tomorrow())).containsExactly(aSession);
        assertThat(a.queries().removeExpiredReservationSessions(tomorrow())).containsExactly(aSession);
        a.commit();

        assertThat(a.managedReservations().count()).isZero();
        assertThat(rows(b)).isEqualTo(before);
        assertThat(b.queries().findExpiredReservationSessions(tomorrow())).containsExactly(bSession);
        b.commit();
    }

    @Test
    @DisplayName("a session's expiry removes its pending reservations, never an approved one or its reserved slots")
    void approvedStays() {
        Scheduler a = scheduler();
        allocate(a);
        UUID session = UUID.randomUUID();
        UUID approved = reserve(a, NOON, session);
        a.approveReservations(approved);
        a.commit();
        UUID pending = reserve(a, EVENING, session);
        long slots = a.reservedSlotsByReservation(approved).count();
        assertThat(slots).isPositive();
        a.commit();

        assertThat(a.queries().removeExpiredReservationSessions(tomorrow())).containsExactly(session);
        a.commit();

        assertThat(a.managedReservations().list()).extracting(Reservation::token).containsExactly(approved);
        assertThat(a.reservationsByToken(approved).one().status()).isEqualTo(ReservationStatus.APPROVED);
        assertThat(a.reservedSlotsByReservation(approved).count()).isEqualTo(slots);
        assertThatThrownBy(() -> a.reservationsByToken(pending)).isInstanceOf(
                io.libres.errors.InvalidReservationToken.class);
        a.commit();
    }

    @Test
    @DisplayName("only the explicitly named call expires the sessions of every application, and still keeps approved reservations")
    void explicitlyEverywhere() {
        Scheduler a = scheduler();
        Scheduler b = otherApplication();
        allocate(a);
        allocate(b);
        UUID aSession = UUID.randomUUID();
        UUID bSession = UUID.randomUUID();
        reserve(a, NOON, aSession);
        UUID bApproved = reserve(b, EVENING, bSession);
        b.approveReservations(bApproved);
        b.commit();
        reserve(b, NOON, bSession);

        assertThat(a.queries().findExpiredReservationSessionsOfAllResources(tomorrow()))
                .contains(aSession, bSession);
        assertThat(a.queries().removeExpiredReservationSessionsOfAllResources(tomorrow()))
                .contains(aSession, bSession);
        a.commit();

        assertThat(a.managedReservations().count()).isZero();
        assertThat(b.managedReservations().list()).extracting(Reservation::token).containsExactly(bApproved);
        assertThat(b.reservedSlotsByReservation(bApproved).count()).isPositive();
        b.commit();
    }

    @Test
    @DisplayName("allocations in range are those of the queries' resources; queries naming none refuse session calls")
    void scopes() {
        Scheduler a = scheduler();
        Scheduler b = otherApplication();
        allocate(a);
        allocate(b);
        Timespan span = NOON.resolve(KitFixture.ZURICH);

        assertThat(a.queries().allocationsInRange(span).list()).extracting(al -> al.mirrorOf())
                .containsOnly(a.resource());
        assertThat(new Queries(context(), List.of(a.resource(), b.resource())).allocationsInRange(span).list())
                .extracting(al -> al.mirrorOf()).containsOnly(a.resource(), b.resource());
        Queries unscoped = new Queries(context());
        assertThat(unscoped.resources()).isEmpty();
        assertThatThrownBy(() -> unscoped.reservationsBySession(UUID.randomUUID())).isInstanceOf(InvalidArgument.class)
                .hasMessageContaining("scheduler.queries()").hasMessageContaining("expected");
        assertThatThrownBy(() -> unscoped.removeExpiredReservationSessions(null)).isInstanceOf(InvalidArgument.class)
                .hasMessageContaining("OfAllResources");
        assertThat(a.queries().resources()).containsExactly(a.resource());
        a.commit();
        b.commit();
    }
}
