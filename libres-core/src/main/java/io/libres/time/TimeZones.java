package io.libres.time;

import io.libres.errors.InvalidDateRange;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;

/**
 * The zone rules of a scheduler: how local values become instants, what a whole day is and how
 * long a reservation may be, all in a given zone and across daylight-saving changes.
 */
public final class TimeZones {

    private static final LocalTime LAST_SECOND = LocalTime.of(23, 59, 59);

    private TimeZones() {
    }

    /**
     * Tells whether a temporal value can be read as a point in time.
     *
     * @param value the value
     * @return true for LocalDateTime, LocalDate, ZonedDateTime, OffsetDateTime and Instant
     */
    public static boolean isSupported(Temporal value) {
        return value instanceof LocalDateTime || value instanceof LocalDate
                || value instanceof ZonedDateTime || value instanceof OffsetDateTime
                || value instanceof Instant;
    }

    /**
     * Reads a temporal value as a UTC instant, truncated to microseconds.
     *
     * <p>A local value is read in the given zone. In a gap (spring forward) it moves forward by the
     * gap's length; in an overlap (fall back) it takes the later offset, standard time, as libres
     * 1.2 does.
     *
     * @param value the value
     * @param zone the zone for local values
     * @return the instant
     * @throws InvalidDateRange if the value is null or not a point in time, or lies outside the
     *     years 1 to 9999 in UTC ({@link Timespan#EARLIEST} to {@link Timespan#LATEST})
     */
    public static Instant toInstant(Temporal value, ZoneId zone) {
        Instant instant;
        if (value instanceof Instant) {
            instant = (Instant) value;
        } else if (value instanceof ZonedDateTime) {
            instant = ((ZonedDateTime) value).toInstant();
        } else if (value instanceof OffsetDateTime) {
            instant = ((OffsetDateTime) value).toInstant();
        } else if (value instanceof LocalDateTime) {
            instant = localInstant((LocalDateTime) value, zone);
        } else if (value instanceof LocalDate) {
            instant = localInstant(((LocalDate) value).atStartOfDay(), zone);
        } else {
            throw new InvalidDateRange("a " + (value == null ? "null" : value.getClass().getSimpleName())
                    + " is not a point in time; expected a LocalDateTime, LocalDate, ZonedDateTime,"
                    + " OffsetDateTime or Instant");
        }
        return Timespan.requireStorable(instant, "time " + value).truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant localInstant(LocalDateTime local, ZoneId zone) {
        // LocalDateTime.MIN and MAX have no instant in most zones: say so before java.time throws
        if (local.getYear() < 0 || local.getYear() > 10_000) {
            throw new InvalidDateRange("the time " + local + " lies outside the times libres stores; expected a"
                    + " time in the years 1 to 9999 (" + Timespan.EARLIEST + " to " + Timespan.LATEST + " in UTC)");
        }
        return localize(local, zone).toInstant();
    }

    /**
     * Describes the daylight-saving gap a local value falls in, for messages: libres reads such a
     * value as the same wall time after the gap.
     *
     * @param value the value as the caller gave it
     * @param zone the zone it is read in
     * @return a sentence naming the gap, or an empty string if the value is no local date-time in a gap
     */
    public static String gapNote(Temporal value, ZoneId zone) {
        if (!(value instanceof LocalDateTime) || zone == null) {
            return "";
        }
        LocalDateTime local = (LocalDateTime) value;
        if (!zone.getRules().getValidOffsets(local).isEmpty()) {
            return "";
        }
        java.time.zone.ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        return "; the local time " + local + " does not exist in " + zone + " (daylight-saving gap: clocks jump"
                + " from " + gap.getDateTimeBefore().toLocalTime() + " to " + gap.getDateTimeAfter().toLocalTime()
                + " on " + gap.getDateTimeBefore().toLocalDate() + ") and is read as "
                + localize(local, zone).toLocalDateTime();
    }

    /**
     * Places a local date-time in a zone, taking standard time in an overlap.
     *
     * @param local the local date-time
     * @param zone the zone
     * @return the zoned date-time
     */
    public static ZonedDateTime localize(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap();
    }

    /**
     * Widens a span to whole days in the zone: the start to midnight of its day, the end to the
     * last microsecond of its day. A day with a daylight-saving change has 23 or 25 hours.
     *
     * @param span the span
     * @param zone the zone
     * @return the aligned span, its end in stored form
     */
    public static Timespan alignToDay(Timespan span, ZoneId zone) {
        LocalDate firstDay = span.start().atZone(zone).toLocalDate();
        ZonedDateTime lastLocal = span.end().atZone(zone);
        LocalDate lastDay = lastLocal.toLocalDate();
        Instant start = firstDay.atStartOfDay(zone).toInstant();
        Instant end = lastDay.plusDays(1).atStartOfDay(zone).toInstant().minus(Timespan.MICROSECOND);
        return new Timespan(start, end);
    }

    /**
     * Tells whether a span covers whole days in the zone: it starts at 0:00:00 and ends at
     * 0:00:00 or 23:59:59 local time, at least 86399 local seconds later.
     *
     * @param start the start
     * @param end the end, exclusive or stored
     * @param zone the zone
     * @return true for a whole-day span
     * @throws InvalidDateRange if the end lies before the start
     */
    public static boolean isWholeDay(Instant start, Instant end, ZoneId zone) {
        LocalDateTime localStart = start.atZone(zone).toLocalDateTime();
        LocalDateTime localEnd = end.atZone(zone).toLocalDateTime();
        if (localStart.isAfter(localEnd)) {
            throw new InvalidDateRange("the end " + end + " lies before the start " + start
                    + "; expected an end at or after the start");
        }
        LocalTime startTime = localStart.toLocalTime().truncatedTo(ChronoUnit.SECONDS);
        LocalTime endTime = localEnd.toLocalTime().truncatedTo(ChronoUnit.SECONDS);
        if (!startTime.equals(LocalTime.MIDNIGHT)) {
            return false;
        }
        if (!endTime.equals(LocalTime.MIDNIGHT) && !endTime.equals(LAST_SECOND)) {
            return false;
        }
        return Duration.between(localStart, localEnd).getSeconds() >= 86_399;
    }

    /**
     * Tells whether a reservation of this span is short enough: under 24 hours, or a whole day
     * of at most 25 hours (the day clocks go back).
     *
     * @param span the requested span
     * @param zone the scheduler's zone
     * @return true if the length is allowed
     */
    public static boolean isValidReservationLength(Timespan span, ZoneId zone) {
        long hours = Math.floorDiv(span.duration().getSeconds(), 3600);
        if (hours < 24) {
            return true;
        }
        return isWholeDay(span.start(), span.end(), zone) && hours <= 25;
    }

    /**
     * The day of the week of an instant in the zone.
     *
     * @param instant the instant
     * @param zone the zone
     * @return the local day of the week
     */
    public static DayOfWeek dayOfWeek(Instant instant, ZoneId zone) {
        return instant.atZone(zone).getDayOfWeek();
    }

    /**
     * The time of day of a value as it was given: the wall time of a local, zoned or offset value
     * in its own zone, the UTC time of an instant, midnight for a date (as Python's
     * {@code datetime.time()}).
     *
     * @param value the value
     * @return the time of day
     * @throws InvalidDateRange if the value is not a point in time
     */
    public static LocalTime timeOfDay(Temporal value) {
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).toLocalTime();
        }
        if (value instanceof ZonedDateTime) {
            return ((ZonedDateTime) value).toLocalTime();
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toLocalTime();
        }
        if (value instanceof Instant) {
            return ((Instant) value).atOffset(java.time.ZoneOffset.UTC).toLocalTime();
        }
        if (value instanceof LocalDate) {
            return LocalTime.MIDNIGHT;
        }
        throw new InvalidDateRange("a " + (value == null ? "null" : value.getClass().getSimpleName())
                + " is not a point in time; expected a LocalDateTime, LocalDate, ZonedDateTime,"
                + " OffsetDateTime or Instant");
    }
}
