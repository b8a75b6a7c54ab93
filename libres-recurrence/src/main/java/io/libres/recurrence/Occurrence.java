package io.libres.recurrence;

import io.libres.time.DateRange;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One occurrence of a series: a start and an end as wall-clock times of the scheduler's zone.
 *
 * @param start the start, in the scheduler's zone
 * @param end the end, in the scheduler's zone: the start plus the duration on the wall clock
 */
public record Occurrence(LocalDateTime start, LocalDateTime end) {

    /**
     * Checks the values.
     *
     * @param start the start
     * @param end the end
     * @throws InvalidRecurrenceRule if a value is missing or the end is not after the start
     */
    public Occurrence {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new InvalidRecurrenceRule("an occurrence from " + start + " to " + end
                    + " is invalid; expected an end after the start");
        }
    }

    /**
     * The day the occurrence starts on.
     *
     * @return the day, in the scheduler's zone
     */
    public LocalDate day() {
        return start.toLocalDate();
    }

    /**
     * The occurrence as the scheduler takes dates; local times are read in its zone.
     *
     * @return the date range
     */
    public DateRange dates() {
        return DateRange.of(start, end);
    }
}
