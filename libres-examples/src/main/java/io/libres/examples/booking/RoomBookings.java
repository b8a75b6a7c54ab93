package io.libres.examples.booking;

import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Reservation;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.SerializationFailure;
import io.libres.time.DateRange;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Books one meeting room: opening hours are allocations bookable in half hours, and a booking is
 * a reservation approved at once. Every method is its own unit of work: it commits on success and
 * rolls back on failure.
 */
public final class RoomBookings {

    /** How often {@link #book} tries when concurrent bookings keep it from serializing. */
    public static final int ATTEMPTS = 5;

    private static final AllocateOptions HALF_HOURS = AllocateOptions.builder()
            .partlyAvailable(true)
            .raster(30)
            .build();

    private final Scheduler room;

    /**
     * Creates the service for the room a scheduler manages.
     *
     * @param room the room's scheduler
     * @throws NullPointerException if the scheduler is null
     */
    public RoomBookings(Scheduler room) {
        this.room = Objects.requireNonNull(room, "room must not be null");
    }

    /**
     * Opens the room for a time, bookable in half hours.
     *
     * @param time when the room is open
     * @throws io.libres.errors.OverlappingAllocationError if the room is open during that time already
     * @throws io.libres.errors.LibresException for other bad input, as the scheduler reports it
     */
    public void open(DateRange time) {
        try {
            room.allocate(time, HALF_HOURS);
            room.commit();
        } catch (RuntimeException e) {
            room.rollback();
            throw e;
        }
    }

    /**
     * Books the room. When a concurrent booking makes the unit of work fail to serialize, the
     * booking is tried again, up to {@value #ATTEMPTS} times in all.
     *
     * @param email who books
     * @param time the time, within the opening hours
     * @return the booking's token, to cancel it
     * @throws RoomTaken if somebody booked part of that time already; nothing is booked
     * @throws SerializationFailure if every attempt met a concurrent booking; nothing is booked
     * @throws io.libres.errors.LibresException for bad input (an invalid email, a time outside the
     *     opening hours), as the scheduler reports it; nothing is booked
     */
    public UUID book(String email, DateRange time) {
        for (int attempt = 1; ; attempt++) {
            try {
                return bookOnce(email, time);
            } catch (SerializationFailure e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private UUID bookOnce(String email, DateRange time) {
        try {
            UUID token = room.reserve(email, time);
            room.approveReservations(token);
            room.commit();
            return token;
        } catch (AlreadyReservedError e) {
            room.rollback();
            throw new RoomTaken(time, e);
        } catch (RuntimeException e) {
            room.rollback();
            throw e;
        }
    }

    /**
     * Cancels a booking, freeing its time.
     *
     * @param booking the booking's token
     * @throws io.libres.errors.LibresException if the token is unknown, as the scheduler reports it
     */
    public void cancel(UUID booking) {
        try {
            room.removeReservation(booking);
            room.commit();
        } catch (RuntimeException e) {
            room.rollback();
            throw e;
        }
    }

    /**
     * The bookings of the room, oldest first.
     *
     * @return the bookings
     */
    public List<Reservation> bookings() {
        return room.managedReservations().list();
    }

    /**
     * How much of the opening hours that overlap a range is booked, all of each opening counted.
     *
     * @param range the range, for example a day
     * @return 0 to 100 percent; 0 when the room is not open then
     */
    public double occupancy(DateRange range) {
        return room.allocationsInRange(range).count() == 0 ? 0.0 : 100.0 - room.availability(range);
    }
}
