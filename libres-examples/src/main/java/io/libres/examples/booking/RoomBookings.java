package io.libres.examples.booking;

import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Reservation;
import io.libres.errors.AlreadyReservedError;
import io.libres.time.DateRange;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Books one meeting room: opening hours are allocations bookable in half hours, and a booking is
 * a reservation approved at once. Every change is a transaction of its own
 * ({@link Scheduler#transaction}): committed on success, rolled back on failure, and run again when
 * a concurrent change keeps it from serializing.
 */
public final class RoomBookings {

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
        room.transaction(() -> room.allocate(time, HALF_HOURS));
    }

    /**
     * Books the room, in a transaction of its own that is run again when a concurrent booking
     * keeps it from serializing.
     *
     * @param email who books
     * @param time the time, within the opening hours
     * @return the booking's token, to cancel it
     * @throws RoomTaken if somebody booked part of that time already; nothing is booked
     * @throws io.libres.errors.SerializationFailure if concurrent bookings kept it from serializing
     *     on every attempt; nothing is booked
     * @throws io.libres.errors.LibresException for bad input (an invalid email, a time outside the
     *     opening hours), as the scheduler reports it; nothing is booked
     */
    public UUID book(String email, DateRange time) {
        try {
            return room.transaction(() -> {
                UUID token = room.reserve(email, time);
                room.approveReservations(token);
                return token;
            });
        } catch (AlreadyReservedError e) {
            throw new RoomTaken(time, e);
        }
    }

    /**
     * Cancels a booking, freeing its time.
     *
     * @param booking the booking's token
     * @throws io.libres.errors.LibresException if the token is unknown, as the scheduler reports it
     */
    public void cancel(UUID booking) {
        room.transaction(() -> room.removeReservation(booking));
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
