package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.Queries;
import io.libres.db.ReserveOptions;
import io.libres.db.Session;
import io.libres.db.models.Reservation;
import io.libres.errors.NoReservationsToConfirm;
import io.libres.errors.NoResultFound;
import io.libres.events.ReservationsConfirmed;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Browser sessions: the shopping cart of reservations. */
public abstract class SessionBehaviour extends Behaviour {

    private static final String EMAIL = "test@example.com";

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected SessionBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    private Queries queries() {
        return scheduler().queries();
    }

    @Test
    @DisplayName("a session expires when all its reservations are older than the expiration")
    void expiration() {
        UUID session = UUID.randomUUID();
        DateRange dates = range(at(2013, 5, 1, 13), at(2013, 5, 1, 14));
        scheduler().allocate(dates, AllocateOptions.builder().approveManually(true).build());
        UUID token = scheduler().reserve(EMAIL, dates, ReserveOptions.builder().sessionId(session).build());
        scheduler().commit();
        Instant created = scheduler().reservationsByToken(token).one().created().orElseThrow();
        assertThat(queries().findExpiredReservationSessions(created)).isEmpty();
        assertThat(queries().findExpiredReservationSessions(created.plus(Timespan.MICROSECOND))).containsExactly(session);
        Session.of(context()).current().reservations().touchSession(session, created.plus(Timespan.MICROSECOND));
        scheduler().commit();
        assertThat(queries().findExpiredReservationSessions(created.plus(Timespan.MICROSECOND))).isEmpty();
        assertThat(queries().findExpiredReservationSessions(created.plusNanos(2000))).containsExactly(session);
    }

    @Test
    @DisplayName("approved or confirmed reservations never expire")
    void onlyPendingExpire() {
        UUID session = UUID.randomUUID();
        DateRange dates = range(at(2013, 5, 1, 13), at(2013, 5, 1, 14));
        scheduler().allocate(dates);
        UUID token = scheduler().reserve(EMAIL, dates, ReserveOptions.builder().sessionId(session).build());
        scheduler().approveReservations(token);
        Instant later = Instant.now().plus(Duration.ofDays(1));
        assertThat(queries().findExpiredReservationSessions(later)).doesNotContain(session);
    }

    @Test
    @DisplayName("removing expired sessions removes their reservations, not the allocations")
    void removeExpired() {
        DateRange dates = range(at(2013, 9, 27, 9), at(2013, 9, 27, 10));
        scheduler().allocate(dates);
        UUID session = UUID.randomUUID();
        UUID token = scheduler().reserve("test@example.org", dates, ReserveOptions.builder().sessionId(session).build());
        scheduler().commit();
        Instant created = scheduler().reservationsByToken(token).one().created().orElseThrow();
        assertThat(queries().removeExpiredReservationSessions(created.plus(Duration.ofMinutes(15)))).containsExactly(session);
        scheduler().commit();
        assertThat(scheduler().managedReservations().count()).isZero();
        assertThat(scheduler().managedAllocations().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("one reservation is removed from one session only")
    void removeFromSession() {
        DateRange dates = range(at(2014, 11, 26, 13), at(2014, 11, 26, 14));
        scheduler().allocate(dates);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID token = scheduler().reserve(EMAIL, dates, ReserveOptions.builder().sessionId(first).build());
        scheduler().reserve(EMAIL, dates, ReserveOptions.builder().sessionId(second).build());
        assertThat(queries().reservationsBySession(first).count()).isEqualTo(1);
        assertThat(queries().reservationsBySession(second).count()).isEqualTo(1);
        queries().removeReservationFromSession(first, token);
        assertThat(queries().reservationsBySession(first).count()).isZero();
        assertThat(queries().reservationsBySession(second).count()).isEqualTo(1);
        assertThatThrownBy(() -> queries().removeReservationFromSession(first, token)).isInstanceOf(NoResultFound.class);
    }

    @Test
    @DisplayName("a session without reservations has nothing to confirm")
    void nothingToConfirm() {
        DateRange dates = range(at(2014, 3, 25, 14), at(2014, 3, 25, 16));
        scheduler().allocate(dates);
        scheduler().reserve("test@example.org", dates, ReserveOptions.builder().sessionId(UUID.randomUUID()).build());
        assertThatThrownBy(() -> queries().confirmReservationsForSession(UUID.randomUUID(), null))
                .isInstanceOf(NoReservationsToConfirm.class);
        assertThat(queries().reservationsBySession(null).count()).isZero();
    }

    @Test
    @DisplayName("confirming a session detaches its reservations and raises the event")
    void confirm() {
        List<ReservationsConfirmed> events = new ArrayList<>();
        scheduler().events().on(ReservationsConfirmed.class, events::add);
        DateRange dates = range(at(2014, 3, 25, 14), at(2014, 3, 25, 16));
        DateRange later = range(at(2014, 3, 26, 14), at(2014, 3, 26, 16));
        scheduler().allocate(List.of(dates, later), AllocateOptions.DEFAULTS);
        UUID session = UUID.randomUUID();
        UUID first = scheduler().reserve("test@example.org", dates, ReserveOptions.builder().sessionId(session).build());
        UUID second = scheduler().reserve("test@example.org", later, ReserveOptions.builder().sessionId(session).build());
        List<Reservation> confirmed = queries().confirmReservationsForSession(session, first);
        assertThat(confirmed).singleElement().satisfies(r -> assertThat(r.sessionId()).isEmpty());
        assertThat(scheduler().reservationsByToken(first).one().sessionId()).isEmpty();
        assertThat(scheduler().reservationsByToken(second).one().sessionId()).contains(session);
        queries().confirmReservationsForSession(session, null);
        assertThat(queries().reservationsBySession(session).count()).isZero();
        assertThat(events).hasSize(2).allMatch(e -> e.sessionId().equals(session) && e.context() == context());
    }
}
