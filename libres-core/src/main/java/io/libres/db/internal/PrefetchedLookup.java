package io.libres.db.internal;

import io.libres.db.models.Allocation;
import io.libres.db.models.Lookup;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.query.QueryResult;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.UnitOfWork;
import io.libres.time.Timespan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
    private final List<Allocation> plannedMirrors = new ArrayList<>();
    private int provisionalIds;
    private final Map<SiblingKey, List<Allocation>> siblings = new HashMap<>();
    private final Map<Integer, List<ReservedSlot>> slots;
    private final Set<Integer> knownIds;
    private final Map<UUID, Integer> groupSizes;
    private final Map<ResourceStart, Allocation> byResourceAndStart = new HashMap<>();
    private OverlapIndex masterIndex;
    private OverlapIndex allIndex;
    private long visitedOtherwise;

    private record SiblingKey(UUID mirrorOf, Instant start) {
    }

    private record ResourceStart(UUID resource, Instant start) {
    }

    private PrefetchedLookup(Lookup fallback, UUID resource, List<Allocation> allocations,
            Map<Integer, List<ReservedSlot>> slots, Map<UUID, Integer> groupSizes) {
        this.fallback = fallback;
        this.resource = resource;
        this.allocations = new ArrayList<>(allocations);
        for (Allocation allocation : allocations) {
            siblings.computeIfAbsent(new SiblingKey(allocation.mirrorOf(), allocation.start()), k -> new ArrayList<>())
                    .add(allocation);
            byResourceAndStart.putIfAbsent(new ResourceStart(allocation.resource(), allocation.start()), allocation);
        }
        this.slots = slots;
        this.knownIds = slots == null ? new HashSet<>()
                : allocations.stream().map(Allocation::requireId).collect(Collectors.toCollection(HashSet::new));
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
    static PrefetchedLookup load(Scope scope, Collection<Timespan> spans, boolean withSlots, boolean withGroups) {
        return load(scope, Set.of(scope.resource()), spans, withSlots, withGroups);
    }

    /**
     * Reads the allocations of some real resources (the scope's own, and perhaps the blocking
     * ones) overlapping any of the spans, with their reserved slots and the sizes of the scope's
     * groups as asked: one statement each.
     *
     * @param scope the scheduler's scope
     * @param resources the real resources to read
     * @param spans the spans, UTC
     * @param withSlots true to read the reserved slots of the allocations
     * @param withGroups true to count the members of the groups of the scope's masters
     * @return the lookup
     */
    static PrefetchedLookup load(Scope scope, Set<UUID> resources, Collection<Timespan> spans, boolean withSlots,
            boolean withGroups) {
        UnitOfWork work = scope.work();
        List<Allocation> found = spans.isEmpty() ? List.of() : work.allocations()
                .find(AllocationCriteria.ofResources(resources).overlappingAny(spans)).list();
        Map<Integer, List<ReservedSlot>> slots = null;
        if (withSlots) {
            List<Integer> ids = found.stream().map(Allocation::requireId).collect(Collectors.toList());
            slots = new HashMap<>(ids.isEmpty() ? Map.of() : work.reservedSlots().byAllocation(ids));
        }
        Map<UUID, Integer> sizes = null;
        if (withGroups) {
            Set<UUID> groups = found.stream().filter(a -> a.resource().equals(scope.resource())).map(Allocation::group)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            sizes = groups.isEmpty() ? Map.of() : work.allocations().groupSizes(scope.resource(), groups);
        }
        return new PrefetchedLookup(scope.lookup(), scope.resource(), found, slots, sizes);
    }

    /**
     * A lookup over records already read, for tests of the work done per answer.
     *
     * @param fallback asked about records not given
     * @param resource the scope's resource
     * @param allocations the allocations, ordered by start
     * @param slots their reserved slots by allocation id, or null if not read
     * @param groupSizes the sizes of their groups, or null if not read
     * @return the lookup
     */
    static PrefetchedLookup of(Lookup fallback, UUID resource, List<Allocation> allocations,
            Map<Integer, List<ReservedSlot>> slots, Map<UUID, Integer> groupSizes) {
        return new PrefetchedLookup(fallback, resource, allocations, slots == null ? null : new HashMap<>(slots),
                groupSizes);
    }

    /**
     * The masters read that overlap a span as the storage's overlap criterion has it (both ends
     * inclusive), in storage order.
     *
     * @param span the span
     * @param ownOnly true for the scope's resource only, false for every resource read
     * @return the masters ordered by start
     */
    List<Allocation> mastersOverlapping(Timespan span, boolean ownOnly) {
        if (masterIndex == null) {
            // Masters are never planned, so this index stays valid for the lookup's life.
            masterIndex = new OverlapIndex(allocations.stream().filter(Allocation::isMaster).collect(Collectors.toList()));
        }
        List<Allocation> result = new ArrayList<>();
        for (Allocation allocation : masterIndex.overlapping(span)) {
            if (!ownOnly || allocation.resource().equals(resource)) {
                result.add(allocation);
            }
        }
        return result;
    }

    /**
     * Every allocation read or planned (masters and mirrors of every resource read) that overlaps
     * a span as the storage's overlap criterion has it, in time proportional to the answer.
     *
     * @param span the span
     * @return the allocations ordered by start
     */
    List<Allocation> allocationsOverlapping(Timespan span) {
        if (allIndex == null) {
            allIndex = new OverlapIndex(allocations);
        }
        return allIndex.overlapping(span);
    }

    /**
     * The work of this lookup, for tests that count it: the allocations its overlap queries
     * looked at, plus every allocation handed out by {@link #allocations()}.
     *
     * @return the allocations looked at
     */
    long visited() {
        return visitedOtherwise + (masterIndex == null ? 0 : masterIndex.visited())
                + (allIndex == null ? 0 : allIndex.visited());
    }

    /**
     * The storage's overlap test ({@code _start <= s <= _end} or {@code s <= _start <= e}).
     *
     * @param allocation the allocation
     * @param span the span
     * @return true if the storage would find the allocation overlapping the span
     */
    static boolean overlapsInclusive(Allocation allocation, Timespan span) {
        Instant s = allocation.start();
        Instant e = allocation.end();
        return (!s.isAfter(span.start()) && !span.start().isAfter(e))
                || (!span.start().isAfter(s) && !s.isAfter(span.end()));
    }

    /**
     * Plans storing an imaginary mirror: from now on it counts as stored, under a provisional
     * negative id, until {@link #planned()} mirrors are written.
     *
     * @param mirror the imaginary mirror
     * @return the mirror with its provisional id
     */
    Allocation planMirror(Allocation mirror) {
        Allocation provisional = mirror.toBuilder().id(--provisionalIds).buildAsStored();
        allocations.add(provisional);
        siblings.computeIfAbsent(new SiblingKey(provisional.mirrorOf(), provisional.start()), k -> new ArrayList<>())
                .add(provisional);
        knownIds.add(provisional.requireId());
        plannedMirrors.add(provisional);
        byResourceAndStart.putIfAbsent(new ResourceStart(provisional.resource(), provisional.start()), provisional);
        if (allIndex != null) {
            visitedOtherwise += allIndex.visited();
            allIndex = null;
        }
        return provisional;
    }

    /**
     * Plans reserved slots: from now on they count as reserved.
     *
     * @param planned slots of allocations read or planned
     */
    void planSlots(List<ReservedSlot> planned) {
        for (ReservedSlot slot : planned) {
            slots.computeIfAbsent(slot.allocationId(), id -> new ArrayList<>()).add(slot);
        }
    }

    /** @return the mirrors planned, with their provisional ids, in order */
    List<Allocation> planned() {
        return List.copyOf(plannedMirrors);
    }

    /** @return every allocation read, masters and mirrors, ordered by start */
    List<Allocation> allocations() {
        // Whoever asks for all of them will look at all of them: counted as such by visited().
        visitedOtherwise += allocations.size();
        return List.copyOf(allocations);
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
        Allocation known = byResourceAndStart.get(new ResourceStart(resourceOfAllocation, start));
        return known != null ? Optional.of(known) : fallback.allocationAt(resourceOfAllocation, start);
    }

    @Override
    public Optional<Allocation> allocationById(int id) {
        return fallback.allocationById(id);
    }
}
