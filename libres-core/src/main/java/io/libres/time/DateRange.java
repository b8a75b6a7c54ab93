package io.libres.time;

import io.libres.errors.InvalidDateRange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Objects;

/**
 * A start and an end as the caller gave them, before they are read in a scheduler's zone.
 *
 * <p>The values may be {@link LocalDateTime}s (read in the scheduler's zone),
 * {@link ZonedDateTime}s, {@link OffsetDateTime}s or {@link Instant}s (taken as they are); a
 * {@link LocalDate} stands for its midnight. Start and end may be of different kinds.
 *
 * @param start the requested start, never null
 * @param end the requested end (exclusive, as the caller thinks of it), never null
 */
public record DateRange(Temporal start, Temporal end) {

    /**
     * Validates both values.
     *
     * @param start the requested start, never null
     * @param end the requested end (exclusive, as the caller thinks of it), never null
     * @throws InvalidDateRange if a value is null or of a kind that is not a point in time
     */
    public DateRange {
        requireSupported(start, "start");
        requireSupported(end, "end");
    }

    /**
     * A range of local date-times, read in the scheduler's zone.
     *
     * @param start the start
     * @param end the end
     * @return the range
     * @throws InvalidDateRange if a value is null
     */
    public static DateRange of(LocalDateTime start, LocalDateTime end) {
        return new DateRange(start, end);
    }

    /**
     * A range of zoned date-times.
     *
     * @param start the start
     * @param end the end
     * @return the range
     * @throws InvalidDateRange if a value is null
     */
    public static DateRange of(ZonedDateTime start, ZonedDateTime end) {
        return new DateRange(start, end);
    }

    /**
     * A range of offset date-times.
     *
     * @param start the start
     * @param end the end
     * @return the range
     * @throws InvalidDateRange if a value is null
     */
    public static DateRange of(OffsetDateTime start, OffsetDateTime end) {
        return new DateRange(start, end);
    }

    /**
     * A range of instants.
     *
     * @param start the start
     * @param end the end
     * @return the range
     * @throws InvalidDateRange if a value is null
     */
    public static DateRange of(Instant start, Instant end) {
        return new DateRange(start, end);
    }

    /**
     * A range spanning the given timespan, exactly as stored.
     *
     * @param span the timespan
     * @return the range from the span's start to its end
     */
    public static DateRange of(Timespan span) {
        return new DateRange(span.start(), span.end());
    }

    /**
     * Reads both values in the given zone and returns them as UTC instants, truncated to
     * microseconds.
     *
     * @param zone the zone in which local values are read
     * @return the span; it may run backwards, callers validate that
     */
    public Timespan resolve(ZoneId zone) {
        return new Timespan(TimeZones.toInstant(start, zone), TimeZones.toInstant(end, zone));
    }

    private static void requireSupported(Temporal value, String name) {
        if (value == null) {
            throw new InvalidDateRange("the " + name + " is missing; expected a point in time");
        }
        if (!TimeZones.isSupported(value)) {
            throw new InvalidDateRange("the " + name + " is a " + value.getClass().getSimpleName()
                    + "; expected a LocalDateTime, LocalDate, ZonedDateTime, OffsetDateTime or Instant");
        }
    }

    @Override
    public String toString() {
        return Objects.toString(start) + " - " + Objects.toString(end);
    }
}
