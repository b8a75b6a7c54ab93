package io.libres.db;

import io.libres.errors.InvalidArgument;

import io.libres.time.Weekdays;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How {@link Scheduler#searchAllocations} filters.
 *
 * <p>The filters decide per allocation, over the time-of-day window of the search range read on
 * the allocation's day: they answer "which allocations", not "when is it free"; for free times of
 * a given length use {@link Schedulers#freeSlots}.
 *
 * @param days the weekdays to include, in the scheduler's zone; empty for every day
 * @param minspots 0 for no minimum; otherwise an allocation is found only if its quota limit (when
 *     set) admits that many spots in one reservation and its availability over its own span (the
 *     number {@link Scheduler#availability(io.libres.time.DateRange)} gives, master and mirrors
 *     together) is at least {@code minspots / quota} of 100 %: a share of free slots, not a promise
 *     that {@code minspots} spots are free for any particular time
 * @param availableOnly leave out every allocation on which no spot (master or mirror) is free for
 *     the whole time-of-day window of the search on the allocation's day; an allocation free for
 *     18 of 20 half hours of a whole-day window is left out (ask {@link Schedulers#freeSlots} for
 *     its free slots instead)
 * @param wholeDay include whole-day allocations, others, or both
 * @param groups include grouped allocations, others, or both
 * @param strict do not add the other members of a group a found allocation belongs to
 */
public record SearchOptions(Set<DayOfWeek> days, int minspots, boolean availableOnly, Inclusion wholeDay,
        Inclusion groups, boolean strict) {

    /** The defaults: every day, no minimum, any allocation, groups added whole. */
    public static final SearchOptions DEFAULTS = builder().build();

    /**
     * Validates the options.
     *
     * @param days the weekdays to include, in the scheduler's zone; null or empty for every day
     * @param minspots 0 for no minimum, else the spots one reservation must be allowed to take
     *     and the share of the quota that must be free over the allocation's span (see the type)
     * @param availableOnly leave out allocations with no spot free for the whole time-of-day
     *     window on their day (see the type)
     * @param wholeDay include whole-day allocations, others, or both; null for both ({@link Inclusion#ANY})
     * @param groups include grouped allocations, others, or both; null for both ({@link Inclusion#ANY})
     * @param strict do not add the other members of a group a found allocation belongs to
     * @throws InvalidArgument if minspots is negative or the days hold a missing value
     */
    public SearchOptions {
        if (days != null && days.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidArgument("the weekdays " + days + " hold a missing day; expected days of the week");
        }
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        if (minspots < 0) {
            throw new InvalidArgument("minspots of " + minspots + " is invalid; expected 0 (no minimum) or more");
        }
        wholeDay = wholeDay == null ? Inclusion.ANY : wholeDay;
        groups = groups == null ? Inclusion.ANY : groups;
    }

    /**
     * Starts building options from the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SearchOptions}. */
    public static final class Builder {
        private Set<DayOfWeek> days = Set.of();
        private int minspots;
        private boolean availableOnly;
        private Inclusion wholeDay = Inclusion.ANY;
        private Inclusion groups = Inclusion.ANY;
        private boolean strict;

        private Builder() {
        }

        /**
         * Sets the weekdays (libres' {@code days}).
         *
         * @param value the days; empty for all
         * @return this builder
         * @throws InvalidArgument if the set is null or holds a missing day
         * @see #weekdays(Set)
         */
        public Builder days(Set<DayOfWeek> value) {
            this.days = Weekdays.copyOf(value);
            return this;
        }

        /**
         * Sets the weekdays, as {@link #days(Set)} does (the name of {@link #weekdays(String...)}).
         *
         * @param value the days; empty for all
         * @return this builder
         * @throws InvalidArgument if the set is null or holds a missing day
         */
        public Builder weekdays(Set<DayOfWeek> value) {
            return days(value);
        }

        /**
         * Sets the weekdays by libres' abbreviations, as libres' {@code days} argument takes them.
         *
         * @param abbreviations any of mo, tu, we, th, fr, sa, su (case does not matter); none for all
         * @return this builder
         * @throws InvalidArgument if an abbreviation is missing or not one of the seven
         * @see Weekdays#parse(String...)
         */
        public Builder weekdays(String... abbreviations) {
            this.days = Weekdays.parse(abbreviations);
            return this;
        }

        /**
         * Sets the weekdays by libres' abbreviations, given as a list (libres' {@code ['mo', 'tu']}).
         *
         * @param abbreviations any of mo, tu, we, th, fr, sa, su (case does not matter); empty for all
         * @return this builder
         * @throws InvalidArgument if the list is missing, or an abbreviation is missing or unknown
         */
        public Builder weekdays(List<String> abbreviations) {
            this.days = Weekdays.parse(abbreviations);
            return this;
        }

        /**
         * Sets the weekdays.
         *
         * @param value the days
         * @return this builder
         * @throws InvalidArgument if a day is missing
         */
        public Builder days(DayOfWeek... value) {
            if (value == null) {
                throw new InvalidArgument("the weekdays are missing; expected days of the week, none for every day");
            }
            return days(Weekdays.copyOf(java.util.Arrays.asList(value)));
        }

        /**
         * Sets the minimum spots: the allocation's quota limit must admit that many in one
         * reservation, and at least {@code value / quota} of 100 % of the allocation (master and
         * mirrors) must be free over its span. It does not check any time of day.
         *
         * @param value 0 (no minimum) or more
         * @return this builder
         */
        public Builder minspots(int value) {
            this.minspots = value;
            return this;
        }

        /**
         * Sets whether only allocations with a spot free for the whole time-of-day window on
         * their day are found (a partly reserved window leaves the allocation out).
         *
         * @param value true to leave out allocations without such a spot
         * @return this builder
         */
        public Builder availableOnly(boolean value) {
            this.availableOnly = value;
            return this;
        }

        /**
         * Sets the whole-day filter.
         *
         * @param value the inclusion
         * @return this builder
         * @throws InvalidArgument if the inclusion is null
         */
        public Builder wholeDay(Inclusion value) {
            if (value == null) {
                throw new InvalidArgument("the wholeDay inclusion is missing; expected ANY, YES or NO");
            }
            this.wholeDay = value;
            return this;
        }

        /**
         * Sets the group filter.
         *
         * @param value the inclusion
         * @return this builder
         * @throws InvalidArgument if the inclusion is null
         */
        public Builder groups(Inclusion value) {
            if (value == null) {
                throw new InvalidArgument("the groups inclusion is missing; expected ANY, YES or NO");
            }
            this.groups = value;
            return this;
        }

        /**
         * Sets strict mode.
         *
         * @param value true to not add group members
         * @return this builder
         */
        public Builder strict(boolean value) {
            this.strict = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws InvalidArgument if minspots is negative
         */
        public SearchOptions build() {
            return new SearchOptions(days, minspots, availableOnly, wholeDay, groups, strict);
        }
    }
}
