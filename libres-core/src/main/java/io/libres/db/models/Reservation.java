package io.libres.db.models;

import org.jspecify.annotations.Nullable;

import io.libres.errors.InvalidReservationError;
import io.libres.time.Timespan;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A pending or approved reservation, a row of {@code reservations}.
 *
 * <p>One call to reserve may write several reservations; they share a token and an email.
 * A reservation targets either one allocation between a start and an end
 * ({@link TargetType#ALLOCATION}, the target being the allocation's group) or a whole group
 * ({@link TargetType#GROUP}, without start and end).
 */
public final class Reservation {

    /** The {@code type} of reservations created by this library, as in libres 1.2. */
    public static final String GENERIC_TYPE = "generic";

    private final Integer id;
    private final UUID token;
    private final UUID target;
    private final TargetType targetType;
    private final String type;
    private final UUID resource;
    private final Instant start;
    private final Instant end;
    private final String timezone;
    private final ReservationStatus status;
    private final Map<String, Object> data;
    private final String email;
    private final UUID sessionId;
    private final int quota;
    private final Instant created;
    private final Instant modified;

    private Reservation(Builder b) {
        this.id = b.id;
        this.token = require(b.token, "token");
        this.target = require(b.target, "target");
        this.targetType = require(b.targetType, "target type");
        this.type = b.type == null ? GENERIC_TYPE : b.type;
        this.resource = require(b.resource, "resource");
        this.start = b.start;
        this.end = b.end;
        if (targetType == TargetType.ALLOCATION && (start == null || end == null)) {
            throw new InvalidReservationError("a reservation of an allocation needs a start and an end;"
                    + " expected both");
        }
        this.timezone = b.timezone;
        this.status = b.status == null ? ReservationStatus.PENDING : b.status;
        this.data = b.data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.data));
        this.email = require(b.email, "email");
        this.sessionId = b.sessionId;
        this.quota = b.quota;
        this.created = b.created;
        this.modified = b.modified;
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new InvalidReservationError("the reservation's " + name + " is missing; expected a value");
        }
        return value;
    }

    /**
     * Starts building a reservation.
     *
     * @return a pending builder with quota 1
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder initialised with this reservation's values.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.token = token;
        b.target = target;
        b.targetType = targetType;
        b.type = type;
        b.resource = resource;
        b.start = start;
        b.end = end;
        b.timezone = timezone;
        b.status = status;
        b.data = data;
        b.email = email;
        b.sessionId = sessionId;
        b.quota = quota;
        b.created = created;
        b.modified = modified;
        return b;
    }

    /**
     * The id given by the storage.
     *
     * @return the id, empty before the reservation is stored
     */
    public OptionalInt id() {
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /**
     * The id of a stored reservation.
     *
     * @return the id
     * @throws InvalidReservationError if the reservation is not stored
     */
    public int requireId() {
        if (id == null) {
            throw new InvalidReservationError("the reservation " + token + " is not stored and has no id;"
                    + " expected a stored reservation");
        }
        return id;
    }

    /**
     * The token shared by the reservations of one reserve call.
     *
     * @return the token
     */
    public UUID token() {
        return token;
    }

    /**
     * The targeted group.
     *
     * @return the group of the targeted allocation(s)
     */
    public UUID target() {
        return target;
    }

    /**
     * Whether one allocation or a group is targeted.
     *
     * @return the target type
     */
    public TargetType targetType() {
        return targetType;
    }

    /**
     * The polymorphic type column.
     *
     * @return {@value #GENERIC_TYPE} unless set otherwise
     */
    public String type() {
        return type;
    }

    /**
     * The scheduler's resource.
     *
     * @return the resource
     */
    public UUID resource() {
        return resource;
    }

    /**
     * The rastered start, UTC.
     *
     * @return the start, empty for a group reservation
     */
    public Optional<Instant> start() {
        return Optional.ofNullable(start);
    }

    /**
     * The rastered end in stored form, UTC.
     *
     * @return the end, empty for a group reservation
     */
    public Optional<Instant> end() {
        return Optional.ofNullable(end);
    }

    /**
     * The zone of the targeted allocation.
     *
     * @return the zone id, empty for group reservations
     */
    public Optional<String> timezone() {
        return Optional.ofNullable(timezone);
    }

    /**
     * Pending or approved.
     *
     * @return the status
     */
    public ReservationStatus status() {
        return status;
    }

    /**
     * The caller's own data.
     *
     * @return an unmodifiable JSON object, empty if none was given
     */
    public Map<String, Object> data() {
        return data;
    }

    /**
     * The reservee's email.
     *
     * @return the email
     */
    public String email() {
        return email;
    }

    /**
     * The browser session the reservation belongs to, until confirmed.
     *
     * @return the session id, empty if none
     */
    public Optional<UUID> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /**
     * How many spots the reservation takes.
     *
     * @return the quota
     */
    public int quota() {
        return quota;
    }

    /**
     * When the reservation was stored.
     *
     * @return the instant, empty before it is stored
     */
    public Optional<Instant> created() {
        return Optional.ofNullable(created);
    }

    /**
     * When the reservation was last changed.
     *
     * @return the instant, empty if never changed
     */
    public Optional<Instant> modified() {
        return Optional.ofNullable(modified);
    }

    /**
     * The reservee, as libres' {@code title}.
     *
     * @return the email
     */
    public String title() {
        return email;
    }

    private ZoneId zone() {
        return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
    }

    /**
     * The start in the reservation's zone.
     *
     * @return the start
     * @throws InvalidReservationError for a group reservation, which has no start
     */
    public ZonedDateTime displayStart() {
        return displayStart(zone());
    }

    /**
     * The start in a zone.
     *
     * @param zone the zone
     * @return the start
     * @throws InvalidReservationError for a group reservation, which has no start
     */
    public ZonedDateTime displayStart(ZoneId zone) {
        return requireDates().start().atZone(zone);
    }

    /**
     * The exclusive end (stored end plus one microsecond) in the reservation's zone.
     *
     * @return the end
     * @throws InvalidReservationError for a group reservation, which has no end
     */
    public ZonedDateTime displayEnd() {
        return displayEnd(zone());
    }

    /**
     * The exclusive end in a zone.
     *
     * @param zone the zone
     * @return the end
     * @throws InvalidReservationError for a group reservation, which has no end
     */
    public ZonedDateTime displayEnd(ZoneId zone) {
        return requireDates().end().plus(Timespan.MICROSECOND).atZone(zone);
    }

    private Timespan requireDates() {
        if (start == null || end == null) {
            throw new InvalidReservationError("the reservation " + token
                    + " targets a group and has no dates; expected a reservation of an allocation");
        }
        return new Timespan(start, end);
    }

    /**
     * The master allocations this reservation targets, ordered by start. Not to be confused with
     * the allocations an approved reservation has reserved slots on.
     *
     * @param lookup the unit of work to read from
     * @return the targeted master allocations
     */
    public List<Allocation> targetAllocations(Lookup lookup) {
        return lookup.allocationsByGroup(target, true);
    }

    /**
     * The spans this reservation targets, ordered by start. For a reservation of an allocation,
     * its own start to its exclusive end; for a group, the stored spans of the group's masters.
     *
     * @param lookup the unit of work to read from (only used for group reservations)
     * @return the spans
     */
    public List<Timespan> timespans(Lookup lookup) {
        if (targetType == TargetType.ALLOCATION) {
            return List.of(new Timespan(start, end.plus(Timespan.MICROSECOND)));
        }
        List<Timespan> spans = new ArrayList<>();
        for (Allocation allocation : targetAllocations(lookup)) {
            spans.add(allocation.timespan());
        }
        return spans;
    }

    /**
     * Tells whether the reservation can be approved without a human: no targeted allocation
     * requires manual approval.
     *
     * @param lookup the unit of work to read from
     * @return true if autoapprovable
     */
    public boolean autoapprovable(Lookup lookup) {
        return targetAllocations(lookup).stream().noneMatch(Allocation::approveManually);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Reservation)) {
            return false;
        }
        Reservation that = (Reservation) other;
        return Objects.equals(id, that.id) && token.equals(that.token) && target.equals(that.target)
                && Objects.equals(start, that.start);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, token, target, start);
    }

    @Override
    public String toString() {
        return "Reservation " + (id == null ? "(new)" : "#" + id) + " " + token + " " + status.dbValue()
                + " " + targetType.dbValue() + " " + target + (start == null ? "" : " " + start + " - " + end);
    }

    /** Builds a {@link Reservation}. */
    public static final class Builder {
        private Integer id;
        private UUID token;
        private UUID target;
        private TargetType targetType;
        private String type;
        private UUID resource;
        private Instant start;
        private Instant end;
        private String timezone;
        private ReservationStatus status;
        private Map<String, Object> data;
        private String email;
        private UUID sessionId;
        private int quota = 1;
        private Instant created;
        private Instant modified;

        private Builder() {
        }

        /**
         * Sets the id.
         *
         * @param value the id, or null before storing
         * @return this builder
         */
        public Builder id(@Nullable Integer value) {
            this.id = value;
            return this;
        }

        /**
         * Sets the token.
         *
         * @param value the token
         * @return this builder
         */
        public Builder token(UUID value) {
            this.token = value;
            return this;
        }

        /**
         * Sets the targeted group.
         *
         * @param value the group
         * @return this builder
         */
        public Builder target(UUID value) {
            this.target = value;
            return this;
        }

        /**
         * Sets the target type.
         *
         * @param value the target type
         * @return this builder
         */
        public Builder targetType(TargetType value) {
            this.targetType = value;
            return this;
        }

        /**
         * Sets the polymorphic type.
         *
         * @param value the type, null for {@value Reservation#GENERIC_TYPE}
         * @return this builder
         */
        public Builder type(@Nullable String value) {
            this.type = value;
            return this;
        }

        /**
         * Sets the resource.
         *
         * @param value the resource
         * @return this builder
         */
        public Builder resource(UUID value) {
            this.resource = value;
            return this;
        }

        /**
         * Sets the start, UTC.
         *
         * @param value the start, null for a group
         * @return this builder
         */
        public Builder start(@Nullable Instant value) {
            this.start = value;
            return this;
        }

        /**
         * Sets the stored end, UTC.
         *
         * @param value the end, null for a group
         * @return this builder
         */
        public Builder end(@Nullable Instant value) {
            this.end = value;
            return this;
        }

        /**
         * Sets the zone.
         *
         * @param value a zone id, or null
         * @return this builder
         */
        public Builder timezone(@Nullable String value) {
            this.timezone = value;
            return this;
        }

        /**
         * Sets the status.
         *
         * @param value the status
         * @return this builder
         */
        public Builder status(ReservationStatus value) {
            this.status = value;
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
         * Sets the email.
         *
         * @param value the email
         * @return this builder
         */
        public Builder email(String value) {
            this.email = value;
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
         * Sets the quota.
         *
         * @param value the spots taken
         * @return this builder
         */
        public Builder quota(int value) {
            this.quota = value;
            return this;
        }

        /**
         * Sets the creation timestamp.
         *
         * @param value the instant, or null
         * @return this builder
         */
        public Builder created(@Nullable Instant value) {
            this.created = value;
            return this;
        }

        /**
         * Sets the modification timestamp.
         *
         * @param value the instant, or null
         * @return this builder
         */
        public Builder modified(@Nullable Instant value) {
            this.modified = value;
            return this;
        }

        /**
         * Builds the reservation.
         *
         * @return the reservation
         * @throws InvalidReservationError if token, target, target type, resource or email is
         *     missing, or an allocation reservation lacks start or end
         */
        public Reservation build() {
            return new Reservation(this);
        }
    }
}
