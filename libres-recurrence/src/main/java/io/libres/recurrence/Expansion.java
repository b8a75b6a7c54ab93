package io.libres.recurrence;

import io.libres.time.DateRange;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a recurrence gives in a zone: its occurrences, and the days skipped as exceptions or
 * holidays.
 *
 * @param occurrences the occurrences, in order
 * @param exceptions the days of rule instances skipped as exception days (EXDATE), in order
 * @param holidays the days of rule instances skipped as holidays, in order
 */
public record Expansion(List<Occurrence> occurrences, List<LocalDate> exceptions, List<LocalDate> holidays) {

    /**
     * Copies the lists so the expansion stays immutable.
     *
     * @param occurrences the occurrences
     * @param exceptions the days skipped as exceptions
     * @param holidays the days skipped as holidays
     */
    public Expansion {
        occurrences = List.copyOf(occurrences);
        exceptions = List.copyOf(exceptions);
        holidays = List.copyOf(holidays);
    }

    /**
     * The occurrences as the scheduler takes dates.
     *
     * @return one date range per occurrence, in order
     */
    public List<DateRange> dates() {
        return occurrences.stream().map(Occurrence::dates).collect(Collectors.toList());
    }
}
