package io.libres.db;

import io.libres.db.internal.Arguments;

import java.util.List;
import java.util.UUID;

/**
 * What booking several occurrences under one token did.
 *
 * @param token the token every booked occurrence shares
 * @param booked the positions (from 0, ascending) of the occurrences booked, in the dates given
 * @param refused the occurrences not booked, with the reason of each, in the order given
 */
public record OccurrenceOutcome(UUID token, List<Integer> booked, List<RefusedOccurrence> refused) {

    /**
     * Copies the lists so the outcome stays immutable.
     *
     * @param token the token every booked occurrence shares
     * @param booked the positions of the occurrences booked
     * @param refused the occurrences not booked
     * @throws io.libres.errors.InvalidArgument if a value is missing
     */
    public OccurrenceOutcome {
        Arguments.require(token, "token");
        booked = List.copyOf(Arguments.require(booked, "booked"));
        refused = List.copyOf(Arguments.require(refused, "refused"));
    }
}
