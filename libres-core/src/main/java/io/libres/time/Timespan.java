package io.libres.time;

import org.jspecify.annotations.Nullable;

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
     * The earliest instant libres reads or writes: 0001-01-01T00:00:00Z, Python's
     * {@code datetime.min}, so that libres 1.2 can read every stored value.
     */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    /** The latest instant libres reads or writes: 9999-12-31T23:59:59.999999Z, Python's {@code datetime.max}. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

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
                    + end + "; expected two instants");
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
     * Checks that a span given by a caller lies within the instants libres stores.
     *
     * @param span the span, may be null
     * @param name what the span is, for the message
     * @return the span
     * @throws io.libres.errors.InvalidArgument if the span is missing
     * @throws io.libres.errors.InvalidDateRange if an end lies outside {@link #EARLIEST} to {@link #LATEST}
     */
    public static Timespan requireStorable(@Nullable Timespan span, String name) {
        if (span == null) {
            throw new io.libres.errors.InvalidArgument("the " + name + " is missing; expected a value");
        }
        requireStorable(span.start, "start of the " + name);
        requireStorable(span.end, "end of the " + name);
        return span;
    }

    /**
     * Checks that an instant given by a caller lies within the instants libres stores, before any
     * arithmetic on it could overflow.
     *
     * @param instant the instant, not null
     * @param name what the instant is, for the message
     * @return the instant
     * @throws io.libres.errors.InvalidDateRange if it lies outside {@link #EARLIEST} to {@link #LATEST}
     */
    public static Instant requireStorable(Instant instant, String name) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new io.libres.errors.InvalidDateRange("the " + name + " " + instant
                    + " lies outside the times libres stores; expected an instant from " + EARLIEST + " to "
                    + LATEST + " (years 1 to 9999 in UTC, as Python's datetime)");
        }
        return instant;
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
