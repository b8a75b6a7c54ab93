package io.libres.events;

import io.libres.context.Context;
import io.libres.db.models.ReservationBlocker;

import java.util.List;

/**
 * Raised when blockers are added, with their reserved slots.
 *
 * @param context the context used
 * @param blockers the blockers added, with their ids
 */
public record BlockersAdded(Context context, List<ReservationBlocker> blockers) implements LibresEvent {
}
