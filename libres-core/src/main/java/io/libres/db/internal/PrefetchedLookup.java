package io.libres.db.internal;

import io.libres.db.models.Allocation;
import io.libres.db.models.Lookup;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.query.QueryResult;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.UnitOfWork;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A {@link Lookup} over records read up front in a fixed number of statements: every allocation
 * (masters and mirrors) of a real resource overlapping some spans, their reserved slots, and the
 * sizes of their groups. Model methods asked per allocation (siblings, free spots, group
 * membership) are then answered in memory instead of with a statement each; a question about a
 * record that was not read falls back to the storage.
 *
 * <p>Because every sibling of a master shares its span, reading the allocations overlapping a
 * span reads the complete sibling set of every master found.
 */
final class PrefetchedLookup implements Lookup {

    private final Lookup fallback;
    private final UUID resource;
    private final List<Allocation> allocations;
    private final Map<SiblingKey, List<Allocation>> siblings = new HashMap<>();
    private final Map<Integer, List<ReservedSlot>> slots;
    private final Set<Integer> knownIds;
    private final Map<UUID, Integer> groupSizes;

    private record SiblingKey(UUID mirrorOf, Instant start) {
    }

    private PrefetchedLookup(Lookup fallback, UUID resource, List<Allocation> allocations,
            Map<Integer, List<ReservedSlot>> slots, Map<UUID, Integer> groupSizes) {
        this.fallback = fallback;
        this.resource = resource;
        this.allocations = List.copyOf(allocations);
        for (Allocation allocation : allocations) {
            siblings.computeIfAbsent(new SiblingKey(allocation.mirrorOf(), allocation.start()), k -> new ArrayList<>())
                    .add(allocation);
        }
        this.slots = slots;
        this.knownIds = slots == null ? Set.of()
                : allocations.stream().map(Allocation::requireId).collect(Collectors.toSet());
        this.groupSizes = groupSizes;
    }

    /**
     * Reads the allocations of the scope's resource overlapping any of the spans, with their
     * reserved slots and group sizes as asked: one statement each.
     *
     * @param scope the scheduler's scope
     * @param spans the spans, UTC
     * @param withSlots true to read the reserved slots of the allocations
     * @param withGroups true to count the members of the masters' groups
     * @return the lookup
     */
    static PrefetchedLookup load(Scope scope, Collection<io.libres.time.Timespan> spans, boolean withSlots,
            boolean withGroups) {
        UnitOfWork work = scope.work();
        List<Allocation> found = spans.isEmpty() ? List.of() : work.allocations()
                .find(AllocationCriteria.ofResource(scope.resource()).overlappingAny(spans)).list();
        Map<Integer, List<ReservedSlot>> slots = null;
        if (withSlots) {
            List<Integer> ids = found.stream().map(Allocation::requireId).collect(Collectors.toList());
            slots = ids.isEmpty() ? Map.of() : work.reservedSlots().byAllocation(ids);
        }
        Map<UUID, Integer> sizes = null;
        if (withGroups) {
            Set<UUID> groups = found.stream().filter(Allocation::isMaster).map(Allocation::group)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            sizes = groups.isEmpty() ? Map.of() : work.allocations().groupSizes(scope.resource(), groups);
        }
        return new PrefetchedLookup(scope.lookup(), scope.resource(), found, slots, sizes);
    }

    /** @return every allocation read, masters and mirrors, ordered by start */
    List<Allocation> allocations() {
        return allocations;
    }

    /** @return the masters read, ordered by start */
    List<Allocation> masters() {
        return allocations.stream().filter(a -> a.isMaster() && a.resource().equals(resource))
                .collect(Collectors.toList());
    }

    /** @return the reserved slots read, by allocation id; empty if the slots were not read */
    Map<Integer, List<ReservedSlot>> slots() {
        return slots == null ? Map.of() : slots;
    }

    /**
     * How many allocations of the resource share a group, as read.
     *
     * @param group a group of a master read
     * @return the count, 0 if the groups were not read or the group has no member
     */
    int groupSize(UUID group) {
        return groupSizes == null ? 0 : groupSizes.getOrDefault(group, 0);
    }

    @Override
    public Map<Integer, List<ReservedSlot>> reservedSlotsByAllocation(Collection<Integer> allocationIds) {
        if (slots == null || !knownIds.containsAll(allocationIds)) {
            return fallback.reservedSlotsByAllocation(allocationIds);
        }
        Map<Integer, List<ReservedSlot>> result = new LinkedHashMap<>();
        for (Integer id : allocationIds) {
            List<ReservedSlot> own = slots.get(id);
            if (own != null) {
                result.put(id, own);
            }
        }
        return result;
    }

    @Override
    public List<Allocation> storedSiblings(UUID mirrorOf, Instant start) {
        List<Allocation> known = siblings.get(new SiblingKey(mirrorOf, start));
        return known != null ? List.copyOf(known) : fallback.storedSiblings(mirrorOf, start);
    }

    @Override
    public boolean isInGroup(Allocation allocation) {
        if (groupSizes == null || !allocation.resource().equals(resource)
                || !siblings.containsKey(new SiblingKey(allocation.mirrorOf(), allocation.start()))) {
            return fallback.isInGroup(allocation);
        }
        return groupSize(allocation.group()) > 1;
    }

    @Override
    public List<Allocation> allocationsByGroup(UUID group, boolean mastersOnly) {
        return fallback.allocationsByGroup(group, mastersOnly);
    }

    @Override
    public QueryResult<Reservation> pendingReservations(UUID group) {
        return fallback.pendingReservations(group);
    }

    @Override
    public Optional<Allocation> allocationAt(UUID resourceOfAllocation, Instant start) {
        for (Allocation allocation : allocations) {
            if (allocation.resource().equals(resourceOfAllocation) && allocation.start().equals(start)) {
                return Optional.of(allocation);
            }
        }
        return fallback.allocationAt(resourceOfAllocation, start);
    }
}
