package io.libres.testkit.memory;

import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.ReservedSlot;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The four tables of libres 1.2 and libres for Java's blocker data; the records are immutable, so a
 * copy of the maps is a snapshot.
 */
final class Tables {

    /** The key of reserved slots and of allocations: resource and start. */
    record Key(UUID resource, Instant start) {
    }

    /** The key of blocker data: resource and token. */
    record TokenKey(UUID resource, UUID token) {
    }

    final TreeMap<Integer, Allocation> allocations;
    final Map<Key, Integer> allocationKeys;
    final Map<Key, ReservedSlot> slots;
    final TreeMap<Integer, Reservation> reservations;
    final TreeMap<Integer, ReservationBlocker> blockers;
    final Map<TokenKey, Map<String, Object>> blockerData;

    /** Built by the first read that needs it, dropped by {@link #changed()}; never copied. */
    private volatile TableIndex index;

    Tables() {
        this(new TreeMap<>(), new HashMap<>(), new HashMap<>(), new TreeMap<>(), new TreeMap<>(), new HashMap<>());
    }

    private Tables(TreeMap<Integer, Allocation> allocations, Map<Key, Integer> allocationKeys,
            Map<Key, ReservedSlot> slots, TreeMap<Integer, Reservation> reservations,
            TreeMap<Integer, ReservationBlocker> blockers, Map<TokenKey, Map<String, Object>> blockerData) {
        this.allocations = allocations;
        this.allocationKeys = allocationKeys;
        this.slots = slots;
        this.reservations = reservations;
        this.blockers = blockers;
        this.blockerData = blockerData;
    }

    /**
     * The indexes of the current content, built if none is.
     *
     * @return the indexes
     */
    TableIndex index() {
        TableIndex current = index;
        if (current == null) {
            // states shared by several threads are never written again, so a race only builds twice
            current = new TableIndex(this);
            index = current;
        }
        return current;
    }

    /** Drops the indexes: the content is about to change. */
    void changed() {
        index = null;
    }

    /** Replaces the content of these tables by that of a snapshot. */
    void restore(Tables snapshot) {
        allocations.clear();
        allocations.putAll(snapshot.allocations);
        allocationKeys.clear();
        allocationKeys.putAll(snapshot.allocationKeys);
        slots.clear();
        slots.putAll(snapshot.slots);
        reservations.clear();
        reservations.putAll(snapshot.reservations);
        blockers.clear();
        blockers.putAll(snapshot.blockers);
        blockerData.clear();
        blockerData.putAll(snapshot.blockerData);
    }

    Tables copy() {
        return new Tables(new TreeMap<>(allocations), new HashMap<>(allocationKeys), new HashMap<>(slots),
                new TreeMap<>(reservations), new TreeMap<>(blockers), new HashMap<>(blockerData));
    }
}
