package io.libres.db.models;

import org.jspecify.annotations.Nullable;

import io.libres.time.Raster;
import io.libres.time.Rasterizer;
import io.libres.time.Timespan;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * One reserved raster slot of an allocation, a row of {@code reserved_slots}. Its key
 * (resource, start) is unique, which is what makes double booking impossible.
 *
 * @param resource the resource of the allocation (a mirror's resource for mirrors)
 * @param start the slot's start, UTC
 * @param end the slot's end in stored form (minus one microsecond), UTC
 * @param allocationId the id of the allocation the slot belongs to
 * @param source whether a reservation or a blocker wrote the slot
 * @param reservationToken the token of the reservation or blocker
 * @param sourceId the id of the reservation or blocker
 * @param created when the slot was written, UTC; null before it is stored
 * @param modified when the slot was last changed, UTC; null if never
 */
public record ReservedSlot(UUID resource, Instant start, Instant end, int allocationId,
        SlotSource source, UUID reservationToken, int sourceId, @Nullable Instant created, @Nullable Instant modified) {

    /**
     * Validates the required columns.
     *
     * @param resource the resource of the allocation (a mirror's resource for mirrors)
     * @param start the slot's start, UTC
     * @param end the slot's end in stored form (minus one microsecond), UTC
     * @param allocationId the id of the allocation the slot belongs to
     * @param source whether a reservation or a blocker wrote the slot
     * @param reservationToken the token of the reservation or blocker
     * @param sourceId the id of the reservation or blocker
     * @param created when the slot was written, UTC; null before it is stored
     * @param modified when the slot was last changed, UTC; null if never
     * @throws io.libres.errors.InvalidArgument if resource, start, end, source or token is missing
     */
    public ReservedSlot {
        if (resource == null || start == null || end == null || source == null || reservationToken == null) {
            throw new io.libres.errors.InvalidArgument("a reserved slot needs a resource, start, end, source and"
                    + " token; got resource " + resource + ", " + start + " - " + end + ", source " + source
                    + ", token " + reservationToken);
        }
    }

    /**
     * A new, not yet stored slot.
     *
     * @param allocation the stored allocation the slot belongs to
     * @param slot the slot's span
     * @param source what writes it
     * @param token the token of the reservation or blocker
     * @param sourceId the id of the reservation or blocker
     * @return the slot, without timestamps
     */
    public static ReservedSlot of(Allocation allocation, Timespan slot, SlotSource source,
            UUID token, int sourceId) {
        return new ReservedSlot(allocation.resource(), slot.start(), slot.end(), allocation.requireId(),
                source, token, sourceId, null, null);
    }

    /**
     * The slot's span.
     *
     * @return start to stored end
     */
    public Timespan timespan() {
        return new Timespan(start, end);
    }

    /**
     * When the slot was written.
     *
     * @return the creation instant, empty before it is stored
     */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(created);
    }

    /**
     * The start, rastered to the allocation's raster, in a zone.
     *
     * @param zone the zone to display in
     * @param raster the allocation's raster
     * @return the start
     */
    public ZonedDateTime displayStart(ZoneId zone, Raster raster) {
        return Rasterizer.rasterizeStart(start, raster).atZone(zone);
    }

    /**
     * The end, rastered to the allocation's raster, plus one microsecond, in a zone.
     *
     * @param zone the zone to display in
     * @param raster the allocation's raster
     * @return the exclusive end
     */
    public ZonedDateTime displayEnd(ZoneId zone, Raster raster) {
        return Rasterizer.rasterizeEnd(end, raster).plus(Timespan.MICROSECOND).atZone(zone);
    }

    /**
     * The start in the allocation's zone, rastered to its raster.
     *
     * @param allocation the allocation the slot belongs to
     * @return the start
     */
    public ZonedDateTime displayStart(Allocation allocation) {
        return displayStart(allocation.zone(), allocation.raster());
    }

    /**
     * The exclusive end in the allocation's zone, rastered to its raster.
     *
     * @param allocation the allocation the slot belongs to
     * @return the end plus one microsecond
     */
    public ZonedDateTime displayEnd(Allocation allocation) {
        return displayEnd(allocation.zone(), allocation.raster());
    }

    /**
     * The start in its allocation's zone, rastered to its raster, the allocation read from storage
     * (libres' {@code display_start()}).
     *
     * @param lookup the unit of work to read from
     * @return the start
     * @throws io.libres.errors.NoResultFound if the slot's allocation is not stored
     */
    public ZonedDateTime displayStart(Lookup lookup) {
        return displayStart(allocationIn(lookup));
    }

    /**
     * The start in a zone, rastered to its allocation's raster, the allocation read from storage
     * (libres' {@code display_start(timezone)}).
     *
     * @param lookup the unit of work to read from
     * @param zone the zone to display in
     * @return the start
     * @throws io.libres.errors.NoResultFound if the slot's allocation is not stored
     */
    public ZonedDateTime displayStart(Lookup lookup, ZoneId zone) {
        return displayStart(requireZone(zone), allocationIn(lookup).raster());
    }

    /**
     * The exclusive end in its allocation's zone, rastered to its raster, the allocation read from
     * storage (libres' {@code display_end()}).
     *
     * @param lookup the unit of work to read from
     * @return the end plus one microsecond
     * @throws io.libres.errors.NoResultFound if the slot's allocation is not stored
     */
    public ZonedDateTime displayEnd(Lookup lookup) {
        return displayEnd(allocationIn(lookup));
    }

    /**
     * The exclusive end in a zone, rastered to its allocation's raster, the allocation read from
     * storage (libres' {@code display_end(timezone)}).
     *
     * @param lookup the unit of work to read from
     * @param zone the zone to display in
     * @return the end plus one microsecond
     * @throws io.libres.errors.NoResultFound if the slot's allocation is not stored
     */
    public ZonedDateTime displayEnd(Lookup lookup, ZoneId zone) {
        return displayEnd(requireZone(zone), allocationIn(lookup).raster());
    }

    private static ZoneId requireZone(ZoneId zone) {
        if (zone == null) {
            throw new io.libres.errors.InvalidArgument("the zone to display in is missing; expected a zone");
        }
        return zone;
    }

    private Allocation allocationIn(Lookup lookup) {
        if (lookup == null) {
            throw new io.libres.errors.InvalidArgument("the lookup is missing; expected scheduler.lookup()");
        }
        return lookup.allocationById(allocationId).orElseThrow(() -> new io.libres.errors.NoResultFound(
                "the allocation " + allocationId + " of the reserved slot " + resource + " at " + start
                        + " is not stored; expected the slot of a stored allocation"));
    }

    /**
     * This slot moved to another allocation (used when mirrors are reorganised).
     *
     * @param target the allocation that takes the slot over
     * @return the moved slot
     */
    public ReservedSlot movedTo(Allocation target) {
        return new ReservedSlot(target.resource(), start, end, target.requireId(), source,
                reservationToken, sourceId, created, modified);
    }
}
