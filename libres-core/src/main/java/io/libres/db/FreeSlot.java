package io.libres.db;

import io.libres.db.models.Allocation;
import io.libres.time.DateRange;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A free time found by {@link Schedulers#freeSlots}: where, when, and how many spots are free.
 *
 * @param scheduler the name of the scheduler it belongs to
 * @param resource that scheduler's resource
 * @param allocation the master allocation the slot lies in (for a group, its first member)
 * @param group for a grouped allocation, every master of the group ordered by start (the slot
 *     is then the whole group, reservable only as such); empty otherwise
 * @param start the start in the scheduler's zone
 * @param end the exclusive end in the scheduler's zone
 * @param freeSpots how many spots (master and mirrors) are free for the whole slot, at least the
 *     minimum asked; for a scheduler with blocking names, no more than the blocking allocations
 *     leave free
 */
public record FreeSlot(String scheduler, UUID resource, Allocation allocation, List<Allocation> group,
        ZonedDateTime start, ZonedDateTime end, int freeSpots) {

    /**
     * Copies the group.
     *
     * @param scheduler the name of the scheduler it belongs to
     * @param resource that scheduler's resource
     * @param allocation the master allocation the slot lies in (for a group, its first member)
     * @param group every master of the group, or empty
     * @param start the start in the scheduler's zone
     * @param end the exclusive end in the scheduler's zone
     * @param freeSpots how many spots are free for the whole slot
     */
    public FreeSlot {
        group = List.copyOf(group);
    }

    /** @return the start as an instant */
    public Instant startInstant() {
        return start.toInstant();
    }

    /** @return the exclusive end as an instant */
    public Instant endInstant() {
        return end.toInstant();
    }

    /** @return true if the slot is a whole group of allocations, reserved with {@code reserveGroup} */
    public boolean isGroup() {
        return !group.isEmpty();
    }

    /**
     * The slot as a range to hand to {@link Scheduler#reserve(String, DateRange)} of its scheduler.
     *
     * @return start to end
     */
    public DateRange dates() {
        return DateRange.of(start, end);
    }
}
