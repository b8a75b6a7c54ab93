package io.libres.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A span of time between two UTC instants, both inclusive unless a method says otherwise.
 *
 * <p>Stored ends are "end minus one microsecond" (an allocation ending at 15:00 is stored as
 * ending at 14:59:59.999999), so two adjacent spans never share an instant.
 *
 * @param start the first instant, never null
 * @param end the last instant, never null
 */
public record Timespan(Instant start, Instant end) {

    /** One microsecond, the precision of stored timestamps. */
    public static final Duration MICROSECOND = Duration.ofNanos(1_000);

    /**
     * Validates that both instants are present.
     *
     * @param start the first instant, never null
     * @param end the last instant, never null
     * @throws io.libres.errors.InvalidDateRange if start or end is missing
     */
    public Timespan {
        if (start == null || end == null) {
            throw new io.libres.errors.InvalidDateRange("a timespan needs a start and an end; got " + start + " - "
                    + end);
        }
    }

    /**
     * Tells whether this span and the given one share at least one instant (both ends inclusive),
     * the overlap rule libres applies everywhere.
     *
     * @param other the other span
     * @return true if they overlap
     */
    public boolean overlaps(Timespan other) {
        return overlaps(other.start, other.end);
    }

    /**
     * Tells whether this span and the range [start, end] share at least one instant.
     *
     * @param otherStart the other range's start
     * @param otherEnd the other range's end
     * @return true if they overlap
     */
    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return !otherStart.isAfter(start) && !start.isAfter(otherEnd)
                || !start.isAfter(otherStart) && !otherStart.isAfter(end);
    }

    /**
     * Tells whether the given span lies completely within this one.
     *
     * @param other the other span
     * @return true if {@code start <= other.start} and {@code other.end <= end}
     */
    public boolean contains(Timespan other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    /**
     * Tells whether the end lies before the start.
     *
     * @return true if {@code end < start}
     */
    public boolean isReversed() {
        return end.isBefore(start);
    }

    /**
     * The duration from start to end.
     *
     * @return the (possibly negative) duration
     */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /**
     * This span with one microsecond subtracted from its end, turning an exclusive end into the
     * stored form.
     *
     * @return the span ending one microsecond earlier
     */
    public Timespan withStoredEnd() {
        return new Timespan(start, end.minus(MICROSECOND));
    }

    /**
     * The start in the given zone.
     *
     * @param zone the zone
     * @return the start as a zoned date-time
     */
    public ZonedDateTime startIn(ZoneId zone) {
        return start.atZone(zone);
    }

    /**
     * The end in the given zone.
     *
     * @param zone the zone
     * @return the end as a zoned date-time
     */
    public ZonedDateTime endIn(ZoneId zone) {
        return end.atZone(zone);
    }
}
