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

    /** Built by the first read that needs it, then kept up to date by the put and remove methods. */
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
            // states shared by several threads are never changed again, so a race only builds twice
            current = new TableIndex(this);
            index = current;
        }
        return current;
    }

    /** Stores an allocation under its id, replacing the one with that id; its key is the caller's. */
    void putAllocation(Allocation allocation) {
        Allocation old = allocations.put(allocation.requireId(), allocation);
        TableIndex current = index;
        if (current != null) {
            if (old != null) {
                current.remove(old);
            }
            current.add(allocation);
        }
    }

    /** Removes the allocation with an id; its key is the caller's. */
    void removeAllocation(int id) {
        Allocation old = allocations.remove(id);
        TableIndex current = index;
        if (current != null && old != null) {
            current.remove(old);
        }
    }

    /** Stores a reserved slot under its resource and start. */
    void putSlot(ReservedSlot slot) {
        Key key = new Key(slot.resource(), slot.start());
        TableIndex current = index;
        if (slots.put(key, slot) != null && current != null) {
            current.remove(key);
        }
        if (current != null) {
            current.add(slot);
        }
    }

    /** Removes the reserved slot of a resource and start. */
    void removeSlot(Key key) {
        TableIndex current = index;
        if (slots.remove(key) != null && current != null) {
            current.remove(key);
        }
    }

    /** @return a copy to change, with a copy of the indexes if these tables have them */
    Tables copy() {
        Tables copy = new Tables(new TreeMap<>(allocations), new HashMap<>(allocationKeys), new HashMap<>(slots),
                new TreeMap<>(reservations), new TreeMap<>(blockers), new HashMap<>(blockerData));
        TableIndex current = index;
        copy.index = current == null ? null : current.copy();
        return copy;
    }
}
