package io.libres.recurrence;

import org.jspecify.annotations.Nullable;

import io.libres.recurrence.internal.RuleExpander;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A recurrence: an RFC 5545 rule (the value of an RRULE, such as
 * {@code FREQ=WEEKLY;BYDAY=TH;COUNT=52}) from a first day, each occurrence starting at a wall-clock
 * time of the scheduler's zone and lasting a duration, without the exception days (EXDATE) and
 * the holidays of a calendar. Immutable: the {@code with...} methods return a changed copy.
 *
 * <p>The rule is expanded in floating (wall-clock) time, so an occurrence at 18:00 stays at
 * 18:00 across daylight-saving changes; its end is the start plus the duration on the wall
 * clock. A first day that does not match the rule is not an occurrence (the first occurrence is
 * the first instance of the rule on or after it). A rule must end: by COUNT, by UNTIL, or by
 * {@link #withUntil(ZonedDateTime)}. An UNTIL in UTC ({@code 20271231T170000Z}) or given in any
 * zone is compared with each occurrence's instant in the scheduler's zone; a floating or date
 * UNTIL with its wall-clock time or day. COUNT counts the rule's instances before exceptions and
 * holidays are removed, as in RFC 5545.
 *
 * @param rule the RRULE value (an {@code RRULE:} prefix is accepted)
 * @param firstDay the day the rule starts from (DTSTART's day)
 * @param startTime each occurrence's start, in the scheduler's zone
 * @param duration each occurrence's length on the wall clock
 * @param exceptions days without occurrence (EXDATE), in the scheduler's zone
 * @param holidays days without occurrence, supplied by the user
 * @param until the end of the series, in any zone, or null for the rule's own COUNT or UNTIL
 */
public record Recurrence(String rule, LocalDate firstDay, LocalTime startTime, Duration duration,
        Set<LocalDate> exceptions, HolidayCalendar holidays, @Nullable ZonedDateTime until) {

    /**
     * Checks the values and the rule's syntax.
     *
     * @param rule the RRULE value
     * @param firstDay the first day
     * @param startTime the start time
     * @param duration the duration
     * @param exceptions the exception days
     * @param holidays the holiday calendar
     * @param until the end of the series, or null
     * @throws InvalidRecurrenceRule if the rule is not valid RFC 5545, a value is missing, or the
     *     duration is not positive
     */
    public Recurrence {
        if (rule == null || rule.isBlank()) {
            throw new InvalidRecurrenceRule("the recurrence rule is missing; expected an RRULE value such as"
                    + " FREQ=WEEKLY;BYDAY=TH;COUNT=52");
        }
        rule = rule.strip();
        if (rule.regionMatches(true, 0, "RRULE:", 0, 6)) {
            rule = rule.substring(6);
        }
        RuleExpander.parse(rule);
        if (firstDay == null || startTime == null || duration == null) {
            throw new InvalidRecurrenceRule("the first day, start time or duration of the recurrence is missing ("
                    + firstDay + ", " + startTime + ", " + duration + "); expected all three");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new InvalidRecurrenceRule("a duration of " + duration + " is invalid; expected a positive duration");
        }
        if (exceptions == null || exceptions.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidRecurrenceRule("the exception days are missing or hold a missing day (" + exceptions
                    + "); expected a set of days");
        }
        exceptions = Set.copyOf(exceptions);
        if (holidays == null) {
            throw new InvalidRecurrenceRule("the holiday calendar is missing; expected a calendar,"
                    + " HolidayCalendar.NONE for none");
        }
    }

    /**
     * A recurrence without exceptions or holidays.
     *
     * @param rule the RRULE value, such as {@code FREQ=WEEKLY;BYDAY=TH;COUNT=52}
     * @param firstDay the day the rule starts from
     * @param startTime each occurrence's start, in the scheduler's zone
     * @param duration each occurrence's length
     * @return the recurrence
     * @throws InvalidRecurrenceRule if the rule is not valid, a value is missing or the duration not positive
     */
    public static Recurrence of(String rule, LocalDate firstDay, LocalTime startTime, Duration duration) {
        return new Recurrence(rule, firstDay, startTime, duration, Set.of(), HolidayCalendar.NONE, null);
    }

    /**
     * A recurrence of whole days (for whole-day allocations): each occurrence from midnight to
     * midnight.
     *
     * @param rule the RRULE value
     * @param firstDay the day the rule starts from
     * @return the recurrence
     * @throws InvalidRecurrenceRule if the rule is not valid or the first day is missing
     */
    public static Recurrence wholeDays(String rule, LocalDate firstDay) {
        return of(rule, firstDay, LocalTime.MIDNIGHT, Duration.ofDays(1));
    }

    /**
     * This recurrence with more exception days.
     *
     * @param days days without occurrence (EXDATE), in the scheduler's zone
     * @return the changed copy
     * @throws InvalidRecurrenceRule if the days are missing or hold a missing day
     */
    public Recurrence withExceptions(LocalDate... days) {
        if (days == null) {
            throw new InvalidRecurrenceRule("the exception days are missing; expected days");
        }
        return withExceptions(Arrays.asList(days));
    }

    /**
     * This recurrence with more exception days.
     *
     * @param days days without occurrence (EXDATE), in the scheduler's zone
     * @return the changed copy
     * @throws InvalidRecurrenceRule if the days are missing or hold a missing day
     */
    public Recurrence withExceptions(Collection<LocalDate> days) {
        if (days == null || days.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidRecurrenceRule("the exception days are missing or hold a missing day (" + days
                    + "); expected days");
        }
        Set<LocalDate> all = new TreeSet<>(exceptions);
        all.addAll(days);
        return new Recurrence(rule, firstDay, startTime, duration, all, holidays, until);
    }

    /**
     * This recurrence skipping the holidays of a calendar.
     *
     * @param calendar the holidays
     * @return the changed copy
     * @throws InvalidRecurrenceRule if the calendar is missing
     */
    public Recurrence withHolidays(HolidayCalendar calendar) {
        return new Recurrence(rule, firstDay, startTime, duration, exceptions, calendar, until);
    }

    /**
     * This recurrence ending at an instant given in any zone: occurrences starting after it are
     * left out. The rule must then have neither COUNT nor UNTIL.
     *
     * @param end the last possible start, in any zone
     * @return the changed copy
     * @throws InvalidRecurrenceRule if the end is missing
     */
    public Recurrence withUntil(ZonedDateTime end) {
        if (end == null) {
            throw new InvalidRecurrenceRule("the end of the series is missing; expected a date-time with its zone");
        }
        return new Recurrence(rule, firstDay, startTime, duration, exceptions, holidays, end);
    }

    /**
     * The end given with {@link #withUntil(ZonedDateTime)}.
     *
     * @return the end as an instant, empty if the rule ends by itself
     */
    public Optional<Instant> untilInstant() {
        return Optional.ofNullable(until).map(ZonedDateTime::toInstant);
    }

    /**
     * Expands the recurrence in a zone.
     *
     * @param zone the scheduler's zone
     * @param limit the most occurrences allowed
     * @return the occurrences and the days skipped
     * @throws TooManyOccurrences if the recurrence gives more than {@code limit} occurrences
     * @throws InvalidRecurrenceRule if the rule does not end (no COUNT, UNTIL or end), has two ends,
     *     or the zone is missing
     */
    public Expansion expand(ZoneId zone, int limit) {
        return RuleExpander.expand(this, zone, limit);
    }
}
