package io.libres.errors;

import io.libres.db.RefusedOccurrence;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when occurrences of a series cannot be booked: all of them with
 * {@link io.libres.db.OccurrencePolicy#ALL_OR_NOTHING}, or none could be booked at all. Names
 * every refused occurrence and the reason of each; nothing was written.
 */
public class OccurrencesRefused extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#OCCURRENCES_REFUSED}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.OCCURRENCES_REFUSED;
    }

    /** The refused occurrences; not serialized, as the reasons hold records. */
    private final transient List<RefusedOccurrence> refused;

    /**
     * Creates the exception.
     *
     * @param what what was booked (reservation, blocker), for the message
     * @param total how many occurrences were asked for
     * @param refused the refused occurrences
     */
    public OccurrencesRefused(String what, int total, List<RefusedOccurrence> refused) {
        super(refused.size() + " of " + total + " occurrences cannot be booked as " + what + ": "
                + refused.stream().map(RefusedOccurrence::describe).collect(Collectors.joining("; "))
                + "; expected every occurrence to be bookable (or book what is free)");
        this.refused = List.copyOf(refused);
    }

    /**
     * The refused occurrences, in the order given.
     *
     * @return every refused occurrence with its reason
     */
    public List<RefusedOccurrence> refused() {
        return refused == null ? List.of() : refused;
    }
}
