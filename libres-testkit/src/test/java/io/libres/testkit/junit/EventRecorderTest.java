package io.libres.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.Scheduler;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationStatus;
import io.libres.events.AllocationsAdded;
import io.libres.events.BlockersAdded;
import io.libres.events.Events;
import io.libres.events.LibresEvent;
import io.libres.events.ReservationsApproved;
import io.libres.events.ReservationsMade;
import io.libres.events.ReservationsRemoved;
import io.libres.time.DateRange;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@LibresTest
@DisplayName("The event recorder")
class EventRecorderTest {

    Scheduler scheduler;
    EventRecorder events;

    private DateRange morning;
    private UUID token;

    @BeforeEach
    void allocateAndReserve() {
        morning = Days.between(LocalDate.of(2026, 9, 14), LocalTime.of(8, 0), LocalTime.of(12, 0), scheduler.zone());
        scheduler.allocate(morning);
        token = scheduler.reserve("ann@example.org", morning);
        scheduler.approveReservations(token);
    }

    @Test
    @DisplayName("records events in the order raised, one entry each")
    void order() {
        assertThat(events.types())
                .containsExactly(AllocationsAdded.class, ReservationsMade.class, ReservationsApproved.class);
        assertThat(events.events()).hasSize(3).allSatisfy(event -> assertThat(event.context())
                .isSameAs(scheduler.context()));
        events.assertThat()
                .firedExactly(AllocationsAdded.class, ReservationsMade.class, ReservationsApproved.class)
                .firedInOrder(AllocationsAdded.class, ReservationsApproved.class)
                .didNotFire(ReservationsRemoved.class, BlockersAdded.class);
    }

    @Test
    @DisplayName("keeps each event's payload")
    void payload() {
        Allocation allocation = events.single(AllocationsAdded.class).allocations().get(0);
        assertThat(allocation.timespan()).isEqualTo(morning.resolve(scheduler.zone()).withStoredEnd());
        assertThat(allocation.resource()).isEqualTo(scheduler.resource());

        events.assertThat().firedOnce(ReservationsMade.class, made -> assertThat(made.reservations())
                .singleElement().satisfies(reservation -> {
                    assertThat(reservation.email()).isEqualTo("ann@example.org");
                    assertThat(reservation.token()).isEqualTo(token);
                    assertThat(reservation.status()).isEqualTo(ReservationStatus.PENDING);
                }));
        assertThat(events.last(ReservationsApproved.class).reservations())
                .extracting(Reservation::token, Reservation::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(token, ReservationStatus.APPROVED));
    }

    @Test
    @DisplayName("fails with the recorded types when the events differ from the expected ones")
    void failures() {
        assertThatThrownBy(() -> events.assertThat().firedExactly(ReservationsMade.class, AllocationsAdded.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("[ReservationsMade, AllocationsAdded]")
                .hasMessageContaining("[AllocationsAdded, ReservationsMade, ReservationsApproved]");
        assertThatThrownBy(() -> events.assertThat().firedInOrder(ReservationsApproved.class, AllocationsAdded.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("in this order");
        assertThatThrownBy(() -> events.assertThat().didNotFire(ReservationsMade.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("expected no ReservationsMade");
        assertThatThrownBy(() -> events.assertThat().firedNothing())
                .isInstanceOf(AssertionError.class).hasMessageContaining("expected no events");
        assertThatThrownBy(() -> events.assertThat().firedOnce(ReservationsRemoved.class, removed -> { }))
                .isInstanceOf(AssertionError.class).hasMessageContaining("exactly one ReservationsRemoved");
        assertThatThrownBy(() -> events.single(BlockersAdded.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("0 were recorded");
        assertThatThrownBy(() -> events.last(BlockersAdded.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("none was recorded");
    }

    @Test
    @DisplayName("fails a payload check whose requirements fail")
    void failingRequirements() {
        assertThatThrownBy(() -> events.assertThat().firedOnce(ReservationsMade.class, made -> assertThat(
                made.reservations().get(0).email()).isEqualTo("bob@example.org")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("bob@example.org");
    }

    @Test
    @DisplayName("forgets on clear, so a test can look at its next step alone")
    void clear() {
        events.clear();
        events.assertThat().firedNothing();

        scheduler.removeReservation(token);

        events.assertThat().firedExactly(ReservationsRemoved.class);
    }

    @Test
    @DisplayName("stops recording when closed, and keeps what it had")
    void close() {
        events.close();
        scheduler.removeReservation(token);

        assertThat(events.types()).doesNotContain(ReservationsRemoved.class).hasSize(3);
        assertThat(Events.of(scheduler.context()).listenerCount(ReservationsRemoved.class)).isZero();
    }

    @Test
    @DisplayName("listens to every type of event there is")
    void everyType(Context context) {
        Events contextEvents = Events.of(context);
        for (Class<?> type : LibresEvent.class.getPermittedSubclasses()) {
            assertThat(contextEvents.listenerCount(type.asSubclass(LibresEvent.class))).as(type.getSimpleName())
                    .isEqualTo(1);
        }
    }

    @Test
    @DisplayName("can be attached to any context, outside @LibresTest too")
    void standalone() {
        Context other = Registry.createDefault().registerContext("other");
        try (EventRecorder recorder = EventRecorder.attachTo(other)) {
            Events.of(other).publish(new BlockersAdded(other, List.of()));

            recorder.assertThat().firedExactly(BlockersAdded.class);
            assertThat(recorder.events(BlockersAdded.class)).singleElement()
                    .extracting(BlockersAdded::context).isSameAs(other);
        }
        events.assertThat().didNotFire(BlockersAdded.class);
    }
}
