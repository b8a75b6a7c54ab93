package io.libres.events;

import io.libres.context.Context;
import io.libres.db.models.Reservation;

import java.util.List;

/**
 * Raised when a reservation is made. One reserve call may write several reservation records; they share the token and the email.
 *
 * @param context the context used
 * @param reservations the reservations made
 */
public record ReservationsMade(Context context, List<Reservation> reservations) implements LibresEvent {
}
