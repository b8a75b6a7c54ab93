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

/**
 * The models' {@link Lookup}, answered by the stores of the thread's open unit of work, or by a
 * short read of its own outside one.
 */
final class StorageLookup implements Lookup {

    private final Scope scope;
    private final boolean reads;

    /**
     * @param scope the scheduler's scope
     * @param reads true for the public lookup (a short read outside a unit of work), false for the
     *     scheduler's own operations, which read in the unit of work they write in
     */
    StorageLookup(Scope scope, boolean reads) {
        this.scope = scope;
        this.reads = reads;
    }

    private <T> T read(java.util.function.Function<UnitOfWork, T> reading) {
        return reads ? scope.read(() -> reading.apply(scope.work())) : reading.apply(scope.work());
    }

    @Override
    public Map<Integer, List<ReservedSlot>> reservedSlotsByAllocation(Collection<Integer> allocationIds) {
        if (allocationIds.isEmpty()) {
            return Map.of();
        }
        return read(w -> w.reservedSlots().byAllocation(allocationIds));
    }

    @Override
    public List<Allocation> storedSiblings(UUID mirrorOf, Instant start) {
        return read(w -> w.allocations().find(AllocationCriteria.ofResource(mirrorOf).startingAt(start)).list());
    }

    @Override
    public boolean isInGroup(Allocation allocation) {
        return read(w -> w.allocations().isInGroup(allocation.resource(), allocation.group()));
    }

    @Override
    public List<Allocation> allocationsByGroup(UUID group, boolean mastersOnly) {
        AllocationCriteria criteria = AllocationCriteria.any().withGroups(Set.of(group));
        return read(w -> w.allocations().find(mastersOnly ? criteria.masters() : criteria).list());
    }

    @Override
    public QueryResult<Reservation> pendingReservations(UUID group) {
        java.util.function.Supplier<QueryResult<Reservation>> query = () -> scope.work().reservations()
                .find(ReservationCriteria.any().withTargets(Set.of(group)).withStatus(ReservationStatus.PENDING));
        return reads ? scope.query("pending reservation of group " + group, query) : query.get();
    }

    @Override
    public Optional<Allocation> allocationAt(UUID resource, Instant start) {
        return read(w -> w.allocations().find(AllocationCriteria.any().withResources(Set.of(resource))
                .startingAt(start)).first());
    }

    @Override
    public Optional<Allocation> allocationById(int id) {
        return read(w -> w.allocations().find(AllocationCriteria.any().withIds(Set.of(id))).first());
    }
}
