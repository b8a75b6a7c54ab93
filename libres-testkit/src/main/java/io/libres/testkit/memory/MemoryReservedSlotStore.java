package io.libres.testkit.memory;

import io.libres.db.models.Allocation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.query.QueryResult;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.StorageException;
import io.libres.spi.ReservedSlotStore;
import io.libres.spi.SlotCriteria;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The reserved_slots table of a memory unit of work. */
final class MemoryReservedSlotStore implements ReservedSlotStore {

    /**
     * PostgreSQL's order: start, then resource as uuids compare there, byte by byte unsigned (the
     * order of their text forms), which {@link UUID#compareTo}'s signed halves are not.
     */
    static final Comparator<ReservedSlot> BY_START = Comparator.comparing(ReservedSlot::start)
            .thenComparing(ReservedSlot::resource, (a, b) -> {
                int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
                return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
            });

    private final MemoryUnitOfWork work;

    MemoryReservedSlotStore(MemoryUnitOfWork work) {
        this.work = work;
    }

    @Override
    public void insert(List<ReservedSlot> slots) {
        if (slots.isEmpty()) {
            return;
        }
        Tables t = work.write();
        Set<Tables.Key> batch = new HashSet<>();
        for (ReservedSlot slot : slots) {
            Tables.Key key = new Tables.Key(slot.resource(), slot.start());
            if (t.slots.containsKey(key) || !batch.add(key)) {
                throw new AlreadyReservedError("the slot of " + slot.resource() + " at " + slot.start()
                        + " is already reserved; expected a free slot");
            }
            if (!t.allocations.containsKey(slot.allocationId())) {
                throw new StorageException("reserved slot refers to allocation " + slot.allocationId()
                        + " which is not stored (foreign key reserved_slots_allocation_id_fkey)", "23503", null);
            }
        }
        for (ReservedSlot slot : slots) {
            ReservedSlot stored = new ReservedSlot(slot.resource(), slot.start(), slot.end(), slot.allocationId(),
                    slot.source(), slot.reservationToken(), slot.sourceId(), work.now(), null);
            t.putSlot(stored);
        }
    }

    @Override
    public QueryResult<ReservedSlot> find(SlotCriteria criteria) {
        return QueryResult.of("reserved slot matching " + criteria, () -> {
            Tables t = work.read();
            // with resources and a span, the index by resource and start finds the candidates
            Collection<ReservedSlot> candidates = criteria.resources() != null && criteria.during() != null
                    ? t.index().slotsOverlapping(criteria.resources(), criteria.during()) : t.slots.values();
            return candidates.stream().filter(predicate(t, criteria)).sorted(BY_START)
                    .collect(Collectors.toList()).stream();
        });
    }

    @Override
    public List<ReservedSlot> findStartingWithin(Collection<UUID> resources, io.libres.time.Timespan span) {
        if (resources.isEmpty()) {
            return List.of();
        }
        return List.copyOf(work.read().index().slotsStartingWithin(Set.copyOf(resources), span));
    }

    @Override
    public Map<Integer, List<ReservedSlot>> byAllocation(Collection<Integer> allocationIds) {
        Map<Integer, List<ReservedSlot>> result = new LinkedHashMap<>();
        if (allocationIds.isEmpty()) {
            return result;
        }
        Set<Integer> ids = Set.copyOf(allocationIds);
        work.read().slots.values().stream().filter(s -> ids.contains(s.allocationId())).sorted(BY_START)
                .forEach(s -> result.computeIfAbsent(s.allocationId(), k -> new ArrayList<>()).add(s));
        return result;
    }

    @Override
    public int delete(SlotCriteria criteria) {
        Tables t = work.write();
        List<ReservedSlot> doomed = t.slots.values().stream().filter(predicate(t, criteria)).collect(Collectors.toList());
        for (ReservedSlot slot : doomed) {
            t.removeSlot(new Tables.Key(slot.resource(), slot.start()));
        }
        return doomed.size();
    }

    @Override
    public int reassign(int fromAllocationId, UUID toResource, int toAllocationId) {
        Tables t = work.write();
        List<ReservedSlot> moving = t.slots.values().stream().filter(s -> s.allocationId() == fromAllocationId)
                .collect(Collectors.toList());
        for (ReservedSlot slot : moving) {
            if (!slot.resource().equals(toResource) && t.slots.containsKey(new Tables.Key(toResource, slot.start()))) {
                throw new AlreadyReservedError("the slot of " + toResource + " at " + slot.start()
                        + " is already reserved; expected a free slot to move to");
            }
        }
        for (ReservedSlot slot : moving) {
            t.removeSlot(new Tables.Key(slot.resource(), slot.start()));
        }
        for (ReservedSlot slot : moving) {
            ReservedSlot moved = new ReservedSlot(toResource, slot.start(), slot.end(), toAllocationId, slot.source(),
                    slot.reservationToken(), slot.sourceId(), slot.created(), work.now());
            t.putSlot(moved);
        }
        return moving.size();
    }

    @Override
    public int reassign(Map<Integer, Allocation> moves) {
        if (moves.isEmpty()) {
            return 0;
        }
        Tables t = work.write();
        List<ReservedSlot> moving = t.slots.values().stream().filter(s -> moves.containsKey(s.allocationId()))
                .collect(Collectors.toList());
        java.util.Set<Tables.Key> leaving = moving.stream().map(s -> new Tables.Key(s.resource(), s.start()))
                .collect(Collectors.toSet());
        for (ReservedSlot slot : moving) {
            Tables.Key destination = new Tables.Key(moves.get(slot.allocationId()).resource(), slot.start());
            if (t.slots.containsKey(destination) && !leaving.contains(destination)) {
                throw new AlreadyReservedError("the slot of " + destination.resource() + " at " + slot.start()
                        + " is already reserved; expected a free slot to move to");
            }
        }
        for (ReservedSlot slot : moving) {
            t.removeSlot(new Tables.Key(slot.resource(), slot.start()));
        }
        for (ReservedSlot slot : moving) {
            Allocation to = moves.get(slot.allocationId());
            t.putSlot(new ReservedSlot(to.resource(), slot.start(),
                    slot.end(), to.requireId(), slot.source(), slot.reservationToken(), slot.sourceId(), slot.created(),
                    work.now()));
        }
        return moving.size();
    }

    private static Predicate<ReservedSlot> predicate(Tables t, SlotCriteria c) {
        return s -> {
            if (c.allocationIds() != null && !c.allocationIds().contains(s.allocationId())) {
                return false;
            }
            if (c.tokens() != null && !c.tokens().contains(s.reservationToken())) {
                return false;
            }
            if (c.source() != null && c.source() != s.source()) {
                return false;
            }
            if (c.sourceIds() != null && !c.sourceIds().contains(s.sourceId())) {
                return false;
            }
            if (c.resources() != null && !c.resources().contains(s.resource())) {
                return false;
            }
            if (c.during() != null && !s.timespan().overlaps(c.during())) {
                return false;
            }
            if (c.mirrorOf() != null) {
                Allocation a = t.allocations.get(s.allocationId());
                return a != null && c.mirrorOf().contains(a.mirrorOf());
            }
            return true;
        };
    }
}
