package io.libres.events;

import io.libres.context.Context;
import io.libres.db.models.Allocation;

import java.util.List;

/**
 * Raised when allocations are added (before they are committed).
 *
 * @param context the context used when adding the allocations
 * @param allocations the allocations added, with their ids
 */
public record AllocationsAdded(Context context, List<Allocation> allocations) implements LibresEvent {
}
