package io.libres.testkit.memory;

import io.libres.db.models.Allocation;
import io.libres.db.models.ReservedSlot;
import io.libres.time.Timespan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The indexes of one state of the tables: allocations by {@code mirror_of} and start, reserved
 * slots by resource and start, and allocations by group. Built on the first read that needs it,
 * then kept up to date by every change of the tables and copied with them, so a state that many
 * units of work read (the committed one) is indexed once. Unlike a SQL storage, it knows (an upper
 * bound of) the longest allocation and slot of each resource, so its overlap searches are exact
 * whatever the rows.
 */
final class TableIndex {

    private final Map<UUID, NavigableMap<Instant, List<Allocation>>> allocationsByMirror = new HashMap<>();
    private final Map<UUID, Duration> longestAllocation = new HashMap<>();
    private final Map<UUID, NavigableMap<Instant, ReservedSlot>> slotsByResource = new HashMap<>();
    private final Map<UUID, Duration> longestSlot = new HashMap<>();
    private final Map<UUID, List<Allocation>> allocationsByGroup = new HashMap<>();

    TableIndex(Tables tables) {
        tables.allocations.values().forEach(this::add);
        tables.slots.values().forEach(this::add);
    }

    private TableIndex(TableIndex other) {
        other.allocationsByMirror.forEach((mirror, byStart) -> {
            NavigableMap<Instant, List<Allocation>> copy = new TreeMap<>();
            byStart.forEach((start, list) -> copy.put(start, new ArrayList<>(list)));
            allocationsByMirror.put(mirror, copy);
        });
        longestAllocation.putAll(other.longestAllocation);
        other.slotsByResource.forEach((resource, byStart) -> slotsByResource.put(resource, new TreeMap<>(byStart)));
        longestSlot.putAll(other.longestSlot);
        other.allocationsByGroup.forEach((group, list) -> allocationsByGroup.put(group, new ArrayList<>(list)));
    }

    /** @return an independent copy, for the copy of the tables a unit of work writes to */
    TableIndex copy() {
        return new TableIndex(this);
    }

    /** Adds an allocation stored. */
    void add(Allocation a) {
        allocationsByMirror.computeIfAbsent(a.mirrorOf(), m -> new TreeMap<>())
                .computeIfAbsent(a.start(), s -> new ArrayList<>()).add(a);
        // never lowered on removal: an upper bound only widens the range read
        longestAllocation.merge(a.mirrorOf(), length(a.start(), a.end()), TableIndex::max);
        allocationsByGroup.computeIfAbsent(a.group(), g -> new ArrayList<>()).add(a);
    }

    /** Removes an allocation that was stored. */
    void remove(Allocation a) {
        NavigableMap<Instant, List<Allocation>> byStart = allocationsByMirror.get(a.mirrorOf());
        if (byStart != null) {
            List<Allocation> atStart = byStart.get(a.start());
            if (atStart != null) {
                atStart.removeIf(other -> other.requireId() == a.requireId());
                if (atStart.isEmpty()) {
                    byStart.remove(a.start());
                }
            }
        }
        List<Allocation> members = allocationsByGroup.get(a.group());
        if (members != null) {
            members.removeIf(other -> other.requireId() == a.requireId());
            if (members.isEmpty()) {
                allocationsByGroup.remove(a.group());
            }
        }
    }

    /** Adds a reserved slot stored (replacing one with its resource and start). */
    void add(ReservedSlot slot) {
        slotsByResource.computeIfAbsent(slot.resource(), r -> new TreeMap<>()).put(slot.start(), slot);
        longestSlot.merge(slot.resource(), length(slot.start(), slot.end()), TableIndex::max);
    }

    /** Removes the reserved slot of a resource and start. */
    void remove(Tables.Key slot) {
        NavigableMap<Instant, ReservedSlot> byStart = slotsByResource.get(slot.resource());
        if (byStart != null) {
            byStart.remove(slot.start());
        }
    }

    private static Duration length(Instant start, Instant end) {
        Duration length = Duration.between(start, end);
        return length.isNegative() ? Duration.ZERO : length;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * The allocations of some real resources overlapping a span: the starts from the span's start
     * minus the resource's longest allocation to the span's end, then the exact test.
     */
    List<Allocation> overlapping(Collection<UUID> mirrorOf, Timespan span) {
        List<Allocation> found = new ArrayList<>();
        for (UUID resource : mirrorOf) {
            NavigableMap<Instant, List<Allocation>> byStart = allocationsByMirror.get(resource);
            if (byStart == null) {
                continue;
            }
            Instant from = earliest(span.start(), longestAllocation.get(resource));
            for (List<Allocation> atStart : byStart.subMap(from, true, span.end(), true).values()) {
                for (Allocation a : atStart) {
                    if (a.timespan().overlaps(span)) {
                        found.add(a);
                    }
                }
            }
        }
        found.sort(MemoryAllocationStore.BY_START);
        return found;
    }

    /** The slots of some resources starting within a span. */
    List<ReservedSlot> slotsStartingWithin(Collection<UUID> resources, Timespan span) {
        List<ReservedSlot> found = new ArrayList<>();
        for (UUID resource : resources) {
            found.addAll(slotsStarting(resource, span.start(), span.end()));
        }
        found.sort(MemoryReservedSlotStore.BY_START);
        return found;
    }

    /** The slots of some resources overlapping a span, in no order. */
    List<ReservedSlot> slotsOverlapping(Collection<UUID> resources, Timespan span) {
        List<ReservedSlot> found = new ArrayList<>();
        for (UUID resource : resources) {
            Duration longest = longestSlot.getOrDefault(resource, Duration.ZERO);
            for (ReservedSlot slot : slotsStarting(resource, earliest(span.start(), longest), span.end())) {
                if (slot.timespan().overlaps(span)) {
                    found.add(slot);
                }
            }
        }
        return found;
    }

    private Collection<ReservedSlot> slotsStarting(UUID resource, Instant from, Instant to) {
        NavigableMap<Instant, ReservedSlot> byStart = slotsByResource.get(resource);
        return byStart == null ? List.of() : byStart.subMap(from, true, to, true).values();
    }

    /** The allocations of a group, in no order. */
    List<Allocation> group(UUID group) {
        return allocationsByGroup.getOrDefault(group, List.of());
    }

    private static Instant earliest(Instant start, Duration longest) {
        // Instant.MIN minus anything overflows; a span starting there reads from the first start
        Instant limit = Instant.MIN.plus(longest);
        return start.isBefore(limit) ? Instant.MIN : start.minus(longest);
    }
}
