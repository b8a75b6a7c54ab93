package io.libres.db;

import io.libres.errors.InvalidArgument;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One thing wrong in the stored records, found by an integrity check
 * ({@link Scheduler#checkIntegrity()}, {@link IntegrityCheck}): what is wrong ({@link #kind()})
 * and which rows show it (ids of allocations, reservations and blockers, keys of reserved slots).
 *
 * <p>Every storage reports the same violation for the same rows, with the same message, so
 * violations compare equal across storages. Immutable.
 *
 * @param kind what is wrong; stable, meant for code
 * @param message what is wrong, in words, with the rows; for people and logs
 * @param allocationIds the allocations involved, ascending; may be empty
 * @param reservationIds the reservations involved, ascending; may be empty
 * @param blockerIds the blockers involved, ascending; may be empty
 * @param slots the reserved slots involved, by key, in key order; may be empty
 */
public record IntegrityViolation(Kind kind, String message, List<Integer> allocationIds, List<Integer> reservationIds,
        List<Integer> blockerIds, List<SlotKey> slots) {

    /** The order integrity checks list violations in: by kind, then by the rows involved. */
    public static final Comparator<IntegrityViolation> ORDER = Comparator.comparing(IntegrityViolation::kind)
            .thenComparing(IntegrityViolation::allocationIds, IntegrityViolation::compareLists)
            .thenComparing(IntegrityViolation::reservationIds, IntegrityViolation::compareLists)
            .thenComparing(IntegrityViolation::blockerIds, IntegrityViolation::compareLists)
            .thenComparing(IntegrityViolation::slots, IntegrityViolation::compareLists);

    /**
     * Checks and copies the parts.
     *
     * @param kind what is wrong
     * @param message the description
     * @param allocationIds the allocations involved
     * @param reservationIds the reservations involved
     * @param blockerIds the blockers involved
     * @param slots the slots involved
     * @throws InvalidArgument if a part is missing
     */
    public IntegrityViolation {
        if (kind == null || message == null || allocationIds == null || reservationIds == null || blockerIds == null
                || slots == null) {
            throw new InvalidArgument("an integrity violation needs a kind, a message and lists of rows (empty"
                    + " when none); got kind " + kind + ", message " + message);
        }
        allocationIds = allocationIds.stream().sorted().distinct().collect(Collectors.toUnmodifiableList());
        reservationIds = reservationIds.stream().sorted().distinct().collect(Collectors.toUnmodifiableList());
        blockerIds = blockerIds.stream().sorted().distinct().collect(Collectors.toUnmodifiableList());
        slots = slots.stream().sorted().distinct().collect(Collectors.toUnmodifiableList());
    }

    /**
     * A violation with the standard message of its kind followed by the rows involved.
     *
     * @param kind what is wrong
     * @param allocationIds the allocations involved
     * @param reservationIds the reservations involved
     * @param blockerIds the blockers involved
     * @param slots the slots involved
     * @return the violation
     * @throws InvalidArgument if a part is missing
     */
    public static IntegrityViolation of(Kind kind, List<Integer> allocationIds, List<Integer> reservationIds,
            List<Integer> blockerIds, List<SlotKey> slots) {
        if (kind == null) {
            throw new InvalidArgument("an integrity violation needs a kind; got none");
        }
        IntegrityViolation rows = new IntegrityViolation(kind, "", allocationIds, reservationIds, blockerIds, slots);
        StringBuilder message = new StringBuilder(kind.description());
        append(message, "allocations", rows.allocationIds);
        append(message, "reservations", rows.reservationIds);
        append(message, "blockers", rows.blockerIds);
        append(message, "reserved slots", rows.slots);
        return new IntegrityViolation(kind, message.toString(), rows.allocationIds, rows.reservationIds,
                rows.blockerIds, rows.slots);
    }

    private static void append(StringBuilder message, String what, List<?> rows) {
        if (!rows.isEmpty()) {
            message.append("; ").append(what).append(' ').append(rows);
        }
    }

    private static <T extends Comparable<? super T>> int compareLists(List<T> left, List<T> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int c = left.get(i).compareTo(right.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    /**
     * The key of a reserved slot: its resource (master or mirror) and its start, UTC.
     *
     * @param resource the slot's resource
     * @param start the slot's start
     */
    public record SlotKey(UUID resource, Instant start) implements Comparable<SlotKey> {

        /**
         * Checks the parts.
         *
         * @param resource the slot's resource
         * @param start the slot's start
         * @throws InvalidArgument if a part is missing
         */
        public SlotKey {
            if (resource == null || start == null) {
                throw new InvalidArgument("a reserved slot key needs a resource and a start; got " + resource + ", "
                        + start);
            }
        }

        /**
         * Orders keys by start, then by resource as PostgreSQL orders uuids (their text form).
         *
         * @param other the other key
         * @return negative, zero or positive
         */
        @Override
        public int compareTo(SlotKey other) {
            int c = start.compareTo(other.start);
            return c != 0 ? c : resource.toString().compareTo(other.resource.toString());
        }

        @Override
        public String toString() {
            return resource + "@" + start;
        }
    }

    /** What is wrong. The names are stable: code may switch on them. */
    public enum Kind {
        /** Two reserved slots share (resource, start): a double booking (only if the primary key is gone). */
        DUPLICATE_SLOT("two reserved slots share resource and start"),
        /** A reserved slot's allocation is not stored, or is an allocation of another resource. */
        SLOT_WITHOUT_ALLOCATION("a reserved slot lies on no stored allocation of its resource"),
        /**
         * A reserved slot is not the whole allocation (not partly available) or not one raster step
         * within it (partly available).
         */
        SLOT_OUTSIDE_ALLOCATION("a reserved slot is neither its whole allocation nor one raster step within it"),
        /** A reserved slot's source (the reservation or blocker of its token and source id) is not stored. */
        SLOT_WITHOUT_SOURCE("a reserved slot's reservation or blocker (by source type, source id and token) is not stored"),
        /** A pending reservation holds reserved slots. */
        PENDING_RESERVATION_HOLDS_SLOTS("a pending reservation holds reserved slots"),
        /**
         * An approved reservation does not hold exactly the slots its quota, span, raster and target
         * require, each start on as many distinct allocations (master or mirrors) of its target as its quota.
         */
        APPROVED_RESERVATION_SLOTS_MISMATCH("an approved reservation does not hold exactly the slots its quota, span,"
                + " raster and target require"),
        /** More allocations of a master (itself and its mirrors) hold reserved slots than its quota. */
        QUOTA_EXCEEDED("more allocations of a master (master and mirrors) hold reserved slots than its quota"),
        /** More allocations of a master (itself and its mirrors) are stored than its quota. */
        TOO_MANY_MIRRORS("more allocations of a master (master and mirrors) are stored than its quota"),
        /** A mirror has no master: no allocation of its {@code mirror_of} resource with the same start. */
        MIRROR_WITHOUT_MASTER("a mirror has no master (an allocation of its mirror_of resource at its start)"),
        /** A mirror differs from its master in end, group, partly available or raster. */
        MIRROR_MISMATCH("a mirror differs from its master in end, group, partly available or raster"),
        /** A mirror's resource is not {@code uuid5(master resource, str(n))} with 1 &lt;= n &lt; the master's quota. */
        MIRROR_RESOURCE_INVALID("a mirror's resource is not uuid5(master resource, n) with 1 <= n < the master's quota"),
        /** A reservation or blocker targets a group without a master allocation of its resource. */
        TARGET_WITHOUT_MASTER("a reservation or blocker targets a group without a master allocation of its resource"),
        /** A blocker holds no reserved slots. */
        BLOCKER_WITHOUT_SLOTS("a blocker holds no reserved slots");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /**
         * What this kind means, in words.
         *
         * @return the description
         */
        public String description() {
            return description;
        }
    }

    /**
     * Makes the standard list of violations: sorted by {@link #ORDER}.
     *
     * @param violations the violations, in any order
     * @return an immutable list in the standard order
     */
    public static List<IntegrityViolation> sorted(java.util.Collection<IntegrityViolation> violations) {
        if (violations == null) {
            throw new InvalidArgument("the violations are missing; expected a collection, empty if none");
        }
        return violations.stream().sorted(ORDER).collect(Collectors.toUnmodifiableList());
    }
}
