package io.libres.db;

/**
 * What a call booking several occurrences (the dates of a series) does when some of them cannot
 * be booked.
 */
public enum OccurrencePolicy {

    /** Book every occurrence or none: one refused occurrence refuses the call, naming every refused one. */
    ALL_OR_NOTHING,

    /** Book the occurrences that can be booked and report the refused ones with the reason of each. */
    BOOK_WHAT_IS_FREE
}
