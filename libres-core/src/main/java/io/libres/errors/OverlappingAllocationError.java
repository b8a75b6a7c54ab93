package io.libres.errors;

import io.libres.db.models.Allocation;

import java.time.Instant;

/**
 * Thrown when a new or moved allocation would overlap an existing allocation of the same
 * resource; allocations of one resource never overlap.
 */
public class OverlappingAllocationError extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#OVERLAPPING_ALLOCATION}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.OVERLAPPING_ALLOCATION;
    }

    /** The rastered start of the requested span, UTC. */
    private final Instant start;
    /** The rastered end of the requested span in stored form (minus one microsecond), UTC. */
    private final Instant end;
    private final transient Allocation existing;

    /**
     * Creates the exception.
     *
     * @param start the rastered start of the requested span
     * @param end the rastered (stored) end of the requested span
     * @param existing the allocation it overlaps
     */
    public OverlappingAllocationError(Instant start, Instant end, Allocation existing) {
        super("the span " + start + " - " + end + " overlaps the existing allocation "
                + existing.describe() + "; expected a span free of other allocations");
        this.start = start;
        this.end = end;
        this.existing = existing;
    }

    /**
     * The start of the span that was requested.
     *
     * @return the rastered start
     */
    public Instant start() {
        return start;
    }

    /**
     * The end of the span that was requested.
     *
     * @return the rastered end in stored form
     */
    public Instant end() {
        return end;
    }

    /**
     * The allocation that is in the way.
     *
     * @return the existing allocation
     */
    public Allocation existing() {
        return existing;
    }
}
