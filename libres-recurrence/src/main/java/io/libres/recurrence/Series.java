package io.libres.recurrence;

import java.util.List;
import java.util.UUID;

/**
 * A series read back after commit: its rules and its records (allocations or reservations).
 *
 * @param <T> the kind of record
 * @param id the series' id (for reservations, their token)
 * @param parts the rules, by the day they apply from; the first is the rule booked, each further
 *     one a "this and following" change
 * @param members the records of the series, in order of start
 */
public record Series<T>(UUID id, List<SeriesPart> parts, List<T> members) {

    /**
     * Copies the lists so the series stays immutable.
     *
     * @param id the id
     * @param parts the rules
     * @param members the records
     */
    public Series {
        parts = List.copyOf(parts);
        members = List.copyOf(members);
    }

    /**
     * The rule the series was booked with.
     *
     * @return the first part
     */
    public SeriesPart first() {
        return parts.get(0);
    }
}
