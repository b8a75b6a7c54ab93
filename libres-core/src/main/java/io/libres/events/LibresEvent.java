package io.libres.events;

import io.libres.context.Context;

/**
 * An event raised by a scheduler or {@link io.libres.db.Queries}.
 */
public sealed interface LibresEvent permits AllocationsAdded, ReservationsMade, ReservationsConfirmed,
        ReservationsApproved, ReservationsDenied, ReservationsRemoved, ReservationTimeChanged,
        BlockersAdded, BlockerChanged, BlockersRemoved, AllocationMoved, AllocationsRemoved, QuotaChanged {

    /**
     * The context the event happened in.
     *
     * @return the context
     */
    Context context();
}
