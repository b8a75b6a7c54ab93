package io.libres.errors;

import org.jspecify.annotations.Nullable;

import io.libres.db.models.ReservedSlot;

import java.util.Optional;

/**
 * Thrown when a change to an allocation (moving, removing, lowering its quota) would affect a
 * reserved slot, that is an approved reservation or a blocker.
 */
public class AffectedReservationError extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#AFFECTED_RESERVATION}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.AFFECTED_RESERVATION;
    }

    private final transient ReservedSlot existing;

    /**
     * Creates the exception naming the reserved slot in the way.
     *
     * @param message what was wrong and what was expected
     * @param existing the affected reserved slot, or null if the change is blocked by the
     *     number of reserved slots rather than one of them
     */
    public AffectedReservationError(String message, @Nullable ReservedSlot existing) {
        super(message);
        this.existing = existing;
    }

    /**
     * The reserved slot that would be affected.
     *
     * @return the slot, empty if no single slot is to blame (a quota that cannot be lowered)
     */
    public Optional<ReservedSlot> existing() {
        return Optional.ofNullable(existing);
    }
}
