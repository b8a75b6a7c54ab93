package io.libres.db;

import org.jspecify.annotations.Nullable;

import io.libres.db.internal.JsonData;
import io.libres.errors.InvalidAllocationError;
import io.libres.errors.InvalidQuota;
import io.libres.time.Raster;

import java.util.Map;

/**
 * How {@link Scheduler#allocate} creates allocations; libres' keyword arguments.
 *
 * <pre>{@code
 * AllocateOptions.builder().partlyAvailable(true).raster(15).quota(4).build()
 * }</pre>
 *
 * @param partlyAvailable parts may be reserved, in steps of the raster
 * @param raster the granularity of partial reservations (and of start and end)
 * @param wholeDay the dates are widened to whole days in the scheduler's zone
 * @param quota how many times each allocation may be reserved at once
 * @param quotaLimit how many spots one reservation may take; 0 for no limit
 * @param grouped all dates form one group, reservable only as a whole
 * @param data the caller's own data, a JSON object
 * @param approveManually reservations wait for manual approval
 * @param skipOverlapping dates that overlap existing allocations are skipped, not an error
 */
public record AllocateOptions(boolean partlyAvailable, Raster raster, boolean wholeDay, int quota,
        int quotaLimit, boolean grouped, Map<String, Object> data, boolean approveManually,
        boolean skipOverlapping) {

    /** The defaults: one spot, raster 5, not partly available, not grouped. */
    public static final AllocateOptions DEFAULTS = builder().build();

    /**
     * Validates the combination.
     *
     * @param partlyAvailable parts may be reserved, in steps of the raster
     * @param raster the granularity of partial reservations (and of start and end); null for the
     *     smallest, 5 minutes
     * @param wholeDay the dates are widened to whole days in the scheduler's zone
     * @param quota how many times each allocation may be reserved at once, 1 or more
     * @param quotaLimit how many spots one reservation may take, 0 or more; 0 for no limit
     * @param grouped all dates form one group, reservable only as a whole
     * @param data the caller's own data, a JSON object; null for none (stored as an empty object)
     * @param approveManually reservations wait for manual approval
     * @param skipOverlapping dates that overlap existing allocations are skipped, not an error
     * @throws InvalidQuota if the quota is below 1 or the quota limit below 0
     * @throws InvalidAllocationError if partly available and grouped, or grouped and skipping
     *     overlaps (a group is all or nothing)
     * @throws io.libres.errors.DataNotSerializable if the data is not a JSON object
     */
    public AllocateOptions {
        if (raster == null) {
            raster = Raster.MIN;
        }
        if (quota < 1 || quota > Limits.MAX_QUOTA) {
            throw new InvalidQuota("a quota of " + quota + " is invalid; expected 1 or more, at most " + Limits.MAX_QUOTA);
        }
        if (quotaLimit < 0) {
            throw new InvalidQuota("a quota limit of " + quotaLimit + " is invalid; expected 0 (no limit) or more");
        }
        if (partlyAvailable && grouped) {
            throw new InvalidAllocationError("an allocation cannot be both partly available and grouped;"
                    + " expected at most one of the two");
        }
        if (skipOverlapping && grouped) {
            throw new InvalidAllocationError("a grouped allocation is all or nothing and cannot skip overlapping"
                    + " dates; expected skipOverlapping or grouped, not both");
        }
        data = JsonData.requireObject(data);
    }

    /**
     * Starts building options from the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AllocateOptions}; validation happens in {@link #build()}. */
    public static final class Builder {
        private boolean partlyAvailable;
        private Raster raster = Raster.MIN;
        private boolean wholeDay;
        private int quota = 1;
        private int quotaLimit;
        private boolean grouped;
        private Map<String, Object> data;
        private boolean approveManually;
        private boolean skipOverlapping;

        private Builder() {
        }

        /**
         * Sets whether parts may be reserved.
         *
         * @param value true for partly available
         * @return this builder
         */
        public Builder partlyAvailable(boolean value) {
            this.partlyAvailable = value;
            return this;
        }

        /**
         * Sets the raster.
         *
         * @param value the raster
         * @return this builder
         * @throws io.libres.errors.InvalidArgument if the raster is null
         */
        public Builder raster(Raster value) {
            if (value == null) {
                throw new io.libres.errors.InvalidArgument("the raster is missing; expected one of 5, 10, 15, 30 or"
                        + " 60 minutes");
            }
            this.raster = value;
            return this;
        }

        /**
         * Sets the raster in minutes.
         *
         * @param minutes 5, 10, 15, 30 or 60
         * @return this builder
         * @throws io.libres.errors.InvalidRaster if the minutes are not a valid raster
         */
        public Builder raster(int minutes) {
            this.raster = Raster.ofMinutes(minutes);
            return this;
        }

        /**
         * Sets whether dates are widened to whole days.
         *
         * @param value true for whole days
         * @return this builder
         */
        public Builder wholeDay(boolean value) {
            this.wholeDay = value;
            return this;
        }

        /**
         * Sets the quota.
         *
         * @param value 1 or more
         * @return this builder
         */
        public Builder quota(int value) {
            this.quota = value;
            return this;
        }

        /**
         * Sets the quota limit.
         *
         * @param value 0 for no limit
         * @return this builder
         */
        public Builder quotaLimit(int value) {
            this.quotaLimit = value;
            return this;
        }

        /**
         * Sets whether the dates form one group.
         *
         * @param value true to group
         * @return this builder
         */
        public Builder grouped(boolean value) {
            this.grouped = value;
            return this;
        }

        /**
         * Sets the caller's data.
         *
         * @param value a JSON object, or null for none
         * @return this builder
         */
        public Builder data(@Nullable Map<String, Object> value) {
            this.data = value;
            return this;
        }

        /**
         * Sets whether reservations wait for manual approval.
         *
         * @param value true for manual approval
         * @return this builder
         */
        public Builder approveManually(boolean value) {
            this.approveManually = value;
            return this;
        }

        /**
         * Sets whether overlapping dates are skipped.
         *
         * @param value true to skip them
         * @return this builder
         */
        public Builder skipOverlapping(boolean value) {
            this.skipOverlapping = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws InvalidQuota if the quota is below 1 or the quota limit below 0
         * @throws InvalidAllocationError if the combination is not allowed
         */
        public AllocateOptions build() {
            return new AllocateOptions(partlyAvailable, raster, wholeDay, quota, quotaLimit, grouped, data,
                    approveManually, skipOverlapping);
        }
    }
}
