package io.libres.db.internal;

import io.libres.db.models.Allocation;
import io.libres.db.models.ReservedSlot;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.UnitOfWork;
import io.libres.time.Timespan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The allocations and reserved slots of several schedulers (and of their blocking resources) in
 * a span, read in a fixed number of statements whatever the number of schedulers and
 * allocations, and indexed for the questions of free slots and availability matrices:
 * <ol>
 * <li>the allocations, masters and mirrors, of the schedulers' real resources overlapping the span
 *     ({@link io.libres.spi.AllocationStore#findOverlapping}: an index range on SQL storages);
 * <li>if a scheduler has blocking names, the allocations of the blocking resources overlapping
 *     what the first statement found;
 * <li>the reserved slots of every allocation found, by the resources found, starting within their
 *     extent ({@link io.libres.spi.ReservedSlotStore#findStartingWithin});
 * <li>if asked, the sizes of the groups of the masters that are not partly available;
 * <li>if some are grouped, every member of those groups, and the slots of members not read yet.
 * </ol>
 */
final class TimeSnapshot {

    private final Map<SiblingKey, List<Allocation>> siblings = new HashMap<>();
    private final Map<UUID, NavigableMap<Instant, Allocation>> mastersByResource = new HashMap<>();
    private final Map<Integer, NavigableMap<Instant, Instant>> slotEnds = new HashMap<>();
    private final Map<Integer, List<ReservedSlot>> slots = new HashMap<>();
    private final Map<UUID, List<Allocation>> groupMembers = new HashMap<>();
    private final List<Allocation> allocations = new ArrayList<>();
    private final Map<UUID, Integer> groupSizes;

    private record SiblingKey(UUID mirrorOf, Instant start) {
    }

    private TimeSnapshot(Map<UUID, Integer> groupSizes) {
        this.groupSizes = groupSizes;
    }

    /**
     * Reads the snapshot.
     *
     * @param work the unit of work
     * @param scopes the schedulers' scopes
     * @param span the span, UTC, both ends inclusive
     * @param withGroups true to read group sizes and the members of groups
     * @return the snapshot
     */
    static TimeSnapshot load(UnitOfWork work, Collection<Scope> scopes, Timespan span, boolean withGroups) {
        Set<UUID> own = new LinkedHashSet<>();
        Set<UUID> blocking = new LinkedHashSet<>();
        for (Scope scope : scopes) {
            own.add(scope.resource());
            blocking.addAll(scope.blockingResources());
        }
        blocking.removeAll(own);
        List<Allocation> found = new ArrayList<>(work.allocations().findOverlapping(own, span));
        if (!blocking.isEmpty() && !found.isEmpty()) {
            found.addAll(work.allocations().findOverlapping(blocking, extent(found)));
        }
        Map<UUID, Integer> sizes = Map.of();
        Set<UUID> groups = new LinkedHashSet<>();
        if (withGroups) {
            for (Allocation allocation : found) {
                if (allocation.isMaster() && !allocation.partlyAvailable() && own.contains(allocation.resource())) {
                    groups.add(allocation.group());
                }
            }
            if (!groups.isEmpty()) {
                sizes = work.allocations().groupSizes(own, groups);
            }
        }
        TimeSnapshot snapshot = new TimeSnapshot(sizes);
        snapshot.add(found, slotsOf(work, found));
        if (withGroups) {
            Set<UUID> grouped = groups.stream().filter(g -> snapshot.groupSize(g) > 1)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (!grouped.isEmpty()) {
                Set<Integer> known = found.stream().map(Allocation::requireId).collect(Collectors.toSet());
                List<Allocation> members = work.allocations().find(AllocationCriteria.ofResources(own)
                        .withGroups(grouped)).list();
                List<Allocation> fresh = members.stream().filter(a -> !known.contains(a.requireId()))
                        .collect(Collectors.toList());
                Map<Integer, List<ReservedSlot>> freshSlots = fresh.isEmpty() ? Map.of()
                        : work.reservedSlots().byAllocation(fresh.stream().map(Allocation::requireId)
                                .collect(Collectors.toList()));
                snapshot.add(fresh, freshSlots.values().stream().flatMap(List::stream).collect(Collectors.toList()));
                for (Allocation member : members) {
                    if (member.isMaster()) {
                        snapshot.groupMembers.computeIfAbsent(member.group(), g -> new ArrayList<>()).add(member);
                    }
                }
                snapshot.groupMembers.values().forEach(list -> list.sort(
                        java.util.Comparator.comparing(Allocation::start)));
            }
        }
        return snapshot;
    }

    private static Timespan extent(List<Allocation> allocations) {
        Instant first = allocations.stream().map(Allocation::start).min(Instant::compareTo).orElseThrow();
        Instant last = allocations.stream().map(Allocation::end).max(Instant::compareTo).orElseThrow();
        return new Timespan(first, last);
    }

    private static List<ReservedSlot> slotsOf(UnitOfWork work, List<Allocation> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        // By the slots' own resources (the primary key's first column), starting within the
        // allocations' extent: a range of the key per resource, where asking by allocation id
        // would list every id found and asking for overlapping slots would read every slot
        // before the extent. A slot lies within its allocation (the integrity check's
        // SLOT_OUTSIDE_ALLOCATION otherwise), so it starts within the extent.
        Set<UUID> resources = found.stream().map(Allocation::resource).collect(Collectors.toCollection(HashSet::new));
        return work.reservedSlots().findStartingWithin(resources, extent(found));
    }

    private void add(List<Allocation> found, List<ReservedSlot> reserved) {
        Set<Integer> ids = new HashSet<>();
        for (Allocation allocation : found) {
            ids.add(allocation.requireId());
            allocations.add(allocation);
            siblings.computeIfAbsent(new SiblingKey(allocation.mirrorOf(), allocation.start()), k -> new ArrayList<>())
                    .add(allocation);
            if (allocation.isMaster()) {
                mastersByResource.computeIfAbsent(allocation.resource(), r -> new TreeMap<>())
                        .put(allocation.start(), allocation);
            }
        }
        for (ReservedSlot slot : reserved) {
            if (ids.contains(slot.allocationId())) {
                slots.computeIfAbsent(slot.allocationId(), id -> new ArrayList<>()).add(slot);
                slotEnds.computeIfAbsent(slot.allocationId(), id -> new TreeMap<>()).put(slot.start(), slot.end());
            }
        }
    }

    /** @return every allocation read, masters and mirrors, of the schedulers and blocking resources */
    List<Allocation> allocations() {
        return allocations;
    }

    /** @return the reserved slots read, by allocation id */
    Map<Integer, List<ReservedSlot>> slots() {
        return slots;
    }

    /**
     * The masters of a resource overlapping a span.
     *
     * @param resource the real resource
     * @param span the span, both ends inclusive
     * @return the masters ordered by start
     */
    List<Allocation> masters(UUID resource, Timespan span) {
        NavigableMap<Instant, Allocation> byStart = mastersByResource.get(resource);
        if (byStart == null) {
            return List.of();
        }
        List<Allocation> result = new ArrayList<>();
        Map.Entry<Instant, Allocation> before = byStart.lowerEntry(span.start());
        if (before != null && !before.getValue().end().isBefore(span.start())) {
            result.add(before.getValue());
        }
        result.addAll(byStart.subMap(span.start(), true, span.end(), true).values());
        return result;
    }

    /**
     * The stored siblings of a master, itself included.
     *
     * @param master the master
     * @return master and stored mirrors
     */
    List<Allocation> storedSiblings(Allocation master) {
        return siblings.getOrDefault(new SiblingKey(master.mirrorOf(), master.start()), List.of(master));
    }

    /**
     * Tells whether a reserved slot of an allocation overlaps a span.
     *
     * @param allocation a stored allocation read
     * @param span the span, both ends inclusive
     * @return true if reserved or blocked somewhere in the span
     */
    boolean isTaken(Allocation allocation, Timespan span) {
        NavigableMap<Instant, Instant> ends = slotEnds.get(allocation.requireId());
        if (ends == null) {
            return false;
        }
        // Slots of one allocation never overlap, so the last one starting within reach ends last.
        Map.Entry<Instant, Instant> last = ends.floorEntry(span.end());
        return last != null && !last.getValue().isBefore(span.start());
    }

    /**
     * How many spots of a master (itself, stored mirrors, mirrors not stored yet) are free for a
     * whole span.
     *
     * @param master the master
     * @param span the span, both ends inclusive
     * @return 0 to the quota
     */
    int freeSpots(Allocation master, Timespan span) {
        List<Allocation> stored = storedSiblings(master);
        int free = Math.max(0, master.quota() - stored.size());
        for (Allocation sibling : stored) {
            if (!isTaken(sibling, span)) {
                free++;
            }
        }
        return free;
    }

    /**
     * How many spots a reservation of a scheduler could take in a span: the master's free spots,
     * no more than any blocking allocation overlapping the span leaves free (the rule a
     * reservation is checked by).
     *
     * @param scope the scheduler's scope
     * @param master the master
     * @param span the span, both ends inclusive
     * @return 0 to the quota
     */
    int reservableSpots(Scope scope, Allocation master, Timespan span) {
        int free = freeSpots(master, span);
        for (UUID blocking : scope.blockingResources()) {
            for (Allocation other : masters(blocking, span)) {
                free = Math.min(free, freeSpots(other, span));
            }
        }
        return free;
    }

    /**
     * Tells whether a blocking allocation of a scheduler leaves no spot free in a span.
     *
     * @param scope the scheduler's scope
     * @param span the span, both ends inclusive
     * @return true if a reservation of one spot would be refused because of a blocking resource
     */
    boolean isBlockedByOthers(Scope scope, Timespan span) {
        for (UUID blocking : scope.blockingResources()) {
            for (Allocation other : masters(blocking, span)) {
                if (freeSpots(other, span) == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The number of allocations of the schedulers a group holds.
     *
     * @param group the group
     * @return the count; 0 if not read
     */
    int groupSize(UUID group) {
        return groupSizes.getOrDefault(group, 0);
    }

    /**
     * The masters of a group.
     *
     * @param group a group with more than one member
     * @return the masters ordered by start
     */
    List<Allocation> groupMembers(UUID group) {
        return groupMembers.getOrDefault(group, List.of());
    }
}
