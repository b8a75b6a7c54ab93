package io.libres.events;

import io.libres.context.Context;
import io.libres.db.models.Reservation;

import java.util.List;

/**
 * Raised when reservations are approved and their reserved slots written.
 *
 * @param context the context used
 * @param reservations the reservations approved, as the approval left them (status approved); they are not
 *     read back, so {@code modified()} is what it was before the approval
 */
public record ReservationsApproved(Context context, List<Reservation> reservations) implements LibresEvent {
}
