package io.libres.db.internal;

import io.libres.db.AllocateOptions;
import io.libres.db.MoveOptions;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservedSlot;
import io.libres.errors.AffectedPendingReservationError;
import io.libres.errors.AffectedReservationError;
import io.libres.errors.InvalidAllocationError;
import io.libres.errors.InvalidQuota;
import io.libres.errors.OverlappingAllocationError;
import io.libres.events.AllocationMoved;
import io.libres.events.AllocationsAdded;
import io.libres.events.AllocationsRemoved;
import io.libres.events.QuotaChanged;
import io.libres.spi.AllocationCriteria;
import io.libres.time.DateRange;
import io.libres.time.Rasterizer;
import io.libres.time.TimeZones;
import io.libres.time.Timespan;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Creating, moving, re-quotaing and removing allocations. */
public final class AllocationOps {

    private final Scope scope;
    private final Records records;
    private final Spots spots;

    /**
     * Creates the allocation operations of a scheduler.
     *
     * @param scope the scheduler's scope
     * @param records its record queries
     * @param spots its spot finder
     */
    public AllocationOps(Scope scope, Records records, Spots spots) {
        this.scope = scope;
        this.records = records;
        this.spots = spots;
    }

    /**
     * Allocates; see {@code Scheduler#allocate}.
     *
     * @param dates the requested dates
     * @param options the options
     * @return the new master allocations, in the order of the dates
     * @throws InvalidAllocationError as documented on the scheduler method of the same name
     * @throws OverlappingAllocationError as documented on the scheduler method of the same name
     */
    public List<Allocation> allocate(List<DateRange> dates, AllocateOptions options) {
        List<Timespan> spans = new ArrayList<>();
        List<Timespan> resolved = scope.resolve(dates);
        for (int i = 0; i < resolved.size(); i++) {
            Timespan span = resolved.get(i);
            if (span.isReversed()) {
                throw new InvalidAllocationError("the allocation " + span.start() + " - " + span.end()
                        + " ends before it starts" + gapNote(dates.get(i)) + "; expected an end after the start");
            }
            spans.add(options.wholeDay() ? TimeZones.alignToDay(span, scope.zone()) : span);
        }
        List<Timespan> rastered = spans.stream().map(s -> Rasterizer.rasterizeSpan(s, options.raster()))
                .collect(Collectors.toList());
        if (rastered.isEmpty()) {
            return List.of();
        }
        for (int i = 0; i < rastered.size(); i++) {
            Timespan span = rastered.get(i);
            if (span.isReversed()) {
                throw new InvalidAllocationError("the allocation " + span.start() + " - " + span.end()
                        + " is shorter than its raster" + gapNote(dates.get(i))
                        + "; expected at least one raster slot");
            }
            long overlaps = rastered.stream().filter(span::overlaps).count();
            if (overlaps > 1) {
                throw new InvalidAllocationError("the dates overlap each other at " + span.start() + " - "
                        + span.end() + "; expected dates that do not overlap");
            }
        }
        Set<Timespan> skipped = new HashSet<>();
        List<Allocation> existing = scope.work().allocations()
                .find(records.managed().withResources(List.of(scope.resource())).overlappingAny(rastered)).list();
        for (Allocation other : existing) {
            for (Timespan span : rastered) {
                if (!span.overlaps(other.timespan())) {
                    continue;
                }
                if (!options.skipOverlapping()) {
                    throw new OverlappingAllocationError(span.start(), span.end(), other);
                }
                skipped.add(span);
            }
        }
        UUID group = UUID.randomUUID();
        List<Allocation> fresh = new ArrayList<>();
        for (Timespan span : rastered) {
            if (skipped.contains(span)) {
                continue;
            }
            fresh.add(Allocation.builder().resource(scope.resource()).mirrorOf(scope.resource())
                    .group(options.grouped() ? group : UUID.randomUUID()).timespan(span).raster(options.raster())
                    .timezone(scope.zone().getId()).quota(options.quota()).quotaLimit(options.quotaLimit())
                    .partlyAvailable(options.partlyAvailable()).approveManually(options.approveManually())
                    .data(options.data()).build());
        }
        List<Allocation> stored = fresh.isEmpty() ? List.of() : scope.work().allocations().insert(fresh);
        scope.publish(new AllocationsAdded(scope.context(), stored));
        return stored;
    }

    /**
     * Changes the quota of a master; see {@code Scheduler#changeQuota}.
     *
     * @param master the master (its id is what counts; it is read again)
     * @param newQuota the new quota
     * @return the master as stored now
     * @throws InvalidQuota as documented on the scheduler method of the same name
     */
    public Allocation changeQuota(Allocation master, int newQuota) {
        if (newQuota < 1 || newQuota > io.libres.db.Limits.MAX_QUOTA) {
            throw new InvalidQuota("a quota of " + newQuota + " is invalid; expected 1 or more, at most "
                    + io.libres.db.Limits.MAX_QUOTA);
        }
        Allocation current = records.allocationById(master.requireId());
        int oldQuota = current.quota();
        if (newQuota == oldQuota) {
            return current;
        }
        Allocation changed = scope.atomically(() -> applyQuota(current, newQuota));
        scope.publish(new QuotaChanged(scope.context(), changed, oldQuota, newQuota));
        return changed;
    }

    private Allocation applyQuota(Allocation master, int newQuota) {
        if (newQuota > master.quota()) {
            Allocation raised = master.toBuilder().quota(newQuota).build();
            scope.work().allocations().update(List.of(raised));
            return raised;
        }
        List<Allocation> all = master.siblings(scope.lookup());
        Map<Integer, List<ReservedSlot>> slots = spots.slotsOf(all);
        long free = all.stream().filter(a -> a.isAvailable(Spots.of(slots, a), null)).count();
        int required = master.quota() - newQuota;
        if (free < required) {
            throw new AffectedReservationError("the quota of " + master.describe() + " cannot go down from "
                    + master.quota() + " to " + newQuota + ": only " + free + " spots are free; expected at least "
                    + required + " free spots", null);
        }
        Map<UUID, Optional<UUID>> reordered = reorder(all, slots, newQuota);
        Map<UUID, Allocation> byResource = new LinkedHashMap<>();
        for (Allocation a : all) {
            byResource.put(a.resource(), a);
        }
        Set<UUID> unused = new HashSet<>(reordered.keySet());
        reordered.values().forEach(v -> v.ifPresent(unused::remove));
        List<Allocation> updated = new ArrayList<>();
        // Every move goes to a free spot; imaginary destinations are stored in one batch and all
        // slots move in one statement, whatever the quota.
        Map<Allocation, UUID> moves = new LinkedHashMap<>();
        List<Allocation> imaginary = new ArrayList<>();
        for (Allocation a : all) {
            Optional<UUID> target = reordered.getOrDefault(a.resource(), Optional.empty());
            if (target.isPresent() && !target.get().equals(a.resource())) {
                moves.put(a, target.get());
                Allocation destination = byResource.get(target.get());
                if (destination.isTransient() && !imaginary.contains(destination)) {
                    imaginary.add(destination);
                }
            }
        }
        if (!imaginary.isEmpty()) {
            for (Allocation stored : scope.work().allocations().insert(imaginary)) {
                byResource.put(stored.resource(), stored);
            }
        }
        if (!moves.isEmpty()) {
            Map<Integer, Allocation> byId = new LinkedHashMap<>();
            moves.forEach((from, to) -> byId.put(from.requireId(), byResource.get(to)));
            scope.work().reservedSlots().reassign(byId);
        }
        for (Allocation a : byResource.values()) {
            if (!a.isTransient() && (a.isMaster() || !unused.contains(a.resource()))) {
                updated.add(a.toBuilder().quota(newQuota).build());
            }
        }
        scope.work().allocations().update(updated);
        unused.remove(master.resource());
        if (!unused.isEmpty()) {
            scope.work().allocations().delete(AllocationCriteria.ofResource(master.mirrorOf()).withResources(unused)
                    .startingAt(master.start()));
        }
        return records.allocationById(master.requireId());
    }

    /**
     * The key reorganisation of a quota change; see {@code Scheduler#reorderedKeylist}.
     *
     * @param allocations the master and all its mirrors, imaginary ones included
     * @param newQuota the new quota (only documents intent; the map covers every key)
     * @return for each key (resource) of the master, the key whose allocation holds its reserved
     *     slots afterwards (itself if they stay), empty if it is free
     */
    public Map<UUID, Optional<UUID>> reorderedKeylist(List<Allocation> allocations, int newQuota) {
        return reorder(allocations, spots.slotsOf(allocations), newQuota);
    }

    private static Map<UUID, Optional<UUID>> reorder(List<Allocation> allocations,
            Map<Integer, List<ReservedSlot>> slots, int newQuota) {
        List<Allocation> masters = allocations.stream().filter(Allocation::isMaster).collect(Collectors.toList());
        if (masters.size() != 1) {
            throw new InvalidAllocationError("a key list needs exactly one master among the allocations, found "
                    + masters.size() + "; expected the master and its mirrors");
        }
        Allocation master = masters.get(0);
        Map<UUID, Allocation> byKey = new LinkedHashMap<>();
        allocations.forEach(a -> byKey.put(a.resource(), a));
        List<UUID> keys = new ArrayList<>();
        keys.add(master.resource());
        keys.addAll(MirrorKeys.of(master.resource(), master.quota()));
        Map<UUID, Optional<UUID>> reordered = new LinkedHashMap<>();
        keys.forEach(k -> reordered.put(k, Optional.empty()));
        int offset = 0;
        for (int i = 0; i < keys.size(); i++) {
            Allocation a = byKey.get(keys.get(i));
            if (a == null || a.isAvailable(Spots.of(slots, a), null)) {
                offset++;
            } else {
                reordered.put(keys.get(i), Optional.of(keys.get(i - offset)));
            }
        }
        return reordered;
    }

    /**
     * Moves an allocation and changes its group's properties; see {@code Scheduler#moveAllocation}.
     *
     * @param masterId the master's id
     * @param options what to change
     * @return the master as stored now
     * @throws InvalidAllocationError as documented on the scheduler method of the same name
     * @throws OverlappingAllocationError as documented on the scheduler method of the same name
     */
    public Allocation moveAllocation(int masterId, MoveOptions options) {
        if (options.dates() == null && options.group() == null && options.newQuota() == null
                && options.approveManually() == null && options.quotaLimit() == null && options.data() == null) {
            throw new InvalidAllocationError("nothing to change for allocation " + masterId
                    + "; expected new dates, a group, a quota, a quota limit, the approval flag or data");
        }
        Allocation master = records.allocationById(masterId);
        if (master.timezone().isPresent() && !master.zone().normalized().equals(scope.zone().normalized())) {
            throw new InvalidAllocationError("allocation " + master.describe() + " lives in the zone "
                    + master.timezone().get() + " but this scheduler works in " + scope.zone()
                    + "; expected a scheduler in the allocation's zone (a zone cannot change once allocations exist)");
        }
        List<Allocation> changing = new ArrayList<>();
        changing.add(master);
        for (Allocation sibling : master.siblings(scope.lookup(), true)) {
            if (!sibling.isMaster() && !sibling.isTransient()) {
                changing.add(sibling);
            }
        }
        Timespan span = options.dates() == null ? master.timespan() : scope.resolve(options.dates());
        if (span.isReversed()) {
            throw new InvalidAllocationError("the new span " + span.start() + " - " + span.end()
                    + " ends before it starts; expected an end after the start");
        }
        if (options.wholeDay()) {
            span = TimeZones.alignToDay(span, scope.zone());
        }
        Timespan moved = Rasterizer.rasterizeSpan(span, master.raster());
        if (moved.isReversed()) {
            throw new InvalidAllocationError("the new span is shorter than the raster of " + master.describe()
                    + "; expected at least one raster slot");
        }
        Set<Integer> ids = changing.stream().map(Allocation::requireId).collect(Collectors.toSet());
        for (Allocation other : records.allocationsInRange(moved, true, true).list()) {
            if (!ids.contains(other.requireId())) {
                throw new OverlappingAllocationError(moved.start(), moved.end(), other);
            }
        }
        checkAffected(changing, master, moved);
        UUID group = options.group() == null ? master.group() : options.group();
        return scope.atomically(() -> {
            List<Allocation> groupUpdates = new ArrayList<>();
            for (Allocation member : records.allocationsByGroups(List.of(group), true).list()) {
                if (member.requireId() == masterId) {
                    continue;
                }
                Allocation.Builder b = member.toBuilder();
                if (options.approveManually() != null) {
                    b.approveManually(options.approveManually());
                }
                if (options.quotaLimit() != null) {
                    b.quotaLimit(options.quotaLimit());
                }
                groupUpdates.add(b.build());
            }
            scope.work().allocations().update(groupUpdates);
            if (options.newQuota() != null) {
                for (Allocation member : groupUpdates) {
                    changeQuota(member, options.newQuota());
                }
                changeQuota(master, options.newQuota());
            }
            Allocation fresh = records.allocationById(masterId);
            List<Allocation> updates = new ArrayList<>();
            for (Allocation change : changing) {
                Allocation current = change.requireId() == masterId ? fresh : change;
                if (!current.isMaster()) {
                    Optional<Allocation> stored = scope.work().allocations()
                            .find(AllocationCriteria.any().withIds(List.of(current.requireId()))).first();
                    if (stored.isEmpty()) {
                        continue;
                    }
                    current = stored.get();
                }
                Allocation.Builder b = current.toBuilder().timespan(moved).group(group);
                if (options.approveManually() != null) {
                    b.approveManually(options.approveManually());
                }
                if (options.quotaLimit() != null) {
                    b.quotaLimit(options.quotaLimit());
                }
                if (options.data() != null) {
                    b.data(options.data());
                }
                updates.add(b.build());
            }
            scope.work().allocations().update(updates);
            Allocation after = records.allocationById(masterId);
            scope.publish(new AllocationMoved(scope.context(), master, after));
            return after;
        });
    }

    private void checkAffected(List<Allocation> changing, Allocation master, Timespan moved) {
        Map<Integer, List<ReservedSlot>> slots = spots.slotsOf(changing);
        for (Allocation change : changing) {
            List<ReservedSlot> own = Spots.of(slots, change);
            if (change.partlyAvailable()) {
                for (ReservedSlot slot : own) {
                    if (!moved.contains(slot.timespan())) {
                        throw new AffectedReservationError("the reserved slot " + slot.start() + " - " + slot.end()
                                + " lies outside the new span " + moved.start() + " - " + moved.end()
                                + "; expected a span that keeps every reserved slot", slot);
                    }
                }
                if (change.isMaster()) {
                    for (Reservation pending : change.pendingReservations(scope.lookup()).list()) {
                        Timespan wanted = new Timespan(pending.start().orElse(change.start()),
                                pending.end().orElse(change.end()));
                        if (!moved.contains(Rasterizer.rasterizeSpan(wanted, change.raster()))) {
                            throw new AffectedPendingReservationError("the pending reservation " + pending.token()
                                    + " lies outside the new span " + moved.start() + " - " + moved.end()
                                    + "; expected a span that keeps every pending reservation", pending);
                        }
                    }
                }
            } else if (!change.timespan().equals(moved)) {
                if (!own.isEmpty()) {
                    throw new AffectedReservationError("allocation " + change.describe()
                            + " is reserved and cannot change its span; expected no reserved slots", own.get(0));
                }
                if (change.isMaster()) {
                    Optional<Reservation> pending = change.pendingReservations(scope.lookup()).first();
                    if (pending.isPresent()) {
                        throw new AffectedPendingReservationError("allocation " + change.describe()
                                + " has a pending reservation and cannot change its span;"
                                + " expected no pending reservations", pending.get());
                    }
                }
            }
        }
    }

    /**
     * Removes a master and its stored mirrors; see {@code Scheduler#removeAllocation}.
     *
     * @param id the master's id
     * @return the removed allocations
     */
    public List<Allocation> removeAllocation(int id) {
        Allocation master = records.allocationById(id);
        List<Allocation> doomed = new ArrayList<>();
        for (Allocation sibling : master.siblings(scope.lookup())) {
            if (!sibling.isTransient()) {
                doomed.add(sibling);
            }
        }
        return remove(doomed);
    }

    /**
     * Removes every allocation of some groups; see {@code Scheduler#removeAllocations}.
     *
     * @param groups the groups
     * @return the removed allocations
     * @throws InvalidAllocationError as documented on the scheduler method of the same name
     */
    public List<Allocation> removeAllocations(Collection<UUID> groups) {
        if (groups.isEmpty()) {
            throw new InvalidAllocationError("no groups were given; expected at least one group to remove");
        }
        return remove(records.allocationsByGroups(groups, false).list());
    }

    private List<Allocation> remove(List<Allocation> doomed) {
        Map<Integer, List<ReservedSlot>> slots = spots.slotsOf(doomed);
        Map<UUID, Reservation> firstPending = firstPendingByGroup(doomed);
        for (Allocation a : doomed) {
            List<ReservedSlot> own = Spots.of(slots, a);
            if (!own.isEmpty()) {
                throw new AffectedReservationError("allocation " + a.describe()
                        + " has reserved slots; expected an allocation without reservations to remove", own.get(0));
            }
            Reservation pending = firstPending.get(a.group());
            if (pending != null) {
                throw new AffectedPendingReservationError("allocation " + a.describe()
                        + " has a pending reservation; expected none to remove it", pending);
            }
        }
        if (!doomed.isEmpty()) {
            scope.work().allocations().delete(records.managed().withIds(
                    doomed.stream().map(Allocation::requireId).collect(Collectors.toList())));
        }
        scope.publish(new AllocationsRemoved(scope.context(), doomed));
        return doomed;
    }

    /**
     * The first pending reservation (by id) targeting each of the allocations' groups, in one
     * statement: what {@code allocation.pendingReservations(lookup).first()} gives per allocation.
     */
    private Map<UUID, Reservation> firstPendingByGroup(List<Allocation> allocations) {
        Set<UUID> groups = allocations.stream().map(Allocation::group).collect(Collectors.toSet());
        Map<UUID, Reservation> first = new HashMap<>();
        if (!groups.isEmpty()) {
            for (Reservation pending : scope.work().reservations().find(io.libres.spi.ReservationCriteria.any()
                    .withTargets(groups).withStatus(io.libres.db.models.ReservationStatus.PENDING)).list()) {
                first.putIfAbsent(pending.target(), pending);
            }
        }
        return first;
    }

    /**
     * Removes allocations nothing refers to; see {@code Scheduler#removeUnusedAllocations}.
     *
     * @param range the dates, UTC
     * @param days the weekdays in the scheduler's zone; empty for all
     * @param excludeGroups leave out grouped allocations
     * @return how many were removed
     */
    public int removeUnusedAllocations(Timespan range, Set<DayOfWeek> days, boolean excludeGroups) {
        boolean filterDays = !days.isEmpty() && days.size() < 7;
        boolean singlesOnly = excludeGroups || !days.isEmpty();
        List<Allocation> unused = scope.work().allocations()
                .findUnused(scope.resource(), range, singlesOnly).list();
        List<Allocation> doomed = unused.stream()
                .filter(a -> !filterDays || days.contains(TimeZones.dayOfWeek(a.start(), scope.zone())))
                .collect(Collectors.toList());
        if (!doomed.isEmpty()) {
            scope.work().allocations().delete(records.managed().withIds(
                    doomed.stream().map(Allocation::requireId).collect(Collectors.toList())));
            scope.publish(new AllocationsRemoved(scope.context(), doomed));
        }
        return doomed.size();
    }

    /**
     * The spans of allocations limited to times of day; see {@code Scheduler#allocationDatesByIds}.
     *
     * @param ids the allocation ids
     * @param startTime the time of day to start, or null for each allocation's own
     * @param endTime the time of day to end, or null for each allocation's own
     * @return the spans in stored form, ordered by start
     */
    public List<Timespan> allocationDatesByIds(Collection<Integer> ids, LocalTime startTime, LocalTime endTime) {
        List<Timespan> spans = new ArrayList<>();
        for (Allocation a : records.allocationsByIds(ids).list()) {
            LocalTime s = startTime != null ? startTime : a.displayStart().toLocalTime();
            LocalTime e = endTime != null ? endTime : a.displayEnd().toLocalTime();
            spans.add(a.limitTimespan(s, e).withStoredEnd());
        }
        return spans;
    }

    private String gapNote(DateRange range) {
        String start = TimeZones.gapNote(range.start(), scope.zone());
        String end = TimeZones.gapNote(range.end(), scope.zone());
        return start.isEmpty() ? end : end.isEmpty() ? start : start + end;
    }
}
