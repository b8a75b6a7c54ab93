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
        List<Timespan> spans = scope.resolve(dates);
        check(spans);
        UUID blockerToken = token == null ? UUID.randomUUID() : token;
        return scope.atomically(() -> {
            List<ReservationBlocker> blockers = new ArrayList<>();
            List<ReservedSlot> slots = new ArrayList<>();
            Set<UUID> blockedGroups = new HashSet<>();
            for (Timespan span : spans) {
                for (Allocation allocation : records.allocationsInRange(span, true, true).list()) {
                    if (blockedGroups.contains(allocation.group()) || !allocation.overlaps(span)) {
                        continue;
                    }
                    if (allocation.inGroup(scope.lookup())) {
                        blockedGroups.add(allocation.group());
                        blockers.add(blockGroup(allocation.group(), reason, blockerToken, id, slots));
                    } else {
                        Timespan rastered = Rasterizer.rasterizeSpan(span, allocation.raster());
                        ReservationBlocker blocker = insert(new ReservationBlocker(id, blockerToken,
                                allocation.group(), TargetType.ALLOCATION, scope.resource(), rastered.start(),
                                rastered.end(), allocation.timezone().orElse(null), reason, null, null));
                        slots.addAll(blockAllocation(allocation, span, blocker, true));
                        blockers.add(blocker);
                    }
                }
            }
            return finish(blockers, slots);
        });
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
        List<Timespan> spans = records.allocationDatesByGroup(group);
        if (spans.isEmpty()) {
            throw new InvalidReservationError("the group " + group + " has no allocations of this scheduler;"
                    + " expected the group of an existing allocation");
        }
        check(spans);
        UUID blockerToken = token == null ? UUID.randomUUID() : token;
        return scope.atomically(() -> {
            List<ReservedSlot> slots = new ArrayList<>();
            ReservationBlocker blocker = blockGroup(group, reason, blockerToken, id, slots);
            return finish(List.of(blocker), slots);
        });
    }

    private List<ReservationBlocker> finish(List<ReservationBlocker> blockers, List<ReservedSlot> slots) {
        if (blockers.isEmpty()) {
            throw new InvalidReservationError("no allocation of this scheduler lies within the dates;"
                    + " expected dates of existing allocations");
        }
        if (slots.isEmpty()) {
            throw new NotReservableError("the blocker targets no slot; expected at least one slot to block");
        }
        scope.publish(new BlockersAdded(scope.context(), blockers));
        return blockers;
    }

    private ReservationBlocker insert(ReservationBlocker blocker) {
        return scope.work().blockers().insert(List.of(blocker)).get(0);
    }

    private ReservationBlocker blockGroup(UUID group, String reason, UUID token, Integer id, List<ReservedSlot> slots) {
        ReservationBlocker blocker = insert(new ReservationBlocker(id, token, group, TargetType.GROUP,
                scope.resource(), null, null, null, reason, null, null));
        for (Allocation allocation : records.allocationsByGroups(List.of(group), true).list()) {
            slots.addAll(blockAllocation(allocation, allocation.timespan(), blocker, true));
        }
        return blocker;
    }

    private List<ReservedSlot> blockAllocation(Allocation allocation, Timespan span, ReservationBlocker blocker,
            boolean includingMirrors) {
        Allocation stored = spots.materialize(allocation);
        List<ReservedSlot> slots = new ArrayList<>();
        for (Timespan slot : stored.allSlots(span)) {
            slots.add(ReservedSlot.of(stored, slot, SlotSource.BLOCKER, blocker.token(), blocker.id()));
        }
        scope.work().reservedSlots().insert(slots);
        if (includingMirrors && allocation.quota() > 1) {
            for (Allocation mirror : spots.mirrors(allocation)) {
                slots.addAll(blockAllocation(mirror, span, blocker, false));
            }
        }
        return slots;
    }

    private void check(List<Timespan> spans) {
        for (Timespan span : spans) {
            ReservationChecks.requireValidLength(span, scope.zone());
            for (Allocation allocation : records.allocationsInRange(span, true, false).list()) {
                if (!allocation.overlaps(span)) {
                    continue;
                }
                if (allocation.findSpot(scope.lookup(), span).isEmpty()
                        || spots.freeCount(allocation, span) < allocation.quota()) {
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
        SlotCriteria slots = SlotCriteria.ofResource(scope.resource()).withToken(token).withSource(SlotSource.BLOCKER);
        if (id.isPresent()) {
            slots = slots.withSourceId(id.getAsInt());
        }
        scope.work().reservedSlots().delete(slots);
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
}
