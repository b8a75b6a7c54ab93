package io.libres.testkit.memory;

import io.libres.db.models.Allocation;
import io.libres.db.query.QueryResult;
import io.libres.errors.OverlappingAllocationError;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.AllocationStore;
import io.libres.time.Timespan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The allocations table of a memory unit of work. */
final class MemoryAllocationStore implements AllocationStore {

    static final Comparator<Allocation> BY_START = Comparator.comparing(Allocation::start)
            .thenComparingInt(a -> a.id().orElse(Integer.MAX_VALUE));

    private final MemoryUnitOfWork work;

    MemoryAllocationStore(MemoryUnitOfWork work) {
        this.work = work;
    }

    @Override
    public List<Allocation> insert(List<Allocation> allocations) {
        if (allocations.isEmpty()) {
            return List.of();
        }
        Tables t = work.write();
        Map<Tables.Key, Allocation> batch = new HashMap<>();
        for (Allocation a : allocations) {
            Tables.Key key = new Tables.Key(a.resource(), a.start());
            Integer existing = t.allocationKeys.get(key);
            Allocation twin = batch.putIfAbsent(key, a);
            if (existing != null || twin != null) {
                // the allocation in the way: the stored one, else the earlier twin of the batch
                Allocation other = existing != null ? t.allocations.get(existing) : twin;
                throw new OverlappingAllocationError(a.start(), a.end(), other);
            }
        }
        List<Allocation> stored = new ArrayList<>();
        for (Allocation a : allocations) {
            int id = work.storage().allocationIds.incrementAndGet();
            Allocation withId = a.toBuilder().id(id).created(work.now()).modified(null).buildAsStored();
            t.putAllocation(withId);
            t.allocationKeys.put(new Tables.Key(a.resource(), a.start()), id);
            stored.add(withId);
        }
        return stored;
    }

    @Override
    public void update(List<Allocation> allocations) {
        if (allocations.isEmpty()) {
            return;
        }
        Tables t = work.write();
        for (Allocation a : allocations) {
            int id = a.requireId();
            Allocation old = t.allocations.get(id);
            if (old == null) {
                continue;
            }
            t.allocationKeys.remove(new Tables.Key(old.resource(), old.start()));
        }
        for (Allocation a : allocations) {
            int id = a.requireId();
            if (!t.allocations.containsKey(id)) {
                continue;
            }
            Tables.Key key = new Tables.Key(a.resource(), a.start());
            Integer clash = t.allocationKeys.get(key);
            if (clash != null && clash != id) {
                throw new OverlappingAllocationError(a.start(), a.end(), t.allocations.get(clash));
            }
            t.putAllocation(a.toBuilder().modified(work.now()).buildAsStored());
            t.allocationKeys.put(key, id);
        }
    }

    @Override
    public QueryResult<Allocation> find(AllocationCriteria criteria) {
        Predicate<Allocation> matches = predicate(criteria);
        return QueryResult.of("allocation matching " + criteria, () -> candidates(work.read(), criteria)
                .filter(matches).sorted(BY_START).collect(Collectors.toList()).stream());
    }

    /** Every allocation, or with resources and spans given, those the index finds overlapping a span. */
    private static java.util.stream.Stream<Allocation> candidates(Tables t, AllocationCriteria c) {
        if (c.mirrorOf() == null || c.overlapping() == null) {
            return t.allocations.values().stream();
        }
        TableIndex index = t.index();
        return c.overlapping().stream().flatMap(span -> index.overlapping(c.mirrorOf(), span).stream()).distinct();
    }

    @Override
    public List<Allocation> findOverlapping(Collection<UUID> realResources, Timespan span) {
        if (realResources.isEmpty()) {
            return List.of();
        }
        return List.copyOf(work.read().index().overlapping(Set.copyOf(realResources), span));
    }

    @Override
    public int delete(AllocationCriteria criteria) {
        Tables t = work.write();
        List<Allocation> doomed = t.allocations.values().stream().filter(predicate(criteria)).collect(Collectors.toList());
        for (Allocation a : doomed) {
            int id = a.requireId();
            boolean referenced = t.slots.values().stream().anyMatch(s -> s.allocationId() == id);
            if (referenced) {
                throw new io.libres.errors.StorageException("allocation " + a.describe()
                        + " still has reserved slots (foreign key reserved_slots_allocation_id_fkey)", "23503", null);
            }
        }
        for (Allocation a : doomed) {
            t.removeAllocation(a.requireId());
            t.allocationKeys.remove(new Tables.Key(a.resource(), a.start()));
        }
        return doomed.size();
    }

    @Override
    public boolean isInGroup(UUID resource, UUID group) {
        return work.read().allocations.values().stream()
                .filter(a -> a.resource().equals(resource) && a.group().equals(group)).limit(2).count() > 1;
    }

    @Override
    public Map<UUID, Integer> groupSizes(UUID resource, Collection<UUID> groups) {
        if (groups.isEmpty()) {
            return new HashMap<>();
        }
        Set<UUID> wanted = Set.copyOf(groups);
        Map<UUID, Integer> sizes = new HashMap<>();
        for (Allocation a : work.read().allocations.values()) {
            if (a.resource().equals(resource) && wanted.contains(a.group())) {
                sizes.merge(a.group(), 1, Integer::sum);
            }
        }
        return sizes;
    }

    @Override
    public Map<UUID, Integer> groupSizes(Collection<UUID> resources, Collection<UUID> groups) {
        Set<UUID> wantedResources = Set.copyOf(resources);
        Map<UUID, Integer> sizes = new HashMap<>();
        TableIndex index = work.read().index();
        for (UUID group : Set.copyOf(groups)) {
            for (Allocation a : index.group(group)) {
                if (wantedResources.contains(a.resource())) {
                    sizes.merge(group, 1, Integer::sum);
                }
            }
        }
        return sizes;
    }

    @Override
    public QueryResult<Allocation> findUnused(UUID mirrorOf, Timespan range, boolean singlesOnly) {
        return QueryResult.of("unused allocation of " + mirrorOf, () -> unused(mirrorOf, range, singlesOnly).stream());
    }

    private List<Allocation> unused(UUID mirrorOf, Timespan range, boolean singlesOnly) {
        Tables t = work.read();
        List<Allocation> managed = t.allocations.values().stream()
                .filter(a -> a.mirrorOf().equals(mirrorOf)).collect(Collectors.toList());
        Map<UUID, List<Allocation>> groups = new HashMap<>();
        for (Allocation a : managed) {
            groups.computeIfAbsent(a.group(), g -> new ArrayList<>()).add(a);
        }
        Set<UUID> insideGroups = new HashSet<>();
        for (Map.Entry<UUID, List<Allocation>> group : groups.entrySet()) {
            List<Allocation> members = group.getValue();
            boolean inside = members.stream().noneMatch(a -> a.start().isBefore(range.start()) || a.end().isAfter(range.end()));
            if (inside && (!singlesOnly || members.size() == 1)) {
                insideGroups.add(group.getKey());
            }
        }
        Set<Integer> withSlots = t.slots.values().stream().map(s -> s.allocationId()).collect(Collectors.toSet());
        Set<UUID> reservedGroups = t.reservations.values().stream().filter(r -> r.resource().equals(mirrorOf))
                .map(r -> r.target()).collect(Collectors.toSet());
        Set<UUID> blockedGroups = t.blockers.values().stream().filter(b -> b.resource().equals(mirrorOf))
                .map(b -> b.target()).collect(Collectors.toSet());
        return managed.stream()
                .filter(a -> !a.start().isBefore(range.start()) && !a.end().isAfter(range.end()))
                .filter(a -> !withSlots.contains(a.requireId()))
                .filter(a -> !reservedGroups.contains(a.group()) && !blockedGroups.contains(a.group()))
                .filter(a -> insideGroups.contains(a.group()))
                .sorted(BY_START)
                .collect(Collectors.toList());
    }

    static Predicate<Allocation> predicate(AllocationCriteria c) {
        return a -> (c.mirrorOf() == null || c.mirrorOf().contains(a.mirrorOf()))
                && (c.resources() == null || c.resources().contains(a.resource()))
                && (!c.mastersOnly() || a.isMaster())
                && (c.ids() == null || c.ids().contains(a.requireId()))
                && (c.groups() == null || c.groups().contains(a.group()))
                && (c.startsAt() == null || c.startsAt().equals(a.start()))
                && (c.approveManually() == null || c.approveManually() == a.approveManually())
                && (c.partlyAvailable() == null || c.partlyAvailable() == a.partlyAvailable())
                && (c.overlapping() == null || c.overlapping().stream().anyMatch(span -> a.timespan().overlaps(span)));
    }
}
