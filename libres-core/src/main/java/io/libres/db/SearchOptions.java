package io.libres.db;

import io.libres.errors.LibresException;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;

/**
 * How {@link Scheduler#searchAllocations} filters.
 *
 * @param days the weekdays to include, in the scheduler's zone; empty for every day
 * @param minspots the minimum number of spots reservable at once; 0 for no minimum
 * @param availableOnly leave out allocations without a free spot
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
     * @throws LibresException if minspots is negative
     */
    public SearchOptions {
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        if (minspots < 0) {
            throw new LibresException("minspots of " + minspots + " is invalid; expected 0 or more");
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
         * Sets the weekdays.
         *
         * @param value the days; empty for all
         * @return this builder
         */
        public Builder days(Set<DayOfWeek> value) {
            this.days = value;
            return this;
        }

        /**
         * Sets the weekdays.
         *
         * @param value the days
         * @return this builder
         */
        public Builder days(DayOfWeek... value) {
            this.days = Set.of(value);
            return this;
        }

        /**
         * Sets the minimum spots.
         *
         * @param value 0 or more
         * @return this builder
         */
        public Builder minspots(int value) {
            this.minspots = value;
            return this;
        }

        /**
         * Sets whether only available allocations are found.
         *
         * @param value true to leave out full ones
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
         */
        public Builder wholeDay(Inclusion value) {
            this.wholeDay = value;
            return this;
        }

        /**
         * Sets the group filter.
         *
         * @param value the inclusion
         * @return this builder
         */
        public Builder groups(Inclusion value) {
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
         * @throws LibresException if minspots is negative
         */
        public SearchOptions build() {
            return new SearchOptions(days, minspots, availableOnly, wholeDay, groups, strict);
        }
    }
}
