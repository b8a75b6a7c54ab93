package io.libres.testkit.junit;

import io.libres.time.DateRange;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;

/**
 * A day on which a zone's clocks change, as {@link Days#dstChanges(ZoneId, int)} finds it in the
 * zone's rules.
 *
 * @param date the local date of the change, in the zone
 * @param zone the zone
 * @param transition the change: when, and from which offset to which
 */
public record DstChange(LocalDate date, ZoneId zone, ZoneOffsetTransition transition) {

    /**
     * Checks that every part is present.
     *
     * @param date the local date of the change, in the zone
     * @param zone the zone
     * @param transition the change: when, and from which offset to which
     * @throws NullPointerException if a part is null
     */
    public DstChange {
        Objects.requireNonNull(date, "date must not be null");
        Objects.requireNonNull(zone, "zone must not be null");
        Objects.requireNonNull(transition, "transition must not be null");
    }

    /**
     * Tells whether the clocks jump forward (spring-forward): a local hour is skipped and the
     * day is shorter.
     *
     * @return {@code true} for a gap in local time
     */
    public boolean isSpringForward() {
        return transition.isGap();
    }

    /**
     * Tells whether the clocks go back (fall-back): a local hour happens twice and the day is
     * longer.
     *
     * @return {@code true} for an overlap in local time
     */
    public boolean isFallBack() {
        return transition.isOverlap();
    }

    /**
     * The whole day of the change, from its midnight to the next, in the zone.
     *
     * @return the day, for example 23 hours long on a spring-forward day
     */
    public DateRange day() {
        return Days.of(date, zone);
    }

    /**
     * How long the day of the change really is.
     *
     * @return for example 23 hours on a spring-forward day and 25 hours on a fall-back day
     */
    public Duration length() {
        return Duration.between(date.atStartOfDay(zone), date.plusDays(1).atStartOfDay(zone));
    }
}
