package io.libres.db.internal;

import io.libres.db.models.Allocation;
import io.libres.db.models.Lookup;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationStatus;
import io.libres.db.models.ReservedSlot;
import io.libres.db.query.QueryResult;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.ReservationCriteria;
import io.libres.spi.UnitOfWork;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** The models' {@link Lookup}, answered by the stores of the current unit of work. */
final class StorageLookup implements Lookup {

    private final Supplier<UnitOfWork> work;

    StorageLookup(Supplier<UnitOfWork> work) {
        this.work = work;
    }

    @Override
    public Map<Integer, List<ReservedSlot>> reservedSlotsByAllocation(Collection<Integer> allocationIds) {
        if (allocationIds.isEmpty()) {
            return Map.of();
        }
        return work.get().reservedSlots().byAllocation(allocationIds);
    }

    @Override
    public List<Allocation> storedSiblings(UUID mirrorOf, Instant start) {
        return work.get().allocations().find(AllocationCriteria.ofResource(mirrorOf).startingAt(start)).list();
    }

    @Override
    public boolean isInGroup(Allocation allocation) {
        return work.get().allocations().isInGroup(allocation.resource(), allocation.group());
    }

    @Override
    public List<Allocation> allocationsByGroup(UUID group, boolean mastersOnly) {
        AllocationCriteria criteria = AllocationCriteria.any().withGroups(Set.of(group));
        return work.get().allocations().find(mastersOnly ? criteria.masters() : criteria).list();
    }

    @Override
    public QueryResult<Reservation> pendingReservations(UUID group) {
        return work.get().reservations().find(ReservationCriteria.any().withTargets(Set.of(group))
                .withStatus(ReservationStatus.PENDING));
    }

    @Override
    public Optional<Allocation> allocationAt(UUID resource, Instant start) {
        return work.get().allocations().find(AllocationCriteria.any().withResources(Set.of(resource))
                .startingAt(start)).first();
    }
}
