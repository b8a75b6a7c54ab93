package io.libres.recurrence;

import java.util.List;
import java.util.UUID;

/**
 * What reserving or blocking a series did.
 *
 * @param token the token of the series: approve, deny, change and remove it as one
 * @param booked the occurrences booked, in order
 * @param refused the occurrences not booked (only when booking what is free), with the reason of each
 * @param expansion the occurrences of the recurrence and the days it skipped
 */
public record SeriesBooking(UUID token, List<Occurrence> booked, List<Refusal> refused, Expansion expansion) {

    /**
     * Copies the lists so the booking stays immutable.
     *
     * @param token the token
     * @param booked the occurrences booked
     * @param refused the occurrences refused
     * @param expansion the expansion
     */
    public SeriesBooking {
        booked = List.copyOf(booked);
        refused = List.copyOf(refused);
    }
}
