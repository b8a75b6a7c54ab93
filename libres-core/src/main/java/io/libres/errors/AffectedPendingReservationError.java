package io.libres.errors;

import io.libres.db.models.Reservation;

import java.util.Optional;

/**
 * Thrown when a change to an allocation would affect a pending reservation, one not yet approved
 * that still targets the allocation.
 */
public class AffectedPendingReservationError extends AffectedReservationError {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#AFFECTED_PENDING_RESERVATION}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.AFFECTED_PENDING_RESERVATION;
    }

    private final transient Reservation pending;

    /**
     * Creates the exception naming the pending reservation in the way.
     *
     * @param message what was wrong and what was expected
     * @param pending the affected pending reservation
     */
    public AffectedPendingReservationError(String message, Reservation pending) {
        super(message, null);
        this.pending = pending;
    }

    /**
     * The pending reservation that would be affected.
     *
     * @return the reservation
     */
    public Optional<Reservation> pendingReservation() {
        return Optional.ofNullable(pending);
    }
}
