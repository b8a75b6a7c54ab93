package io.libres.events;

import io.libres.context.Context;
import io.libres.db.models.ReservationBlocker;

import java.util.List;

/**
 * Raised when blockers are removed, with their reserved slots.
 *
 * @param context the context used
 * @param blockers the blockers removed
 */
public record BlockersRemoved(Context context, List<ReservationBlocker> blockers) implements LibresEvent {
}
