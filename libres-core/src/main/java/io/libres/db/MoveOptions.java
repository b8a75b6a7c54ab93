package io.libres.db;

import org.jspecify.annotations.Nullable;

import io.libres.db.internal.JsonData;
import io.libres.errors.InvalidQuota;
import io.libres.time.DateRange;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What {@link Scheduler#moveAllocation} changes; unset values stay as they are.
 *
 * @param dates the new start and end, or null to keep them
 * @param group the new group, or null to keep it
 * @param newQuota the new quota, or null to keep it
 * @param approveManually the new manual-approval flag for the whole group, or null to keep it
 * @param quotaLimit the new quota limit for the whole group, or null to keep it
 * @param wholeDay widen the new dates to whole days
 * @param data the new data, or null to keep it
 */
public record MoveOptions(@Nullable DateRange dates, @Nullable UUID group, @Nullable Integer newQuota, @Nullable Boolean approveManually,
        @Nullable Integer quotaLimit, boolean wholeDay, @Nullable Map<String, Object> data) {

    /**
     * Validates the values.
     *
     * @param dates the new start and end, or null to keep them
     * @param group the new group, or null to keep it
     * @param newQuota the new quota, 1 or more, or null to keep it
     * @param approveManually the new manual-approval flag for the whole group, or null to keep it
     * @param quotaLimit the new quota limit for the whole group, 0 (no limit) or more, or null to keep it
     * @param wholeDay widen the new dates to whole days
     * @param data the new data, a JSON object, or null to keep it
     * @throws InvalidQuota if the new quota is below 1 or the quota limit below 0
     * @throws io.libres.errors.DataNotSerializable if the data is not a JSON object
     */
    public MoveOptions {
        if (newQuota != null && (newQuota < 1 || newQuota > Limits.MAX_QUOTA)) {
            throw new InvalidQuota("a quota of " + newQuota + " is invalid; expected 1 or more, at most " + Limits.MAX_QUOTA);
        }
        if (quotaLimit != null && quotaLimit < 0) {
            throw new InvalidQuota("a quota limit of " + quotaLimit + " is invalid; expected 0 (no limit) or more");
        }
        data = data == null ? null : JsonData.requireObject(data);
    }

    /**
     * The new dates.
     *
     * @return the dates, empty to keep them
     */
    public Optional<DateRange> newDates() {
        return Optional.ofNullable(dates);
    }

    /**
     * Starts building.
     *
     * @return the builder, changing nothing
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link MoveOptions}. */
    public static final class Builder {
        private DateRange dates;
        private UUID group;
        private Integer newQuota;
        private Boolean approveManually;
        private Integer quotaLimit;
        private boolean wholeDay;
        private Map<String, Object> data;

        private Builder() {
        }

        /**
         * Sets the new dates.
         *
         * @param value the dates
         * @return this builder
         */
        public Builder dates(DateRange value) {
            this.dates = value;
            return this;
        }

        /**
         * Sets the new group.
         *
         * @param value the group
         * @return this builder
         */
        public Builder group(UUID value) {
            this.group = value;
            return this;
        }

        /**
         * Sets the new quota.
         *
         * @param value 1 or more
         * @return this builder
         */
        public Builder newQuota(int value) {
            this.newQuota = value;
            return this;
        }

        /**
         * Sets the manual approval flag of the group.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder approveManually(boolean value) {
            this.approveManually = value;
            return this;
        }

        /**
         * Sets the quota limit of the group.
         *
         * @param value 0 for none
         * @return this builder
         */
        public Builder quotaLimit(int value) {
            this.quotaLimit = value;
            return this;
        }

        /**
         * Sets whether the dates are widened to whole days.
         *
         * @param value true for whole days
         * @return this builder
         */
        public Builder wholeDay(boolean value) {
            this.wholeDay = value;
            return this;
        }

        /**
         * Sets the new data.
         *
         * @param value a JSON object
         * @return this builder
         */
        public Builder data(Map<String, Object> value) {
            this.data = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws InvalidQuota if the quota or the quota limit is out of range
         */
        public MoveOptions build() {
            return new MoveOptions(dates, group, newQuota, approveManually, quotaLimit, wholeDay, data);
        }
    }
}
