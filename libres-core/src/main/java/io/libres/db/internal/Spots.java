package io.libres.db.internal;

import io.libres.db.models.Allocation;
import io.libres.db.models.Lookup;
import io.libres.db.models.ReservedSlot;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.NoFreeSpot;
import io.libres.time.Timespan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Free spots among a master and its mirrors. */
public final class Spots {

    private final Scope scope;

    /**
     * Creates the spot finder of a scheduler.
     *
     * @param scope the scheduler's scope
     */
    public Spots(Scope scope) {
        this.scope = scope;
    }

    /**
     * The reserved slots of several allocations, in one query.
     *
     * @param allocations the allocations (transient ones have none)
     * @return the slots by allocation id
     */
    public Map<Integer, List<ReservedSlot>> slotsOf(List<Allocation> allocations) {
        List<Integer> ids = new ArrayList<>();
        for (Allocation a : allocations) {
            a.id().ifPresent(ids::add);
        }
        return scope.lookup().reservedSlotsByAllocation(ids);
    }

    /**
     * The slots of one allocation out of a prefetched map.
     *
     * @param slots the prefetched slots
     * @param allocation the allocation
     * @return its slots
     */
    public static List<ReservedSlot> of(Map<Integer, List<ReservedSlot>> slots, Allocation allocation) {
        return allocation.isTransient() ? List.of() : slots.getOrDefault(allocation.requireId(), List.of());
    }

    /**
     * The mirrors of a master, imaginary ones included, in key order.
     *
     * @param master the master
     * @return the mirrors
     */
    public List<Allocation> mirrors(Allocation master) {
        List<Allocation> mirrors = new ArrayList<>();
        for (Allocation sibling : master.siblings(scope.lookup())) {
            if (!sibling.isMaster()) {
                mirrors.add(sibling);
            }
        }
        return mirrors;
    }

    /**
     * How many of a master and its mirrors are free for a span.
     *
     * @param master the master
     * @param span the span
     * @return 0 to quota
     */
    public int freeCount(Allocation master, Timespan span) {
        return freeCount(scope.lookup(), master, span);
    }

    /**
     * How many of a master and its mirrors are free for a span, read through a lookup.
     *
     * @param lookup the records to read
     * @param master the master
     * @param span the span
     * @return 0 to quota
     */
    static int freeCount(Lookup lookup, Allocation master, Timespan span) {
        List<Allocation> all = master.quota() == 1 ? List.of(master) : master.siblings(lookup);
        List<Integer> ids = new ArrayList<>();
        for (Allocation a : all) {
            a.id().ifPresent(ids::add);
        }
        Map<Integer, List<ReservedSlot>> slots = ids.isEmpty() ? Map.of() : lookup.reservedSlotsByAllocation(ids);
        int free = 0;
        for (Allocation a : all) {
            if (a.isAvailable(of(slots, a), span)) {
                free++;
            }
        }
        return free;
    }

    /**
     * For each master of this resource overlapping a span, the first free spot among it and its
     * mirrors. Reads the masters, mirrors and slots of the span once (two statements), whatever
     * the number of masters.
     *
     * @param span the span
     * @return the spots (possibly imaginary mirrors), ordered by start
     * @throws AlreadyReservedError if an overlapped master has no free spot
     */
    public List<Allocation> reservationTargets(Timespan span) {
        return reservationTargets(PrefetchedLookup.load(scope, List.of(span), true, false), span);
    }

    /**
     * For each master of the scope's resource overlapping a span, the first free spot, from
     * records read before.
     *
     * @param lookup the records read, covering the span
     * @param span the span
     * @return the spots (possibly imaginary mirrors), ordered by start
     * @throws AlreadyReservedError if an overlapped master has no free spot
     */
    static List<Allocation> reservationTargets(PrefetchedLookup lookup, Timespan span) {
        List<Allocation> targets = new ArrayList<>();
        for (Allocation master : lookup.mastersOverlapping(span, true)) {
            if (!master.overlaps(span)) {
                continue;
            }
            Optional<Allocation> spot = master.findSpot(lookup, span);
            targets.add(spot.orElseThrow(() -> new NoFreeSpot("every spot of allocation "
                    + master.describe() + " is taken between " + span.start() + " and " + span.end()
                    + "; expected a free spot")));
        }
        return targets;
    }

    /**
     * Stores an imaginary mirror so that slots can refer to it.
     *
     * @param allocation the allocation
     * @return the stored allocation (itself if already stored)
     */
    public Allocation materialize(Allocation allocation) {
        if (!allocation.isTransient()) {
            return allocation;
        }
        return scope.work().allocations().insert(List.of(allocation)).get(0);
    }
}
