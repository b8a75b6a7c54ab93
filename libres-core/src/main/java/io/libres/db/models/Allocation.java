package io.libres.db.models;

import org.jspecify.annotations.Nullable;

import io.libres.db.internal.MirrorKeys;
import io.libres.db.query.QueryResult;
import io.libres.errors.InvalidAllocationError;
import io.libres.time.Raster;
import io.libres.time.Rasterizer;
import io.libres.time.Timespan;
import io.libres.time.TimeZones;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * A timespan within which one or many slots can be reserved, a row of {@code allocations}.
 *
 * <p>The resource of an allocation is not always the real resource: an allocation of quota N is
 * a <em>master</em> (resource equals {@code mirrorOf}) plus N - 1 <em>mirrors</em> whose resources
 * are derived from the master's. Mirrors are created when first reserved; until then they are
 * <em>imaginary</em> (transient, without id). Use {@code mirrorOf} to find a real resource's
 * allocations.
 *
 * <p>Start and end are UTC and rastered; the end is stored as the exclusive end minus one
 * microsecond, so an allocation ending at 15:00 ends at 14:59:59.999999.
 */
public final class Allocation {

    /** The {@code type} of allocations created by this library, as in libres 1.2. */
    public static final String GENERIC_TYPE = "generic";

    private final Integer id;
    private final UUID resource;
    private final String type;
    private final UUID mirrorOf;
    private final UUID group;
    private final int quota;
    private final int quotaLimit;
    private final boolean partlyAvailable;
    private final boolean approveManually;
    private final String timezone;
    private final Map<String, Object> data;
    private final Instant start;
    private final Instant end;
    private final Raster raster;
    private final Instant created;
    private final Instant modified;

    private Allocation(Builder b, boolean asStored) {
        this.id = b.id;
        this.resource = require(b.resource, "resource");
        this.type = b.type == null ? GENERIC_TYPE : b.type;
        this.mirrorOf = require(b.mirrorOf, "mirrorOf");
        this.group = require(b.group, "group");
        this.raster = require(b.raster, "raster");
        Instant givenStart = require(b.start, "start");
        Instant givenEnd = require(b.end, "end");
        // libres' setters raster start and end whenever they are set; rows read back are taken as
        // stored, so a misaligned row stays visible to the integrity check
        this.start = asStored ? givenStart : Rasterizer.rasterizeStart(givenStart, raster);
        this.end = asStored ? givenEnd : Rasterizer.rasterizeEnd(givenEnd, raster);
        if (b.quota < 1) {
            throw new InvalidAllocationError("a quota of " + b.quota + " is invalid; expected 1 or more");
        }
        if (b.quotaLimit < 0) {
            throw new InvalidAllocationError("a quota limit of " + b.quotaLimit
                    + " is invalid; expected 0 (no limit) or more");
        }
        this.quota = b.quota;
        this.quotaLimit = b.quotaLimit;
        this.partlyAvailable = b.partlyAvailable;
        this.approveManually = b.approveManually;
        this.timezone = b.timezone;
        this.data = b.data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.data));
        this.created = b.created;
        this.modified = b.modified;
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new InvalidAllocationError("the allocation's " + name + " is missing; expected a value");
        }
        return value;
    }

    /**
     * Starts building an allocation.
     *
     * @return a builder with quota 1, no quota limit, raster 5, not partly available
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder initialised with this allocation's values.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.resource = resource;
        b.type = type;
        b.mirrorOf = mirrorOf;
        b.group = group;
        b.quota = quota;
        b.quotaLimit = quotaLimit;
        b.partlyAvailable = partlyAvailable;
        b.approveManually = approveManually;
        b.timezone = timezone;
        b.data = data;
        b.start = start;
        b.end = end;
        b.raster = raster;
        b.created = created;
        b.modified = modified;
        return b;
    }

    /**
     * The id given by the storage.
     *
     * @return the id, empty for an allocation not yet stored (an imaginary mirror)
     */
    public OptionalInt id() {
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /**
     * The id of a stored allocation.
     *
     * @return the id
     * @throws InvalidAllocationError if the allocation is not stored
     */
    public int requireId() {
        if (id == null) {
            throw new InvalidAllocationError("the allocation " + describe()
                    + " is not stored and has no id; expected a stored allocation");
        }
        return id;
    }

    /**
     * The resource, the real one for masters, a derived one for mirrors.
     *
     * @return the resource uuid
     */
    public UUID resource() {
        return resource;
    }

    /**
     * The polymorphic type column.
     *
     * @return {@value #GENERIC_TYPE} unless set otherwise
     */
    public String type() {
        return type;
    }

    /**
     * The real resource this allocation belongs to.
     *
     * @return the master's resource
     */
    public UUID mirrorOf() {
        return mirrorOf;
    }

    /**
     * The group; every allocation has one, most are alone in it.
     *
     * @return the group uuid
     */
    public UUID group() {
        return group;
    }

    /**
     * How many times the allocation may be reserved at once.
     *
     * @return the quota, 1 or more
     */
    public int quota() {
        return quota;
    }

    /**
     * How many spots one reservation may take.
     *
     * @return the limit, 0 for no limit
     */
    public int quotaLimit() {
        return quotaLimit;
    }

    /**
     * Whether parts of the allocation may be reserved, in steps of its raster.
     *
     * @return true if partly available
     */
    public boolean partlyAvailable() {
        return partlyAvailable;
    }

    /**
     * Whether reservations wait for manual approval.
     *
     * @return true if reservations must be approved by hand
     */
    public boolean approveManually() {
        return approveManually;
    }

    /**
     * The zone the allocation was created in, as stored.
     *
     * @return the zone id, empty if none is stored
     */
    public Optional<String> timezone() {
        return Optional.ofNullable(timezone);
    }

    /**
     * The allocation's zone, UTC if none is stored.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
    }

    /**
     * The caller's own data.
     *
     * @return an unmodifiable JSON object, empty if none was given
     */
    public Map<String, Object> data() {
        return data;
    }

    /**
     * The rastered start, UTC.
     *
     * @return the start
     */
    public Instant start() {
        return start;
    }

    /**
     * The rastered end in stored form (minus one microsecond), UTC.
     *
     * @return the end
     */
    public Instant end() {
        return end;
    }

    /**
     * The raster.
     *
     * @return the raster
     */
    public Raster raster() {
        return raster;
    }

    /**
     * When the allocation was stored.
     *
     * @return the instant, empty before it is stored
     */
    public Optional<Instant> created() {
        return Optional.ofNullable(created);
    }

    /**
     * When the allocation was last changed.
     *
     * @return the instant, empty if never changed
     */
    public Optional<Instant> modified() {
        return Optional.ofNullable(modified);
    }

    /**
     * Start to stored end.
     *
     * @return the allocation's span
     */
    public Timespan timespan() {
        return new Timespan(start, end);
    }

    /**
     * Tells whether this is the master of its mirrors.
     *
     * @return true if resource equals mirrorOf
     */
    public boolean isMaster() {
        return resource.equals(mirrorOf);
    }

    /**
     * Tells whether the allocation exists only in memory: an imaginary mirror, or a copy.
     *
     * @return true if it has no id
     */
    public boolean isTransient() {
        return id == null;
    }

    /**
     * The start in the allocation's zone.
     *
     * @return the start
     */
    public ZonedDateTime displayStart() {
        return displayStart(zone());
    }

    /**
     * The start in a zone.
     *
     * @param zone the zone
     * @return the start
     */
    public ZonedDateTime displayStart(ZoneId zone) {
        return start.atZone(zone);
    }

    /**
     * The exclusive end (stored end plus one microsecond) in the allocation's zone.
     *
     * @return the end
     */
    public ZonedDateTime displayEnd() {
        return displayEnd(zone());
    }

    /**
     * The exclusive end in a zone.
     *
     * @param zone the zone
     * @return the end
     */
    public ZonedDateTime displayEnd(ZoneId zone) {
        return end.plus(Timespan.MICROSECOND).atZone(zone);
    }

    /**
     * Tells whether the allocation spans whole days in its zone: from 0:00 to 24:00, over one
     * or more days, 23 or 25 hours on days the clocks change.
     *
     * @return true for a whole-day allocation
     */
    public boolean wholeDay() {
        return TimeZones.isWholeDay(start, end.plus(Timespan.MICROSECOND), zone());
    }

    /**
     * Tells whether a span, rastered to this allocation's raster, overlaps the allocation.
     *
     * @param span the span, its end exclusive or stored
     * @return true if they share an instant
     */
    public boolean overlaps(Timespan span) {
        Timespan.requireStorable(span, "span");
        return timespan().overlaps(Rasterizer.rasterizeSpan(span, raster));
    }

    /**
     * Tells whether a span, rastered to this allocation's raster, lies within the allocation.
     *
     * @param span the span, its end exclusive or stored
     * @return true if the allocation contains it
     */
    public boolean contains(Timespan span) {
        Timespan.requireStorable(span, "span");
        return timespan().contains(Rasterizer.rasterizeSpan(span, raster));
    }

    /**
     * The whole allocation as a span (what {@link #alignDates(Timespan)} gives without a span).
     *
     * @return the allocation's start to its stored end
     */
    public Timespan alignDates() {
        return alignDates(null);
    }

    /**
     * Clamps a span to the allocation: a start before the allocation's becomes its start, an
     * end after the allocation's becomes its end.
     *
     * @param span the span, or null for the whole allocation
     * @return the clamped span
     */
    public Timespan alignDates(@Nullable Timespan span) {
        if (span == null) {
            return timespan();
        }
        Instant s = span.start().isBefore(start) ? start : span.start();
        Instant e = span.end().isAfter(end) ? end : span.end();
        return new Timespan(s, e);
    }

    /**
     * Every slot of the allocation, reserved or free.
     *
     * @return the slots in order
     */
    public List<Timespan> allSlots() {
        return allSlots(null);
    }

    /**
     * The slots within a span, reserved or free. An allocation that is not partly available has
     * one slot, itself, whatever the span.
     *
     * @param span the span, or null for the whole allocation
     * @return the slots in order
     */
    public List<Timespan> allSlots(@Nullable Timespan span) {
        if (!partlyAvailable) {
            return List.of(timespan());
        }
        return Rasterizer.iterateSpan(alignDates(span), raster);
    }

    /**
     * The number of slots of the allocation.
     *
     * @return the count; 1 if not partly available
     */
    public int countSlots() {
        return countSlots(null);
    }

    /**
     * The number of slots within a span.
     *
     * @param span the span, or null for the whole allocation
     * @return the count; 1 if not partly available
     */
    public int countSlots(@Nullable Timespan span) {
        if (!partlyAvailable) {
            return 1;
        }
        Timespan aligned = alignDates(span);
        long seconds = aligned.duration().plus(Timespan.MICROSECOND).getSeconds();
        return (int) (seconds / (raster.minutes() * 60L));
    }

    /**
     * The free slots of the whole allocation, given its reserved slots.
     *
     * @param reserved the reserved slots of this allocation
     * @return the free slots in order
     */
    public List<Timespan> freeSlots(Collection<ReservedSlot> reserved) {
        return freeSlots(reserved, null);
    }

    /**
     * The free slots, given the allocation's reserved slots.
     *
     * @param reserved the reserved slots of this allocation
     * @param span the span to look at, or null for the whole allocation
     * @return the free slots in order
     */
    public List<Timespan> freeSlots(Collection<ReservedSlot> reserved, @Nullable Timespan span) {
        Set<Instant> taken = starts(reserved);
        List<Timespan> free = new ArrayList<>();
        for (Timespan slot : allSlots(span)) {
            if (!taken.contains(slot.start())) {
                free.add(slot);
            }
        }
        return free;
    }

    /**
     * The free slots, reading the reserved slots from storage.
     *
     * @param lookup the unit of work to read from
     * @return the free slots in order
     */
    public List<Timespan> freeSlots(Lookup lookup) {
        return freeSlots(reservedSlots(lookup), null);
    }

    /**
     * The free slots within a span, reading the reserved slots from storage.
     *
     * @param lookup the unit of work to read from
     * @param span the span to look at
     * @return the free slots in order
     */
    public List<Timespan> freeSlots(Lookup lookup, Timespan span) {
        return freeSlots(reservedSlots(lookup), span);
    }

    /**
     * The reserved slots of this allocation.
     *
     * @param lookup the unit of work to read from
     * @return the slots ordered by start; none for a transient allocation
     */
    public List<ReservedSlot> reservedSlots(Lookup lookup) {
        if (id == null) {
            return List.of();
        }
        return lookup.reservedSlotsByAllocation(List.of(id)).getOrDefault(id, List.of());
    }

    /**
     * Tells whether the whole allocation is free, given its reserved slots.
     *
     * @param reserved the reserved slots of this allocation
     * @return true if no slot is reserved
     */
    public boolean isAvailable(Collection<ReservedSlot> reserved) {
        return isAvailable(reserved, null);
    }

    /**
     * Tells whether a span is completely free, given the allocation's reserved slots.
     *
     * @param reserved the reserved slots of this allocation
     * @param span the span, or null for the whole allocation
     * @return true if no slot within the span is reserved
     */
    public boolean isAvailable(Collection<ReservedSlot> reserved, @Nullable Timespan span) {
        Set<Instant> taken = starts(reserved);
        if (taken.isEmpty()) {
            return true;
        }
        for (Timespan slot : allSlots(span)) {
            if (taken.contains(slot.start())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tells whether the whole allocation is free.
     *
     * @param lookup the unit of work to read from
     * @return true if nothing is reserved
     */
    public boolean isAvailable(Lookup lookup) {
        return isAvailable(reservedSlots(lookup), null);
    }

    /**
     * Tells whether a span is completely free.
     *
     * @param lookup the unit of work to read from
     * @param span the span
     * @return true if no slot within the span is reserved
     */
    public boolean isAvailable(Lookup lookup, Timespan span) {
        return isAvailable(reservedSlots(lookup), span);
    }

    /**
     * The availability in percent, given the reserved slots. Blocked slots do not count as
     * available nor as reserved; a fully blocked allocation is 0 % available.
     *
     * @param reserved the reserved slots of this allocation
     * @return 0 to 100
     */
    public double availability(Collection<ReservedSlot> reserved) {
        long blocked = reserved.stream().filter(s -> s.source() == SlotSource.BLOCKER).count();
        long taken = reserved.size() - blocked;
        return Occupancy.percentFree(countSlots(), blocked, taken);
    }

    /**
     * The availability in percent, reading the reserved slots from storage.
     *
     * @param lookup the unit of work to read from
     * @return 0 to 100
     */
    public double availability(Lookup lookup) {
        return availability(reservedSlots(lookup));
    }

    /**
     * The availability as it looks on a calendar that shows every day with 24 hours: on the day
     * clocks go forward the missing hour counts as reserved, on the day they go back the repeated
     * hour is left out. Equal to {@link #availability(Collection)} on other days.
     *
     * @param reserved the reserved slots of this allocation
     * @return 0 to 100
     */
    public double normalizedAvailability(Collection<ReservedSlot> reserved) {
        return Occupancy.normalizedAvailability(this, reserved);
    }

    /**
     * The availability on a calendar of 24-hour days (see {@link #normalizedAvailability(Collection)}),
     * reading the reserved slots from storage.
     *
     * @param lookup the unit of work to read from
     * @return 0 to 100
     */
    public double normalizedAvailability(Lookup lookup) {
        return normalizedAvailability(reservedSlots(lookup));
    }

    /**
     * Partitions the allocation into blocks of free and reserved time, each with its share of
     * the allocation in percent, in order. With {@code normalizeDst} a day with a daylight-saving
     * change is shown as a 24-hour day (see {@link #normalizedAvailability(Collection)}).
     *
     * @param reserved the reserved slots of this allocation
     * @param normalizeDst whether to show 23- and 25-hour days as 24-hour days
     * @return the partitions, summing to 100
     */
    public List<Partition> availabilityPartitions(Collection<ReservedSlot> reserved, boolean normalizeDst) {
        return Occupancy.partitions(this, reserved, normalizeDst);
    }

    /**
     * The availability partitions, reading the reserved slots from storage, DST normalised.
     *
     * @param lookup the unit of work to read from
     * @return the partitions, summing to 100
     */
    public List<Partition> availabilityPartitions(Lookup lookup) {
        return availabilityPartitions(reservedSlots(lookup), true);
    }

    /**
     * The availability partitions, reading the reserved slots from storage, DST normalised or not.
     *
     * @param lookup the unit of work to read from
     * @param normalizeDst whether to show 23- and 25-hour days as 24-hour days
     * @return the partitions, summing to 100
     */
    public List<Partition> availabilityPartitions(Lookup lookup, boolean normalizeDst) {
        return availabilityPartitions(reservedSlots(lookup), normalizeDst);
    }

    /**
     * The slots on a calendar that shows every day with 24 hours: on the day clocks go forward,
     * the missing hour appears as empty entries; on the day they go back, the first hour after
     * 2:00 is left out. Other days give {@link #allSlots()}.
     *
     * @return the slots; an empty optional marks a slot of the hour that does not exist
     */
    public List<Optional<Timespan>> normalizedSlots() {
        return Occupancy.normalizedSlots(this);
    }

    /**
     * The master and its mirrors, in key order: the master first, then mirror 1, 2, ...
     *
     * @param lookup the unit of work to read from
     * @param imaginary true to fill in mirrors not yet stored with transient copies of the master
     * @return the siblings, including this allocation
     * @throws InvalidAllocationError if {@code imaginary} is false and this allocation is itself
     *     imaginary, so it would not be part of the result
     */
    public List<Allocation> siblings(Lookup lookup, boolean imaginary) {
        if (!imaginary && isTransient()) {
            throw new InvalidAllocationError("the allocation " + describe()
                    + " is imaginary and cannot be among its stored siblings; expected a stored allocation");
        }
        if (quota == 1) {
            return List.of(this);
        }
        Map<UUID, Allocation> existing = new LinkedHashMap<>();
        for (Allocation stored : lookup.storedSiblings(mirrorOf, start)) {
            existing.put(stored.resource, stored);
        }
        Allocation master = isMaster() ? this : existing.get(mirrorOf);
        if (master == null) {
            throw new InvalidAllocationError("the master of " + describe()
                    + " is not stored; expected a mirror to have a stored master");
        }
        existing.put(master.resource, master);
        int imaginaryLeft = imaginary ? master.quota - existing.size() : 0;
        List<Allocation> siblings = new ArrayList<>();
        siblings.add(master);
        for (UUID key : MirrorKeys.of(master.resource, master.quota)) {
            Allocation stored = existing.get(key);
            if (stored != null) {
                siblings.add(stored);
            } else if (imaginaryLeft > 0) {
                siblings.add(master.copy().toBuilder().resource(key).build());
                imaginaryLeft--;
            }
        }
        return siblings;
    }

    /**
     * The siblings, imaginary mirrors included.
     *
     * @param lookup the unit of work to read from
     * @return the master first, then the mirrors
     */
    public List<Allocation> siblings(Lookup lookup) {
        return siblings(lookup, true);
    }

    /**
     * The master of this allocation.
     *
     * @param lookup the unit of work to read from
     * @return this if it is the master, else the stored master
     * @throws InvalidAllocationError if the master is not stored
     */
    public Allocation master(Lookup lookup) {
        if (isMaster()) {
            return this;
        }
        return lookup.allocationAt(mirrorOf, start).orElseThrow(() -> new InvalidAllocationError(
                "the master of " + describe() + " is not stored; expected a mirror to have a stored master"));
    }

    /**
     * The first spot, among master and mirrors, where a span is free. The master is tried first;
     * mirrors only if the quota is above one.
     *
     * @param lookup the unit of work to read from
     * @param span the span to reserve
     * @return the free allocation (possibly an imaginary mirror), empty if every spot is taken
     */
    public Optional<Allocation> findSpot(Lookup lookup, Timespan span) {
        Allocation master = master(lookup);
        List<Allocation> siblings = master.quota == 1 ? List.of(master) : master.siblings(lookup);
        Map<Integer, List<ReservedSlot>> slots = slotsOf(lookup, siblings);
        for (Allocation candidate : siblings) {
            if (candidate.isAvailable(slotsFor(slots, candidate), span)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * How many spots are still completely free, among master and mirrors.
     *
     * @param lookup the unit of work to read from
     * @return 0 to quota
     */
    public int quotaLeft(Lookup lookup) {
        List<Allocation> siblings = siblings(lookup);
        Map<Integer, List<ReservedSlot>> slots = slotsOf(lookup, siblings);
        int free = 0;
        for (Allocation sibling : siblings) {
            if (sibling.isAvailable(slotsFor(slots, sibling), null)) {
                free++;
            }
        }
        return free;
    }

    /**
     * Tells whether the allocation shares its group with other allocations of its resource.
     *
     * @param lookup the unit of work to read from
     * @return true if grouped
     */
    public boolean inGroup(Lookup lookup) {
        return lookup.isInGroup(this);
    }

    /**
     * Tells whether the allocation can be reserved on its own, not only with its group.
     * Partly available allocations are never grouped.
     *
     * @param lookup the unit of work to read from
     * @return true if reservable separately
     */
    public boolean isSeparate(Lookup lookup) {
        return partlyAvailable || !inGroup(lookup);
    }

    /**
     * The pending reservations of the allocation's group; the same for master and mirrors.
     *
     * @param lookup the unit of work to read from
     * @return the pending reservations
     */
    public QueryResult<Reservation> pendingReservations(Lookup lookup) {
        return lookup.pendingReservations(group);
    }

    /**
     * The length of the waiting list: the number of pending reservations.
     *
     * @param lookup the unit of work to read from
     * @return the count
     */
    public long waitinglistLength(Lookup lookup) {
        return pendingReservations(lookup).count();
    }

    /**
     * Moves a span of times of day to the nearest reservable slots of this allocation: on a
     * partly available allocation the times are combined with the allocation's first day,
     * clamped to the allocation and rastered; otherwise the allocation's own start and end.
     * An end before the start means the next day.
     *
     * @param startTime the time of day to start
     * @param endTime the time of day to end
     * @return the exclusive span, in the allocation's zone
     */
    public Timespan limitTimespan(LocalTime startTime, LocalTime endTime) {
        return limitTimespan(startTime, endTime, zone());
    }

    /**
     * Like {@link #limitTimespan(LocalTime, LocalTime)}, reading the times in another zone.
     *
     * @param startTime the time of day to start
     * @param endTime the time of day to end
     * @param zone the zone of the times
     * @return the exclusive span
     */
    public Timespan limitTimespan(LocalTime startTime, LocalTime endTime, ZoneId zone) {
        Instant displayEnd = end.plus(Timespan.MICROSECOND);
        if (!partlyAvailable) {
            return new Timespan(start, displayEnd);
        }
        LocalDate day = start.atZone(zone).toLocalDate();
        Instant s = TimeZones.localize(day.atTime(startTime), zone).toInstant();
        Instant e = TimeZones.localize(day.atTime(endTime), zone).toInstant();
        if (e.isBefore(s)) {
            e = TimeZones.localize(day.plusDays(1).atTime(endTime), zone).toInstant();
        }
        if (displayEnd.isBefore(e)) {
            e = displayEnd;
        }
        if (start.isAfter(s)) {
            s = start;
        }
        Timespan rastered = Rasterizer.rasterizeSpan(new Timespan(s, e), raster);
        return new Timespan(rastered.start(), rastered.end().plus(Timespan.MICROSECOND));
    }

    /**
     * A transient copy: every column but the id and the timestamps.
     *
     * @return the copy
     */
    public Allocation copy() {
        Builder b = toBuilder();
        b.id = null;
        b.created = null;
        b.modified = null;
        return b.build();
    }

    /**
     * A short description for messages: id, resource and span.
     *
     * @return the description
     */
    public String describe() {
        return (id == null ? "(imaginary)" : "#" + id) + " of " + resource + " " + start + " - " + end;
    }

    private static Set<Instant> starts(Collection<ReservedSlot> reserved) {
        Set<Instant> starts = new HashSet<>();
        for (ReservedSlot slot : reserved) {
            starts.add(slot.start());
        }
        return starts;
    }

    private static Map<Integer, List<ReservedSlot>> slotsOf(Lookup lookup, List<Allocation> allocations) {
        List<Integer> ids = new ArrayList<>();
        for (Allocation a : allocations) {
            if (a.id != null) {
                ids.add(a.id);
            }
        }
        return ids.isEmpty() ? Map.of() : lookup.reservedSlotsByAllocation(ids);
    }

    static List<ReservedSlot> slotsFor(Map<Integer, List<ReservedSlot>> slots, Allocation allocation) {
        return allocation.id == null ? List.of() : slots.getOrDefault(allocation.id, List.of());
    }

    /**
     * Allocations are equal when they have the same resource and start, the unique key of the
     * table.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Allocation)) {
            return false;
        }
        Allocation that = (Allocation) other;
        return resource.equals(that.resource) && start.equals(that.start);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resource, start);
    }

    @Override
    public String toString() {
        return "Allocation " + describe();
    }

    /**
     * Builds an {@link Allocation}. {@link #build()} rasters start and end to the raster, as
     * libres' setters do, so a hand-built allocation is aligned like those the scheduler makes: the
     * start snaps down to its raster slot, the end up to the end of its slot in stored form (one
     * microsecond before the slot's exclusive end), so an exclusive end and a stored end give the
     * same allocation. {@link #buildAsStored()} takes them as given, for storages reading rows.
     */
    public static final class Builder {
        private Integer id;
        private UUID resource;
        private String type;
        private UUID mirrorOf;
        private UUID group;
        private int quota = 1;
        private int quotaLimit;
        private boolean partlyAvailable;
        private boolean approveManually;
        private String timezone;
        private Map<String, Object> data;
        private Instant start;
        private Instant end;
        private Raster raster = Raster.MIN;
        private Instant created;
        private Instant modified;

        private Builder() {
        }

        /**
         * Sets the id given by the storage.
         *
         * @param value the id, or null for a transient allocation
         * @return this builder
         */
        public Builder id(@Nullable Integer value) {
            this.id = value;
            return this;
        }

        /**
         * Sets the resource.
         *
         * @param value the resource
         * @return this builder
         */
        public Builder resource(UUID value) {
            this.resource = value;
            return this;
        }

        /**
         * Sets the polymorphic type.
         *
         * @param value the type, null for {@value Allocation#GENERIC_TYPE}
         * @return this builder
         */
        public Builder type(@Nullable String value) {
            this.type = value;
            return this;
        }

        /**
         * Sets the real resource.
         *
         * @param value the master's resource
         * @return this builder
         */
        public Builder mirrorOf(UUID value) {
            this.mirrorOf = value;
            return this;
        }

        /**
         * Sets the group.
         *
         * @param value the group
         * @return this builder
         */
        public Builder group(UUID value) {
            this.group = value;
            return this;
        }

        /**
         * Sets the quota.
         *
         * @param value 1 or more
         * @return this builder
         */
        public Builder quota(int value) {
            this.quota = value;
            return this;
        }

        /**
         * Sets the quota limit.
         *
         * @param value 0 for none, else the most spots one reservation may take
         * @return this builder
         */
        public Builder quotaLimit(int value) {
            this.quotaLimit = value;
            return this;
        }

        /**
         * Sets whether parts may be reserved.
         *
         * @param value true if partly available
         * @return this builder
         */
        public Builder partlyAvailable(boolean value) {
            this.partlyAvailable = value;
            return this;
        }

        /**
         * Sets whether reservations wait for manual approval.
         *
         * @param value true for manual approval
         * @return this builder
         */
        public Builder approveManually(boolean value) {
            this.approveManually = value;
            return this;
        }

        /**
         * Sets the zone.
         *
         * @param value a zone id, or null
         * @return this builder
         */
        public Builder timezone(@Nullable String value) {
            this.timezone = value;
            return this;
        }

        /**
         * Sets the caller's data.
         *
         * @param value a JSON object, or null for none
         * @return this builder
         */
        public Builder data(@Nullable Map<String, Object> value) {
            this.data = value;
            return this;
        }

        /**
         * Sets the start, UTC; {@link #build()} snaps it down to the raster.
         *
         * @param value the start
         * @return this builder
         */
        public Builder start(Instant value) {
            this.start = value;
            return this;
        }

        /**
         * Sets the end, UTC, exclusive or in stored form; {@link #build()} rasters it to the
         * stored form (10:00 and 09:59:59.999999 both give 09:59:59.999999 on a raster of 5).
         *
         * @param value the end
         * @return this builder
         */
        public Builder end(Instant value) {
            this.end = value;
            return this;
        }

        /**
         * Sets start and end from a span; {@link #build()} rasters them.
         *
         * @param value the span, its end exclusive or in stored form
         * @return this builder
         */
        public Builder timespan(Timespan value) {
            this.start = value.start();
            this.end = value.end();
            return this;
        }

        /**
         * Sets the raster.
         *
         * @param value the raster
         * @return this builder
         */
        public Builder raster(Raster value) {
            this.raster = value;
            return this;
        }

        /**
         * Sets the creation timestamp.
         *
         * @param value the instant, or null
         * @return this builder
         */
        public Builder created(@Nullable Instant value) {
            this.created = value;
            return this;
        }

        /**
         * Sets the modification timestamp.
         *
         * @param value the instant, or null
         * @return this builder
         */
        public Builder modified(@Nullable Instant value) {
            this.modified = value;
            return this;
        }

        /**
         * Builds the allocation.
         *
         * @return the allocation
         * @throws InvalidAllocationError if resource, mirrorOf, group, start, end or raster is
         *     missing, the quota is below 1 or the quota limit below 0
         */
        public Allocation build() {
            return new Allocation(this, false);
        }

        /**
         * Builds the allocation with start and end exactly as given, not rastered: for storages
         * turning a stored row back into an allocation (a row libres or this library wrote is
         * already aligned; one that is not must stay visible to {@code Scheduler#checkIntegrity()}).
         *
         * @return the allocation
         * @throws InvalidAllocationError if resource, mirrorOf, group, start, end or raster is
         *     missing, the quota is below 1 or the quota limit below 0
         */
        public Allocation buildAsStored() {
            return new Allocation(this, true);
        }
    }
}
