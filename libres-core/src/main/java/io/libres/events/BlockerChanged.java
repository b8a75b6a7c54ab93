package io.libres.events;

import io.libres.context.Context;
import io.libres.db.models.ReservationBlocker;

/**
 * Raised when a blocker's time or reason changes.
 *
 * @param context the context used
 * @param before the blocker as it was
 * @param after the blocker as it is now
 */
public record BlockerChanged(Context context, ReservationBlocker before, ReservationBlocker after) implements LibresEvent {
}
