package io.libres.db.internal;

import io.libres.db.models.Allocation;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.db.models.TargetType;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.InvalidReservationError;
import io.libres.errors.NotReservableError;
import io.libres.errors.TimerangeTooLong;
import io.libres.events.BlockerChanged;
import io.libres.events.BlockersAdded;
import io.libres.events.BlockersRemoved;
import io.libres.spi.BlockerCriteria;
import io.libres.spi.SlotCriteria;
import io.libres.time.DateRange;
import io.libres.time.Rasterizer;
import io.libres.time.Timespan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Adding, changing and removing blockers. */
public final class BlockerOps {

    private final Scope scope;
    private final Records records;
    private final Spots spots;

    /**
     * Creates the blocker operations of a scheduler.
     *
     * @param scope the scheduler's scope
     * @param records its record queries
     * @param spots its spot finder
     */
    public BlockerOps(Scope scope, Records records, Spots spots) {
        this.scope = scope;
        this.records = records;
        this.spots = spots;
    }

    /**
     * Blocks dates; see {@code Scheduler#addBlocker}.
     *
     * @param dates the dates
     * @param reason the reason, or null
     * @param token the token to use, or null for a new one
     * @param id the id to use, or null for the next one
     * @return the new blockers
     */
    public List<ReservationBlocker> addBlocker(List<DateRange> dates, String reason, UUID token, Integer id) {
        requireStorableReason(reason);
        List<Timespan> spans = scope.resolve(dates);
        ReservationChecks.requireValidLengths(spans, dates, scope.zone());
        PrefetchedLookup lookup = check(spans);
        UUID blockerToken = token == null ? UUID.randomUUID() : token;
        List<Target> targets = new ArrayList<>();
        Set<UUID> blockedGroups = new HashSet<>();
        for (Timespan span : spans) {
            for (Allocation allocation : lookup.mastersOverlapping(span, true)) {
                if (blockedGroups.contains(allocation.group()) || !allocation.overlaps(span)) {
                    continue;
                }
                if (allocation.inGroup(lookup)) {
                    blockedGroups.add(allocation.group());
                    targets.add(new Target(new ReservationBlocker(id, blockerToken, allocation.group(), TargetType.GROUP,
                            scope.resource(), null, null, null, reason, null, null), null, null));
                } else {
                    Timespan rastered = Rasterizer.rasterizeSpan(span, allocation.raster());
                    targets.add(new Target(new ReservationBlocker(id, blockerToken, allocation.group(),
                            TargetType.ALLOCATION, scope.resource(), rastered.start(), rastered.end(),
                            allocation.timezone().orElse(null), reason, null, null), allocation, span));
                }
            }
        }
        return scope.atomically(() -> block(targets));
    }

    /**
     * Blocks a group; see {@code Scheduler#addGroupBlocker}.
     *
     * @param group the group
     * @param reason the reason, or null
     * @param token the token to use, or null for a new one
     * @param id the id to use, or null for the next one
     * @return the new blocker, in a list
     * @throws InvalidReservationError as documented on the scheduler method of the same name
     */
    public List<ReservationBlocker> addGroupBlocker(UUID group, String reason, UUID token, Integer id) {
        requireStorableReason(reason);
        List<Timespan> spans = records.allocationDatesByGroup(group);
        if (spans.isEmpty()) {
            throw new InvalidReservationError("the group " + group + " has no allocations of this scheduler;"
                    + " expected the group of an existing allocation");
        }
        check(spans);
        UUID blockerToken = token == null ? UUID.randomUUID() : token;
        Target target = new Target(new ReservationBlocker(id, blockerToken, group, TargetType.GROUP, scope.resource(),
                null, null, null, reason, null, null), null, null);
        return scope.atomically(() -> block(List.of(target)));
    }

    /**
     * What one blocker blocks: a group (allocation and span null: every master of the group,
     * whole) or a span of one allocation.
     */
    private record Target(ReservationBlocker draft, Allocation allocation, Timespan span) {
    }

    /**
     * Writes blockers and their slots in a fixed number of statements: the blockers in one batch,
     * the members of blocked groups and the siblings of every blocked allocation read once, the
     * imaginary mirrors stored in one batch and the slots on masters and mirrors in one batch.
     */
    private List<ReservationBlocker> block(List<Target> targets) {
        if (targets.isEmpty()) {
            throw new InvalidReservationError("no allocation of this scheduler lies within the dates;"
                    + " expected dates of existing allocations");
        }
        List<ReservationBlocker> blockers = scope.work().blockers().insert(targets.stream().map(Target::draft)
                .collect(Collectors.toList()));
        Set<UUID> groups = new java.util.LinkedHashSet<>();
        for (Target target : targets) {
            if (target.allocation() == null) {
                groups.add(target.draft().target());
            }
        }
        java.util.Map<UUID, List<Allocation>> members = new java.util.HashMap<>();
        if (!groups.isEmpty()) {
            for (Allocation member : records.allocationsByGroups(groups, true).list()) {
                members.computeIfAbsent(member.group(), g -> new ArrayList<>()).add(member);
            }
        }
        List<Allocation> blockedMasters = new ArrayList<>();
        List<Timespan> blockedSpans = new ArrayList<>();
        List<ReservationBlocker> blockedBy = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            if (target.allocation() != null) {
                blockedMasters.add(target.allocation());
                blockedSpans.add(target.span());
                blockedBy.add(blockers.get(i));
            } else {
                for (Allocation member : members.getOrDefault(target.draft().target(), List.of())) {
                    blockedMasters.add(member);
                    blockedSpans.add(member.timespan());
                    blockedBy.add(blockers.get(i));
                }
            }
        }
        boolean anyQuota = blockedMasters.stream().anyMatch(a -> a.quota() > 1);
        PrefetchedLookup siblings = anyQuota ? PrefetchedLookup.load(scope, blockedMasters.stream()
                .filter(a -> a.quota() > 1).map(Allocation::timespan).collect(Collectors.toList()), false, false) : null;
        java.util.Map<List<Object>, Allocation> mirrors = new java.util.LinkedHashMap<>();
        List<List<Allocation>> spotsPerTarget = new ArrayList<>();
        for (Allocation master : blockedMasters) {
            List<Allocation> spots = master.quota() > 1 ? master.siblings(siblings) : List.of(master);
            for (Allocation spot : spots) {
                if (spot.isTransient()) {
                    mirrors.putIfAbsent(List.of(spot.resource(), spot.start()), spot);
                }
            }
            spotsPerTarget.add(spots);
        }
        java.util.Map<List<Object>, Allocation> stored = new java.util.HashMap<>();
        if (!mirrors.isEmpty()) {
            for (Allocation mirror : scope.work().allocations().insert(List.copyOf(mirrors.values()))) {
                stored.put(List.of(mirror.resource(), mirror.start()), mirror);
            }
        }
        List<ReservedSlot> slots = new ArrayList<>();
        for (int i = 0; i < blockedMasters.size(); i++) {
            ReservationBlocker blocker = blockedBy.get(i);
            for (Allocation spot : spotsPerTarget.get(i)) {
                Allocation real = spot.isTransient() ? stored.get(List.of(spot.resource(), spot.start())) : spot;
                for (Timespan slot : real.allSlots(blockedSpans.get(i))) {
                    slots.add(ReservedSlot.of(real, slot, SlotSource.BLOCKER, blocker.token(), blocker.requireId()));
                }
            }
        }
        if (slots.isEmpty()) {
            throw new NotReservableError("the blocker targets no slot; expected at least one slot to block");
        }
        scope.work().reservedSlots().insert(slots);
        scope.publish(new BlockersAdded(scope.context(), blockers));
        return blockers;
    }

    /**
     * Checks that every spot of every allocation the spans overlap is free, reading the
     * allocations, slots and group sizes once.
     *
     * @return the records read
     */
    private PrefetchedLookup check(List<Timespan> spans) {
        for (Timespan span : spans) {
            ReservationChecks.requireValidLength(span, scope.zone());
        }
        PrefetchedLookup lookup = PrefetchedLookup.load(scope, scope.visibleResources(), spans, true, true);
        for (Timespan span : spans) {
            checkSpan(lookup, span);
        }
        return lookup;
    }

    private void checkSpan(PrefetchedLookup lookup, Timespan span) {
        for (Allocation allocation : lookup.mastersOverlapping(span, false)) {
            if (!allocation.overlaps(span)) {
                continue;
            }
            if (allocation.findSpot(lookup, span).isEmpty()
                    || Spots.freeCount(lookup, allocation, span) < allocation.quota()) {
                throw new AlreadyReservedError("allocation " + allocation.describe() + " is reserved between "
                        + span.start() + " and " + span.end() + "; expected every spot to be free to block it");
            }
            if (allocation.resource().equals(scope.resource()) && !allocation.contains(span)) {
                throw new TimerangeTooLong("the span " + span.start() + " - " + span.end()
                        + " reaches beyond allocation " + allocation.describe()
                        + "; expected a span within the allocation");
            }
        }
    }

    /**
     * Blocks occurrences under one token; see {@code Scheduler#addBlockerOccurrences}. Reads the
     * records of every occurrence once, decides each in memory and writes in one batch each.
     *
     * @param dates the occurrences
     * @param reason the reason, or null
     * @param policy all or nothing, or block what is free
     * @return the outcome and the blockers written
     * @throws io.libres.errors.OccurrencesRefused if an occurrence is refused (all or nothing) or every one is
     */
    public java.util.Map.Entry<io.libres.db.OccurrenceOutcome, List<ReservationBlocker>> addBlockerOccurrences(
            List<DateRange> dates, String reason, io.libres.db.OccurrencePolicy policy) {
        List<Timespan> spans = scope.resolve(dates);
        if (spans.isEmpty()) {
            throw new InvalidReservationError("no occurrences are given; expected at least one occurrence to block");
        }
        List<io.libres.db.RefusedOccurrence> refused = new ArrayList<>();
        List<Timespan> sized = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            try {
                ReservationChecks.requireValidLength(spans.get(i), scope.zone());
                sized.add(spans.get(i));
            } catch (io.libres.errors.LibresException e) {
                refused.add(new io.libres.db.RefusedOccurrence(i, spans.get(i), e));
                sized.add(null);
            }
        }
        List<Timespan> readable = sized.stream().filter(java.util.Objects::nonNull).collect(Collectors.toList());
        PrefetchedLookup lookup = readable.isEmpty() ? null
                : PrefetchedLookup.load(scope, scope.visibleResources(), readable, true, true);
        UUID token = UUID.randomUUID();
        List<Target> targets = new ArrayList<>();
        List<Integer> booked = new ArrayList<>();
        Set<UUID> blockedGroups = new HashSet<>();
        for (int i = 0; i < sized.size(); i++) {
            Timespan span = sized.get(i);
            if (span == null) {
                continue;
            }
            try {
                checkSpan(lookup, span);
                List<Allocation> overlapping = lookup.mastersOverlapping(span, true).stream()
                        .filter(a -> a.overlaps(span)).collect(Collectors.toList());
                if (overlapping.isEmpty()) {
                    throw new InvalidReservationError("no allocation of this scheduler lies within " + span.start()
                            + " - " + span.end() + "; expected dates of existing allocations");
                }
                for (Allocation allocation : overlapping) {
                    if (blockedGroups.contains(allocation.group())) {
                        continue;
                    }
                    if (allocation.inGroup(lookup)) {
                        blockedGroups.add(allocation.group());
                        targets.add(new Target(new ReservationBlocker(null, token, allocation.group(), TargetType.GROUP,
                                scope.resource(), null, null, null, reason, null, null), null, null));
                    } else {
                        Timespan rastered = Rasterizer.rasterizeSpan(span, allocation.raster());
                        targets.add(new Target(new ReservationBlocker(null, token, allocation.group(),
                                TargetType.ALLOCATION, scope.resource(), rastered.start(), rastered.end(),
                                allocation.timezone().orElse(null), reason, null, null), allocation, span));
                    }
                }
                booked.add(i);
            } catch (io.libres.errors.LibresException e) {
                refused.add(new io.libres.db.RefusedOccurrence(i, span, e));
            }
        }
        refused.sort(java.util.Comparator.comparingInt(io.libres.db.RefusedOccurrence::index));
        if (targets.isEmpty() || (!refused.isEmpty() && policy == io.libres.db.OccurrencePolicy.ALL_OR_NOTHING)) {
            throw new io.libres.errors.OccurrencesRefused("blockers", spans.size(), refused);
        }
        List<ReservationBlocker> written = scope.atomically(() -> block(targets));
        return java.util.Map.entry(new io.libres.db.OccurrenceOutcome(token, booked, refused), written);
    }

    /**
     * Removes some blockers of a token and their slots in a fixed number of statements; see
     * {@code Scheduler#removeBlockers}.
     *
     * @param token the token
     * @param ids the blockers' ids
     * @return the removed blockers
     */
    public List<ReservationBlocker> removeBlockers(UUID token, java.util.Collection<Integer> ids) {
        Set<Integer> wanted = Set.copyOf(ids);
        List<ReservationBlocker> removed = records.blockersByToken(token, OptionalInt.empty()).list().stream()
                .filter(b -> wanted.contains(b.requireId())).collect(Collectors.toList());
        if (removed.isEmpty()) {
            return removed;
        }
        SlotCriteria slots = SlotCriteria.ofResource(scope.resource()).withToken(token).withSource(SlotSource.BLOCKER);
        scope.work().reservedSlots().delete(new SlotCriteria(slots.mirrorOf(), slots.allocationIds(), slots.tokens(),
                slots.source(), wanted, slots.resources(), slots.during()));
        BlockerCriteria criteria = BlockerCriteria.ofResources(Set.of(scope.resource())).withToken(token);
        scope.work().blockers().delete(new BlockerCriteria(criteria.resources(), criteria.tokens(), wanted,
                criteria.targets()));
        scope.publish(new BlockersRemoved(scope.context(), removed));
        return removed;
    }

    /**
     * Removes blockers and their slots; see {@code Scheduler#removeBlocker}.
     *
     * @param token the token
     * @param id the id, or empty for every blocker of the token
     * @return the removed blockers
     */
    public List<ReservationBlocker> removeBlocker(UUID token, OptionalInt id) {
        List<ReservationBlocker> removed = records.blockersByToken(token, id).list();
        records.deleteSlotsOf(token, id, SlotSource.BLOCKER);
        BlockerCriteria criteria = BlockerCriteria.ofResources(Set.of(scope.resource())).withToken(token);
        scope.work().blockers().delete(id.isPresent() ? criteria.withId(id.getAsInt()) : criteria);
        scope.publish(new BlockersRemoved(scope.context(), removed));
        return removed;
    }

    /**
     * Changes the reason of every blocker of a token; see {@code Scheduler#changeBlockerReason}.
     *
     * @param token the token
     * @param reason the new reason, or null
     */
    public void changeBlockerReason(UUID token, String reason) {
        requireStorableReason(reason);
        List<ReservationBlocker> all = records.blockersByToken(token, OptionalInt.empty()).list();
        List<ReservationBlocker> changed = all.stream().map(b -> b.withReason(reason)).collect(Collectors.toList());
        scope.work().blockers().update(changed);
        for (int i = 0; i < all.size(); i++) {
            scope.publish(new BlockerChanged(scope.context(), all.get(i), changed.get(i)));
        }
    }

    /**
     * Changes the time of a blocker; see {@code Scheduler#changeBlocker}.
     *
     * @param token the token
     * @param id the blocker's id
     * @param dates the new dates
     * @return the changed blocker, empty if nothing changed
     * @throws InvalidReservationError as documented on the scheduler method of the same name
     * @throws TimerangeTooLong as documented on the scheduler method of the same name
     */
    public Optional<ReservationBlocker> changeBlocker(UUID token, int id, DateRange dates) {
        Timespan span = scope.resolve(dates);
        ReservationBlocker existing = records.blockersByToken(token, OptionalInt.of(id)).one();
        if (existing.targetType() == TargetType.GROUP) {
            throw new InvalidReservationError("the blocker " + token + " (id " + id + ") targets a group;"
                    + " only a blocker of one allocation can change its time");
        }
        Instant end = existing.end();
        if (existing.start().equals(span.start())
                && (end.equals(span.end()) || end.equals(span.end().minus(Timespan.MICROSECOND)))) {
            return Optional.empty();
        }
        Allocation allocation = existing.targetAllocations(scope.lookup(), true).stream().findFirst()
                .orElseThrow(() -> new InvalidReservationError("the blocker " + token
                        + " targets no allocation; expected a blocker of an existing allocation"));
        if (!allocation.contains(span)) {
            throw new TimerangeTooLong("the span " + span.start() + " - " + span.end() + " reaches beyond allocation "
                    + allocation.describe() + "; expected a span within the allocation");
        }
        ReservationBlocker changed = scope.atomically(() -> {
            removeBlocker(token, OptionalInt.of(id));
            return addBlocker(List.of(dates), existing.reason(), token, id).get(0);
        });
        scope.publish(new BlockerChanged(scope.context(), existing, changed));
        return Optional.of(changed);
    }

    private static void requireStorableReason(String reason) {
        String problem = reason == null ? null : Texts.unstorable(reason);
        if (problem != null) {
            throw new io.libres.errors.InvalidArgument("the blocker reason " + Texts.show(reason) + " holds " + problem
                    + ", which PostgreSQL cannot store; expected text without NUL characters, or null for none");
        }
    }
}
