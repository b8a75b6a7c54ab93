package io.libres.events;

import io.libres.context.Context;
import io.libres.db.models.Reservation;

import java.util.List;

/**
 * Raised when reservations are removed, with their reserved slots.
 *
 * @param context the context used
 * @param reservations the reservations removed
 */
public record ReservationsRemoved(Context context, List<Reservation> reservations) implements LibresEvent {
}
