package io.libres.events;

import io.libres.context.Context;
import io.libres.db.models.Allocation;

/**
 * Raised when an allocation is moved or its properties change.
 *
 * @param context the context used
 * @param before the master as it was
 * @param after the master as it is now
 */
public record AllocationMoved(Context context, Allocation before, Allocation after) implements LibresEvent {
}
