package io.libres.postgres;

import io.libres.db.models.ReservedSlot;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.SerializationFailure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The PostgreSQL recipe for inserting reserved slots, the rows whose primary key (resource, start)
 * makes double booking impossible. Every SQL adapter calls it with the connection of its unit of
 * work, so the three ways an insert can meet a taken slot are told apart in one place:
 *
 * <ul>
 *   <li>a slot <em>visible</em> to the unit of work (committed before its snapshot, or written by
 *       itself): {@link AlreadyReservedError}; nothing of the batch stays inserted and the
 *       transaction stays usable (no statement failed, so no savepoint is needed);</li>
 *   <li>two slots of the batch with the same key (batch twins): {@link AlreadyReservedError} the
 *       same way;</li>
 *   <li>a slot committed (or being committed) by a concurrent unit of work that this one cannot
 *       see: a retryable {@link SerializationFailure} (SQLSTATE 40001), never
 *       {@link AlreadyReservedError}, since running the unit of work again may well succeed
 *       differently (it then sees the slot and decides anew).</li>
 * </ul>
 *
 * <p>Why {@code INSERT ... ON CONFLICT DO NOTHING}: a plain {@code INSERT} reports a unique
 * violation (23505) for a visible and for an invisible duplicate alike, and aborts the
 * transaction. With {@code ON CONFLICT DO NOTHING}, PostgreSQL skips a visible duplicate (and a
 * twin), which {@code RETURNING} reveals, and raises a serialization failure for a duplicate the
 * transaction's snapshot cannot see, under REPEATABLE READ and SERIALIZABLE. One statement for the
 * whole batch, plus one to undo the inserted part when a duplicate was met.
 */
public final class ReservedSlotInserts {

    private static final String COLUMNS = "resource, start, \"end\", allocation_id, source_type, reservation_token,"
            + " source_id, created, modified";

    private ReservedSlotInserts() {
    }

    /**
     * Inserts new reserved slots, all or none; their {@code created} is {@code now}, {@code modified}
     * is NULL.
     *
     * @param connection the unit of work's connection, in a SERIALIZABLE transaction
     * @param slots the slots to insert; an empty list sends nothing
     * @param now the unit of work's time
     * @throws AlreadyReservedError if a slot of the batch is stored and visible, or the batch holds
     *     two slots with one key; nothing is inserted and the transaction stays usable
     * @throws SerializationFailure if a concurrent unit of work holds one of the slots
     * @throws io.libres.errors.StorageException if the database refuses otherwise
     */
    public static void insert(Connection connection, List<ReservedSlot> slots, Instant now) {
        insert(connection, slots, now, false, "inserting reserved slots");
    }

    /**
     * Inserts reserved slots that move from other allocations, all or none: each keeps its
     * {@code created}, {@code modified} becomes {@code now}. Conflicts as for {@link #insert}.
     *
     * @param connection the unit of work's connection, in a SERIALIZABLE transaction
     * @param slots the moved slots (already carrying their new resource and allocation id)
     * @param now the unit of work's time
     * @throws AlreadyReservedError if a destination holds a visible slot at the start of a moved one,
     *     or two moved slots meet; nothing of this batch is inserted
     * @throws SerializationFailure if a concurrent unit of work holds one of the destinations
     * @throws io.libres.errors.StorageException if the database refuses otherwise
     */
    public static void insertMoved(Connection connection, List<ReservedSlot> slots, Instant now) {
        insert(connection, slots, now, true, "moving reserved slots");
    }

    /**
     * The key of a reserved slot, as {@code RETURNING resource, start} gives it back.
     *
     * @param resource the slot's resource
     * @param start the slot's start
     */
    public record Key(UUID resource, Instant start) {

        /**
         * The key of a slot.
         *
         * @param slot the slot
         * @return its key
         */
        public static Key of(ReservedSlot slot) {
            return new Key(slot.resource(), slot.start());
        }
    }

    /**
     * The decision of the recipe for an adapter that sends the insert through its own toolkit (jOOQ,
     * so that the application's {@code ExecuteListener}s see it): after
     * {@code INSERT ... ON CONFLICT ON CONSTRAINT reserved_slots_pkey DO NOTHING RETURNING resource, start},
     * the slots the database skipped were visible duplicates or batch twins. The adapter then deletes
     * the inserted keys (all or none) and throws the error; SQL errors it translates with
     * {@link SqlErrors#translate} (an invisible duplicate arrives as SQLSTATE 40001).
     *
     * @param slots the slots the insert was given
     * @param inserted the keys it returned
     * @param doing what was being done, for the message
     * @return the error to throw, empty if every slot went in
     */
    public static Optional<AlreadyReservedError> skipped(List<ReservedSlot> slots, Collection<Key> inserted,
            String doing) {
        if (inserted.size() == slots.size()) {
            return Optional.empty();
        }
        Set<Key> done = new HashSet<>(inserted);
        ReservedSlot taken = slots.stream().filter(s -> !done.remove(Key.of(s))).findFirst().orElse(slots.get(0));
        return Optional.of(new AlreadyReservedError("the slot of " + taken.resource() + " at " + taken.start()
                + " is already reserved (" + SqlErrors.RESERVED_SLOTS_KEY + ") while " + doing
                + "; expected a free slot; nothing was inserted"));
    }

    private static void insert(Connection connection, List<ReservedSlot> slots, Instant now, boolean moved,
            String doing) {
        if (slots.isEmpty()) {
            return;
        }
        List<Key> inserted = new ArrayList<>(slots.size());
        String sql = "INSERT INTO reserved_slots (" + COLUMNS + ")"
                + " SELECT r, CAST(s AS timestamp), CAST(e AS timestamp), a, CAST(t AS reserved_slot_source_type), k, i,"
                + (moved ? " CAST(c AS timestamp), ?" : " ?, NULL")
                + " FROM unnest(?, ?, ?, ?, ?, ?, ?, ?) AS x(r, s, e, a, t, k, i, c)"
                + " ON CONFLICT ON CONSTRAINT " + SqlErrors.RESERVED_SLOTS_KEY + " DO NOTHING"
                + " RETURNING resource, start";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, Jdbc.utc(now));
            statement.setArray(2, Jdbc.array(connection, "uuid", slots, ReservedSlot::resource));
            statement.setArray(3, Jdbc.timestamps(connection, slots, ReservedSlot::start));
            statement.setArray(4, Jdbc.timestamps(connection, slots, ReservedSlot::end));
            statement.setArray(5, Jdbc.array(connection, "integer", slots, ReservedSlot::allocationId));
            statement.setArray(6, Jdbc.array(connection, "text", slots, s -> s.source().dbValue()));
            statement.setArray(7, Jdbc.array(connection, "uuid", slots, ReservedSlot::reservationToken));
            statement.setArray(8, Jdbc.array(connection, "integer", slots, ReservedSlot::sourceId));
            statement.setArray(9, Jdbc.timestamps(connection, slots, ReservedSlot::created));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    inserted.add(new Key(Jdbc.uuid(rs, "resource"), Jdbc.instant(rs, "start")));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(doing, e);
        }
        Optional<AlreadyReservedError> duplicate = skipped(slots, inserted, doing);
        if (duplicate.isPresent()) {
            undo(connection, inserted);
            throw duplicate.get();
        }
    }

    /** Removes the part of a batch that went in before the duplicate was noticed: all or none. */
    private static void undo(Connection connection, List<Key> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM reserved_slots"
                + " WHERE (resource, start) IN (SELECT r, CAST(s AS timestamp) FROM unnest(?, ?) AS x(r, s))")) {
            statement.setArray(1, Jdbc.array(connection, "uuid", inserted, Key::resource));
            statement.setArray(2, Jdbc.timestamps(connection, inserted, Key::start));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate("undoing a partial insert of reserved slots", e);
        }
    }
}
