package io.libres.examples.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.db.Scheduler;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationStatus;
import io.libres.errors.InvalidEmailAddress;
import io.libres.events.AllocationsAdded;
import io.libres.events.ReservationsApproved;
import io.libres.events.ReservationsMade;
import io.libres.events.ReservationsRemoved;
import io.libres.testkit.junit.Days;
import io.libres.testkit.junit.DstChange;
import io.libres.testkit.junit.EventRecorder;
import io.libres.testkit.junit.LibresTest;
import io.libres.time.DateRange;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How a team tests its own code on libres: {@code @LibresTest} gives each test a fresh scheduler
 * on the in-memory storage, the {@link EventRecorder} shows what the code raised, and
 * {@link Days} makes the dates.
 */
@LibresTest(scheduler = "meeting-room")
@DisplayName("Room bookings")
class RoomBookingsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    Scheduler scheduler;
    EventRecorder events;

    private RoomBookings bookings;

    @BeforeEach
    void openMonday() {
        bookings = new RoomBookings(scheduler);
        bookings.open(hours(MONDAY, 8, 18));
        events.clear();
    }

    @Test
    @DisplayName("each test starts with an open room and no bookings")
    void startsEmpty() {
        assertThat(bookings.bookings()).isEmpty();
        assertThat(bookings.occupancy(Days.of(MONDAY, scheduler.zone()))).isZero();
    }

    @Test
    @DisplayName("a booking is approved at once, for the one who booked")
    void booksAndApproves() {
        UUID booking = bookings.book("ann@example.org", hours(MONDAY, 10, 11));

        events.assertThat()
                .firedExactly(ReservationsMade.class, ReservationsApproved.class)
                .firedOnce(ReservationsApproved.class, approved -> assertThat(approved.reservations())
                        .singleElement().satisfies(reservation -> {
                            assertThat(reservation.token()).isEqualTo(booking);
                            assertThat(reservation.email()).isEqualTo("ann@example.org");
                            assertThat(reservation.status()).isEqualTo(ReservationStatus.APPROVED);
                        }));
        assertThat(bookings.bookings()).extracting(Reservation::token).containsExactly(booking);
    }

    @Test
    @DisplayName("an overlapping booking is refused and leaves nothing behind")
    void refusesOverlap() {
        bookings.book("ann@example.org", hours(MONDAY, 10, 11));
        events.clear();

        DateRange overlapping = Days.between(MONDAY, LocalTime.of(10, 30), LocalTime.of(11, 30), scheduler.zone());
        assertThatThrownBy(() -> bookings.book("bob@example.org", overlapping))
                .isInstanceOf(RoomTaken.class)
                .hasMessageContaining("already booked");

        events.assertThat().didNotFire(ReservationsApproved.class);
        assertThat(bookings.bookings()).extracting(Reservation::email).containsExactly("ann@example.org");
    }

    @Test
    @DisplayName("of eight people racing for the same hour, exactly one gets it")
    void race() throws Exception {
        int racers = 8;
        DateRange hour = hours(MONDAY, 14, 15);
        CyclicBarrier together = new CyclicBarrier(racers);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String email = "racer" + i + "@example.org";
            attempts.add(() -> {
                together.await(1, TimeUnit.MINUTES);
                try {
                    bookings.book(email, hour);
                    return true;
                } catch (RoomTaken taken) {
                    return false;
                }
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Boolean> won = new ArrayList<>();
        try {
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                won.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(won).containsOnlyOnce(true).hasSize(racers);
        assertThat(bookings.bookings()).singleElement()
                .satisfies(booking -> assertThat(booking.status()).isEqualTo(ReservationStatus.APPROVED));
        assertThat(bookings.occupancy(Days.of(MONDAY, scheduler.zone()))).isEqualTo(10.0);
    }

    @Test
    @DisplayName("a cancelled booking frees its time for the next one")
    void cancelFreesTime() {
        UUID first = bookings.book("ann@example.org", hours(MONDAY, 10, 11));

        bookings.cancel(first);
        UUID second = bookings.book("bob@example.org", hours(MONDAY, 10, 11));

        events.assertThat().firedInOrder(ReservationsApproved.class, ReservationsRemoved.class,
                ReservationsApproved.class);
        assertThat(events.single(ReservationsRemoved.class).reservations())
                .extracting(Reservation::token).containsExactly(first);
        assertThat(bookings.bookings()).extracting(Reservation::token).containsExactly(second);
    }

    @Test
    @DisplayName("occupancy counts the booked share of the open hours")
    void occupancy() {
        bookings.book("ann@example.org", hours(MONDAY, 8, 13));

        assertThat(bookings.occupancy(Days.of(MONDAY, scheduler.zone()))).isEqualTo(50.0);
        assertThat(bookings.occupancy(Days.of(MONDAY.plusDays(1), scheduler.zone()))).isZero();
    }

    @Test
    @DisplayName("a bad email is libres' typed error, and nothing is booked")
    void badEmail() {
        assertThatThrownBy(() -> bookings.book("not an email", hours(MONDAY, 10, 11)))
                .isInstanceOf(InvalidEmailAddress.class);

        events.assertThat().firedNothing();
        assertThat(bookings.bookings()).isEmpty();
    }

    @Test
    @DisplayName("a room open around the clock on the spring-forward day can be booked for its 23 hours")
    void springForward() {
        DstChange spring = Days.springForward(scheduler.zone(), 2026).orElseThrow();
        bookings.open(spring.day());
        events.assertThat().firedExactly(AllocationsAdded.class);

        bookings.book("night@example.org", spring.day());

        Reservation booked = events.single(ReservationsApproved.class).reservations().get(0);
        assertThat(Duration.between(booked.displayStart(), booked.displayEnd())).isEqualTo(spring.length())
                .isEqualTo(Duration.ofHours(23));
    }

    @Nested
    @LibresTest(zone = "Asia/Tokyo", scheduler = "meeting-room")
    @DisplayName("in a zone without DST")
    class WithoutDst {

        @Test
        @DisplayName("there is no spring-forward day, and every day has 24 hours to book")
        void noDstChange(Scheduler tokyo) {
            assertThat(tokyo.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
            assertThat(Days.springForward(tokyo.zone(), 2026)).isEmpty();

            RoomBookings tokyoBookings = new RoomBookings(tokyo);
            DateRange day = Days.of(LocalDate.of(2026, 3, 29), tokyo.zone());
            tokyoBookings.open(day);
            tokyoBookings.book("ken@example.org", day);

            assertThat(tokyoBookings.occupancy(day)).isEqualTo(100.0);
            assertThat(events.single(ReservationsApproved.class).reservations().get(0).displayEnd())
                    .isEqualTo(day.end());
        }
    }

    private DateRange hours(LocalDate day, int from, int until) {
        return Days.between(day, LocalTime.of(from, 0), LocalTime.of(until, 0), scheduler.zone());
    }
}
