package io.libres.events;

import io.libres.context.Context;
import io.libres.db.models.Reservation;

import java.util.List;
import java.util.UUID;

/**
 * Raised when the reservations of a browser session are confirmed.
 *
 * @param context the context used
 * @param reservations the reservations confirmed
 * @param sessionId the session that was confirmed
 */
public record ReservationsConfirmed(Context context, List<Reservation> reservations, UUID sessionId) implements LibresEvent {
}
