package io.libres.db.models;

import io.libres.errors.LibresException;

/**
 * What wrote a reserved slot, stored as the PostgreSQL enum {@code reserved_slot_source_type}.
 */
public enum SlotSource {
    /** An approved reservation; the slot's source id is the reservation's id. */
    RESERVATION("reservation"),
    /** A blocker; the slot's source id is the blocker's id. */
    BLOCKER("blocker");

    private final String dbValue;

    SlotSource(String dbValue) {
        this.dbValue = dbValue;
    }

    /**
     * The value stored in the database.
     *
     * @return {@code "reservation"} or {@code "blocker"}
     */
    public String dbValue() {
        return dbValue;
    }

    /**
     * Reads a stored value.
     *
     * @param value {@code "reservation"} or {@code "blocker"}
     * @return the source
     * @throws LibresException if the value is neither
     */
    public static SlotSource fromDbValue(String value) {
        for (SlotSource source : values()) {
            if (source.dbValue.equals(value)) {
                return source;
            }
        }
        throw new LibresException("unknown reserved slot source '" + value + "'; expected 'reservation' or 'blocker'");
    }
}
