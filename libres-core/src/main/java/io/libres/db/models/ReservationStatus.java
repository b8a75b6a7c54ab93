package io.libres.db.models;

import io.libres.errors.LibresException;

/**
 * The state of a reservation, stored as the PostgreSQL enum {@code reservation_status}.
 */
public enum ReservationStatus {
    /** Made but not yet approved; holds no reserved slots. */
    PENDING("pending"),
    /** Approved; its reserved slots are written. */
    APPROVED("approved");

    private final String dbValue;

    ReservationStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    /**
     * The value stored in the database.
     *
     * @return {@code "pending"} or {@code "approved"}
     */
    public String dbValue() {
        return dbValue;
    }

    /**
     * Reads a stored value.
     *
     * @param value {@code "pending"} or {@code "approved"}
     * @return the status
     * @throws LibresException if the value is neither
     */
    public static ReservationStatus fromDbValue(String value) {
        for (ReservationStatus status : values()) {
            if (status.dbValue.equals(value)) {
                return status;
            }
        }
        throw new LibresException("unknown reservation status '" + value + "'; expected 'pending' or 'approved'");
    }
}
