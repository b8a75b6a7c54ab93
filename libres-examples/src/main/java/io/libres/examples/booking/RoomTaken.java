package io.libres.examples.booking;

import io.libres.time.DateRange;

/**
 * The room is already booked for part of the asked time; nothing was booked.
 */
public class RoomTaken extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param time the time that was asked for
     * @param cause libres' reason
     */
    public RoomTaken(DateRange time, Throwable cause) {
        super("the room is already booked during " + time + "; pick another time", cause);
    }
}
