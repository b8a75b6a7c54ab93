package io.libres.db;

import org.jspecify.annotations.Nullable;

import io.libres.errors.InvalidArgument;
import io.libres.errors.InvalidDateRange;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Schedulers#freeSlots} looks for: free times of a length, with at least some free
 * spots, on days between two dates, optionally within times of day and on some weekdays. Days,
 * times of day and weekdays are read in each scheduler's own zone.
 *
 * <p>In a partly available allocation, a slot starts on the allocation's raster and lasts the
 * length rounded up to that raster; every such slot within the allocation and the time-of-day
 * window is a candidate. Any other allocation is offered whole, once, if at least the length of
 * it lies within the window on its first day (a whole-day allocation covers any window). A
 * grouped allocation is offered as its group, once, at its first member.
 *
 * @param length the length of the wanted slot: positive, a multiple of five minutes
 * @param first the first day, inclusive
 * @param last the last day, inclusive
 * @param startTime the start of the time-of-day window ({@link LocalTime#MIDNIGHT} for the day's start)
 * @param endTime the exclusive end of the window; {@link LocalTime#MIDNIGHT} for the day's end
 * @param days the weekdays to include; empty for every day
 * @param minSpots the free spots a slot needs, 1 or more; allocations whose quota limit is below
 *     it are left out, as one reservation could not take that many
 * @param notBefore slots starting earlier are left out ("from now on"); null for no bound
 * @param limit the most slots {@link Schedulers#freeSlots} returns, 1 or more
 */
public record FreeSlotQuery(Duration length, LocalDate first, LocalDate last, LocalTime startTime,
        LocalTime endTime, Set<DayOfWeek> days, int minSpots, @Nullable Instant notBefore, int limit) {

    /** The limit when none is set: 100 slots. */
    public static final int DEFAULT_LIMIT = 100;

    private static final Duration STEP = Duration.ofMinutes(5);

    /**
     * Validates the query.
     *
     * @param length the length of the wanted slot: positive, a multiple of five minutes
     * @param first the first day, inclusive
     * @param last the last day, inclusive, not before the first
     * @param startTime the start of the time-of-day window; null for midnight
     * @param endTime the exclusive end of the window; null or midnight for the day's end
     * @param days the weekdays; null or empty for every day
     * @param minSpots 1 or more
     * @param notBefore the earliest start, or null
     * @param limit 1 or more
     * @throws InvalidArgument if the length, the spots, the limit or the weekdays are invalid
     * @throws InvalidDateRange if a date is missing, the last day lies before the first, or the
     *     times of day leave an empty window
     */
    public FreeSlotQuery {
        if (length == null || length.isNegative() || length.isZero() || !length.equals(length.truncatedTo(
                java.time.temporal.ChronoUnit.MINUTES)) || length.toMinutes() % STEP.toMinutes() != 0) {
            throw new InvalidArgument("the length " + length + " of a free slot is invalid; expected a positive"
                    + " multiple of five minutes, as every raster is");
        }
        if (first == null || last == null) {
            throw new InvalidDateRange("the days of a free-slot search are missing (" + first + " to " + last
                    + "); expected a first and a last day");
        }
        if (last.isBefore(first)) {
            throw new InvalidDateRange("the last day " + last + " lies before the first day " + first
                    + "; expected a last day on or after the first");
        }
        startTime = startTime == null ? LocalTime.MIDNIGHT : startTime;
        endTime = endTime == null ? LocalTime.MIDNIGHT : endTime;
        if (!endTime.equals(LocalTime.MIDNIGHT) && !startTime.isBefore(endTime)) {
            throw new InvalidDateRange("the times of day " + startTime + " to " + endTime + " leave an empty"
                    + " window; expected a start before the end, or midnight as the end for the rest of the day");
        }
        if (days != null && days.stream().anyMatch(Objects::isNull)) {
            throw new InvalidArgument("the weekdays " + days + " hold a missing day; expected days of the week");
        }
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        if (minSpots < 1) {
            throw new InvalidArgument("minSpots of " + minSpots + " is invalid; expected 1 or more free spots");
        }
        if (limit < 1) {
            throw new InvalidArgument("the limit of " + limit + " is invalid; expected 1 or more slots");
        }
    }

    /**
     * Starts a query for free slots of a length on days between two dates.
     *
     * @param length the length: positive, a multiple of five minutes
     * @param first the first day, inclusive
     * @param last the last day, inclusive
     * @return a builder with the whole day as window, every weekday, one spot and the default limit
     */
    public static Builder of(Duration length, LocalDate first, LocalDate last) {
        return new Builder(length, first, last);
    }

    /** Builds a {@link FreeSlotQuery}. */
    public static final class Builder {
        private final Duration length;
        private final LocalDate first;
        private final LocalDate last;
        private LocalTime startTime = LocalTime.MIDNIGHT;
        private LocalTime endTime = LocalTime.MIDNIGHT;
        private Set<DayOfWeek> days = Set.of();
        private int minSpots = 1;
        private Instant notBefore;
        private int limit = DEFAULT_LIMIT;

        private Builder(Duration length, LocalDate first, LocalDate last) {
            this.length = length;
            this.first = first;
            this.last = last;
        }

        /**
         * Limits the slots to a window of each day.
         *
         * @param start the window's start
         * @param end the window's exclusive end; midnight for the end of the day
         * @return this builder
         * @throws InvalidDateRange if a time is missing
         */
        public Builder between(LocalTime start, LocalTime end) {
            if (start == null || end == null) {
                throw new InvalidDateRange("the times of day " + start + " to " + end + " are missing; expected"
                        + " a start and an end time");
            }
            this.startTime = start;
            this.endTime = end;
            return this;
        }

        /**
         * Limits the slots to some weekdays.
         *
         * @param value the weekdays; none for every day
         * @return this builder
         * @throws InvalidArgument if the days are missing or hold a missing day
         */
        public Builder on(DayOfWeek... value) {
            if (value == null || Arrays.stream(value).anyMatch(Objects::isNull)) {
                throw new InvalidArgument("the weekdays are missing or hold a missing day; expected days of the"
                        + " week, none for every day");
            }
            this.days = Set.of(value);
            return this;
        }

        /**
         * Limits the slots to some weekdays.
         *
         * @param value the weekdays; empty for every day
         * @return this builder
         * @throws InvalidArgument if the set is missing or holds a missing day
         */
        public Builder on(Set<DayOfWeek> value) {
            this.days = io.libres.time.Weekdays.copyOf(value);
            return this;
        }

        /**
         * Limits the slots to some weekdays, named as libres names them.
         *
         * @param abbreviations any of mo, tu, we, th, fr, sa, su (case does not matter); none for every day
         * @return this builder
         * @throws InvalidArgument if an abbreviation is missing or unknown
         */
        public Builder weekdays(String... abbreviations) {
            this.days = io.libres.time.Weekdays.parse(abbreviations);
            return this;
        }

        /**
         * Sets the free spots a slot needs.
         *
         * @param value 1 or more
         * @return this builder
         */
        public Builder minSpots(int value) {
            this.minSpots = value;
            return this;
        }

        /**
         * Leaves out slots starting before an instant.
         *
         * @param value the earliest start, or null for no bound
         * @return this builder
         */
        public Builder notBefore(@Nullable Instant value) {
            this.notBefore = value;
            return this;
        }

        /**
         * Sets the most slots returned.
         *
         * @param value 1 or more
         * @return this builder
         */
        public Builder limit(int value) {
            this.limit = value;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         * @throws InvalidArgument if the length, the spots or the limit are invalid
         * @throws InvalidDateRange if the days are missing or reversed, or the window is empty
         */
        public FreeSlotQuery build() {
            return new FreeSlotQuery(length, first, last, startTime, endTime, days, minSpots, notBefore, limit);
        }
    }
}
