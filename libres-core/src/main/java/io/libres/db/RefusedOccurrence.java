package io.libres.db;

import io.libres.errors.LibresException;
import io.libres.db.internal.Arguments;
import io.libres.time.Timespan;

/**
 * One occurrence of a series that could not be booked, and why.
 *
 * @param index the occurrence's position in the dates given, from 0
 * @param span the occurrence as UTC instants
 * @param reason the typed error booking it alone would have raised
 */
public record RefusedOccurrence(int index, Timespan span, LibresException reason) {

    /**
     * Checks the values.
     *
     * @param index the occurrence's position in the dates given, from 0
     * @param span the occurrence as UTC instants
     * @param reason the typed error booking it alone would have raised
     * @throws io.libres.errors.InvalidArgument if the span or reason is missing or the index negative
     */
    public RefusedOccurrence {
        Arguments.require(span, "span");
        Arguments.require(reason, "reason");
        if (index < 0) {
            throw new io.libres.errors.InvalidArgument("an occurrence index of " + index
                    + " is invalid; expected 0 or more");
        }
    }

    /**
     * A line for messages: the span and the reason.
     *
     * @return the description
     */
    public String describe() {
        return span.start() + " - " + span.end() + ": " + reason.getClass().getSimpleName() + " (" + reason.getMessage() + ")";
    }
}
