package io.libres.db;

import org.jspecify.annotations.Nullable;

import io.libres.db.internal.JsonData;
import io.libres.errors.InvalidQuota;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How {@link Scheduler#reserve} reserves; libres' keyword arguments besides email and dates.
 *
 * @param data the caller's own data, a JSON object
 * @param sessionId the browser session the reservation belongs to, or null
 * @param quota how many spots to reserve at once
 * @param singleTokenPerSession reuse the token of the session's existing reservations
 */
public record ReserveOptions(Map<String, Object> data, @Nullable UUID sessionId, int quota, boolean singleTokenPerSession) {

    /** The defaults: one spot, no session, no data. */
    public static final ReserveOptions DEFAULTS = builder().build();

    /**
     * Validates the options.
     *
     * @param data the caller's own data, a JSON object; null for none (stored as an empty object)
     * @param sessionId the browser session the reservation belongs to, or null
     * @param quota how many spots to reserve at once, 1 or more
     * @param singleTokenPerSession reuse the token of the session's existing reservations
     * @throws InvalidQuota if the quota is below 1
     * @throws io.libres.errors.DataNotSerializable if the data is not a JSON object
     */
    public ReserveOptions {
        if (quota < 1 || quota > Limits.MAX_QUOTA) {
            throw new InvalidQuota("a reservation quota of " + quota + " is invalid; expected 1 or more, at most "
                    + Limits.MAX_QUOTA);
        }
        data = JsonData.requireObject(data);
    }

    /**
     * The session, as an optional.
     *
     * @return the session id, empty if none
     */
    public Optional<UUID> session() {
        return Optional.ofNullable(sessionId);
    }

    /**
     * Starts building options from the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ReserveOptions}. */
    public static final class Builder {
        private Map<String, Object> data;
        private UUID sessionId;
        private int quota = 1;
        private boolean singleTokenPerSession;

        private Builder() {
        }

        /**
         * Sets the caller's data.
         *
         * @param value a JSON object, or null
         * @return this builder
         */
        public Builder data(@Nullable Map<String, Object> value) {
            this.data = value;
            return this;
        }

        /**
         * Sets the browser session.
         *
         * @param value the session id, or null
         * @return this builder
         */
        public Builder sessionId(@Nullable UUID value) {
            this.sessionId = value;
            return this;
        }

        /**
         * Sets the number of spots.
         *
         * @param value 1 or more
         * @return this builder
         */
        public Builder quota(int value) {
            this.quota = value;
            return this;
        }

        /**
         * Sets whether the session's token is reused.
         *
         * @param value true to reuse it
         * @return this builder
         */
        public Builder singleTokenPerSession(boolean value) {
            this.singleTokenPerSession = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws InvalidQuota if the quota is below 1
         */
        public ReserveOptions build() {
            return new ReserveOptions(data, sessionId, quota, singleTokenPerSession);
        }
    }
}
