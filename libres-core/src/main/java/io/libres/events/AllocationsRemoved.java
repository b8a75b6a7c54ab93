package io.libres.events;

import io.libres.context.Context;
import io.libres.db.models.Allocation;

import java.util.List;

/**
 * Raised when allocations (masters and their stored mirrors) are removed.
 *
 * @param context the context used
 * @param allocations the allocations removed
 */
public record AllocationsRemoved(Context context, List<Allocation> allocations) implements LibresEvent {
}
