package io.libres.events;

import io.libres.context.Context;
import io.libres.db.models.Reservation;

import java.time.ZonedDateTime;

/**
 * Raised when a reservation's time (or quota) changes.
 *
 * @param context the context used
 * @param reservation the reservation as it is now
 * @param oldStart the old start, in the reservation's zone
 * @param oldEnd the old exclusive end
 * @param newStart the new start
 * @param newEnd the new exclusive end
 */
public record ReservationTimeChanged(Context context, Reservation reservation, ZonedDateTime oldStart, ZonedDateTime oldEnd, ZonedDateTime newStart, ZonedDateTime newEnd) implements LibresEvent {
}
