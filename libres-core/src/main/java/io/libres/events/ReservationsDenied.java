package io.libres.events;

import io.libres.context.Context;
import io.libres.db.models.Reservation;

import java.util.List;

/**
 * Raised when pending reservations are denied (and removed).
 *
 * @param context the context used
 * @param reservations the reservations denied
 */
public record ReservationsDenied(Context context, List<Reservation> reservations) implements LibresEvent {
}
