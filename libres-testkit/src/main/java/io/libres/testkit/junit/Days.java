package io.libres.testkit.junit;

import io.libres.errors.InvalidDateRange;
import io.libres.time.DateRange;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Date ranges for test fixtures: a day in a zone, a part of a day, a week, and the days on which
 * a zone's clocks change, found in the zone's rules rather than written down.
 *
 * <p>Every range is made of {@link ZonedDateTime}s, so it means the same instants whatever the
 * zone of the scheduler it is given to. Days begin at their first instant in the zone (midnight,
 * or later where a zone skips midnight) and end where the next day begins.
 *
 * <pre>{@code
 * DstChange spring = Days.springForward(ZoneId.of("Europe/Zurich"), 2026).orElseThrow();
 * scheduler.allocate(spring.day(), AllocateOptions.builder().wholeDay(true).build());
 * }</pre>
 */
public final class Days {

    private Days() {
    }

    /**
     * A whole day in a zone.
     *
     * <p>For an allocation with {@code wholeDay(true)}, which libres widens to every day its
     * range touches, pass a range inside the day instead (such as {@link #between}): this one
     * ends at the next day's midnight and so would touch that day too.
     *
     * @param date the day
     * @param zone the zone
     * @return from the start of the day to the start of the next; 23 or 25 hours on a DST change
     * @throws InvalidDateRange if the date or the zone is missing
     */
    public static DateRange of(LocalDate date, ZoneId zone) {
        requirePresent(date, "date");
        requirePresent(zone, "zone");
        return DateRange.of(date.atStartOfDay(zone), date.plusDays(1).atStartOfDay(zone));
    }

    /**
     * Whole days in a zone, from the first to the last day, both included.
     *
     * @param first the first day
     * @param last the last day, the same as or after the first
     * @param zone the zone
     * @return from the start of the first day to the start of the day after the last
     * @throws InvalidDateRange if a value is missing or the last day is before the first
     */
    public static DateRange of(LocalDate first, LocalDate last, ZoneId zone) {
        requirePresent(first, "first day");
        requirePresent(last, "last day");
        requirePresent(zone, "zone");
        if (last.isBefore(first)) {
            throw new InvalidDateRange("the last day " + last + " is before the first day " + first
                    + "; expected a last day on or after the first");
        }
        return DateRange.of(first.atStartOfDay(zone), last.plusDays(1).atStartOfDay(zone));
    }

    /**
     * A part of a day in a zone, such as office hours.
     *
     * @param date the day
     * @param start the local start time
     * @param end the local end time, after the start
     * @param zone the zone; a local time skipped by a DST change is moved forward by the length
     *     of the gap, as {@link ZonedDateTime#of} does
     * @return from the start to the end on that day
     * @throws InvalidDateRange if a value is missing or the end is not after the start
     */
    public static DateRange between(LocalDate date, LocalTime start, LocalTime end, ZoneId zone) {
        requirePresent(date, "date");
        requirePresent(start, "start time");
        requirePresent(end, "end time");
        requirePresent(zone, "zone");
        if (!end.isAfter(start)) {
            throw new InvalidDateRange("the end time " + end + " is not after the start time " + start
                    + "; expected a part of one day (use Days.of for whole days)");
        }
        return DateRange.of(ZonedDateTime.of(date, start, zone), ZonedDateTime.of(date, end, zone));
    }

    /**
     * The ISO week (Monday to Sunday) that contains a day, in a zone.
     *
     * @param anyDay any day of the week
     * @param zone the zone
     * @return from the start of its Monday to the start of the next Monday
     * @throws InvalidDateRange if the day or the zone is missing
     */
    public static DateRange week(LocalDate anyDay, ZoneId zone) {
        requirePresent(anyDay, "day");
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return of(monday, monday.plusDays(6), zone);
    }

    /**
     * The seven days of the ISO week that contains a day, each a whole day in a zone.
     *
     * @param anyDay any day of the week
     * @param zone the zone
     * @return Monday's range first, Sunday's last; unmodifiable
     * @throws InvalidDateRange if the day or the zone is missing
     */
    public static List<DateRange> daysOfWeek(LocalDate anyDay, ZoneId zone) {
        requirePresent(anyDay, "day");
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<DateRange> days = new ArrayList<>(7);
        for (int offset = 0; offset < 7; offset++) {
            days.add(of(monday.plusDays(offset), zone));
        }
        return List.copyOf(days);
    }

    /**
     * Every day of a year on which the zone's offset changes, oldest first, read from the zone's
     * {@link ZoneRules}. Besides DST changes this includes a zone's changes of its standard offset.
     *
     * @param zone the zone
     * @param year the year
     * @return the changes; empty for a zone without any that year (UTC, Asia/Tokyo, ...)
     * @throws InvalidDateRange if the zone is missing
     */
    public static List<DstChange> dstChanges(ZoneId zone, int year) {
        requirePresent(zone, "zone");
        ZoneRules rules = zone.getRules();
        Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        List<DstChange> changes = new ArrayList<>();
        ZoneOffsetTransition transition =
                rules.nextTransition(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant().minusNanos(1));
        while (transition != null && transition.getInstant().isBefore(end)) {
            LocalDate date = transition.getInstant().atZone(zone).toLocalDate();
            changes.add(new DstChange(date, zone, transition));
            transition = rules.nextTransition(transition.getInstant());
        }
        return List.copyOf(changes);
    }

    /**
     * The first day of a year on which the zone's clocks jump forward.
     *
     * @param zone the zone
     * @param year the year
     * @return the change, or empty if the zone's clocks do not jump forward that year
     * @throws InvalidDateRange if the zone is missing
     */
    public static Optional<DstChange> springForward(ZoneId zone, int year) {
        return dstChanges(zone, year).stream().filter(DstChange::isSpringForward).findFirst();
    }

    /**
     * The first day of a year on which the zone's clocks go back.
     *
     * @param zone the zone
     * @param year the year
     * @return the change, or empty if the zone's clocks do not go back that year
     * @throws InvalidDateRange if the zone is missing
     */
    public static Optional<DstChange> fallBack(ZoneId zone, int year) {
        return dstChanges(zone, year).stream().filter(DstChange::isFallBack).findFirst();
    }

    private static void requirePresent(Object value, String name) {
        if (value == null) {
            throw new InvalidDateRange("the " + name + " is missing; expected a value");
        }
    }
}
