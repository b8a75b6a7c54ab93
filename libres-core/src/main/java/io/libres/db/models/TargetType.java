package io.libres.db.models;

import io.libres.errors.LibresException;

/**
 * What a reservation or blocker targets: a whole group of allocations, or one allocation by
 * its dates. Stored as the PostgreSQL enums {@code reservation_target_type} and
 * {@code reservation_blocker_target_type}.
 */
public enum TargetType {
    /** The target is the uuid of an allocation group; every allocation of it is reserved. */
    GROUP("group"),
    /** The target is the group of one allocation, reserved between a start and an end. */
    ALLOCATION("allocation");

    private final String dbValue;

    TargetType(String dbValue) {
        this.dbValue = dbValue;
    }

    /**
     * The value stored in the database.
     *
     * @return {@code "group"} or {@code "allocation"}
     */
    public String dbValue() {
        return dbValue;
    }

    /**
     * Reads a stored value.
     *
     * @param value {@code "group"} or {@code "allocation"}
     * @return the target type
     * @throws LibresException if the value is neither
     */
    public static TargetType fromDbValue(String value) {
        for (TargetType type : values()) {
            if (type.dbValue.equals(value)) {
                return type;
            }
        }
        throw new LibresException("unknown target type '" + value + "'; expected 'group' or 'allocation'");
    }
}
