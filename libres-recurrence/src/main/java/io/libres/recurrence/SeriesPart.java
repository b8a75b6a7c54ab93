package io.libres.recurrence;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A rule of a series as remembered in the records' data: the recurrence it was booked from and,
 * after a "this and following" change, the day from which it applies. A series holds one part,
 * plus one for each change.
 *
 * @param rule the RRULE value
 * @param firstDay the day the rule starts from
 * @param startTime each occurrence's start
 * @param duration each occurrence's length
 * @param zone the scheduler's zone the rule was expanded in
 * @param until the end of the series given besides the rule, or null
 * @param exceptions the exception days given (EXDATE)
 * @param holidays the days skipped as holidays when the series was booked
 * @param from the first day this part applies to
 */
public record SeriesPart(String rule, LocalDate firstDay, LocalTime startTime, Duration duration, ZoneId zone,
        @Nullable Instant until, List<LocalDate> exceptions, List<LocalDate> holidays, LocalDate from) {

    /**
     * Copies the lists so the part stays immutable.
     *
     * @param rule the RRULE value
     * @param firstDay the first day
     * @param startTime the start time
     * @param duration the duration
     * @param zone the zone
     * @param until the end, or null
     * @param exceptions the exception days
     * @param holidays the holidays skipped
     * @param from the first day this part applies to
     */
    public SeriesPart {
        exceptions = List.copyOf(exceptions);
        holidays = List.copyOf(holidays);
    }

    /**
     * The end of the series given besides the rule.
     *
     * @return the end, empty if the rule ends by itself
     */
    public Optional<Instant> untilInstant() {
        return Optional.ofNullable(until);
    }

    /**
     * The recurrence this part was booked from, with the holidays it skipped as a list calendar.
     *
     * @return the recurrence
     */
    public Recurrence toRecurrence() {
        Recurrence recurrence = new Recurrence(rule, firstDay, startTime, duration, java.util.Set.copyOf(exceptions),
                HolidayCalendar.of(holidays), null);
        return until == null ? recurrence : recurrence.withUntil(ZonedDateTime.ofInstant(until, zone));
    }
}
