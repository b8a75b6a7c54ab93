package io.libres.db.models;

import org.jspecify.annotations.Nullable;

import io.libres.errors.InvalidReservationError;
import io.libres.time.Timespan;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A blocker, a row of {@code reservation_blockers}: reserves slots without a reservee, for
 * cleaning or maintenance, in one step and without approval. It takes up every spot of the
 * allocation's quota. Immutable.
 *
 * <p>Ids follow the rule of every model: {@link #id()} is empty until the storage stored the
 * blocker, {@link #requireId()} is the id of a stored one.
 */
public final class ReservationBlocker {

    private final Integer id;
    private final UUID token;
    private final UUID target;
    private final TargetType targetType;
    private final UUID resource;
    private final Instant start;
    private final Instant end;
    private final String timezone;
    private final String reason;
    private final Instant created;
    private final Instant modified;

    /**
     * Validates the required columns.
     *
     * @param id the id given by the storage, null before it is stored
     * @param token the token shared by the blockers of one call
     * @param target the targeted group
     * @param targetType whether one allocation or a group is targeted
     * @param resource the scheduler's resource
     * @param start the rastered start, UTC; null for a group
     * @param end the rastered stored end, UTC; null for a group
     * @param timezone the zone of the targeted allocation; null for a group
     * @param reason why the slots are blocked; may be null
     * @param created when stored, UTC; null before
     * @param modified when last changed, UTC; null if never
     * @throws InvalidReservationError if token, target, target type or resource is missing, or an
     *     allocation blocker lacks start or end
     */
    public ReservationBlocker(@Nullable Integer id, UUID token, UUID target, TargetType targetType,
            UUID resource, @Nullable Instant start, @Nullable Instant end, @Nullable String timezone, @Nullable String reason,
            @Nullable Instant created, @Nullable Instant modified) {
        if (token == null || target == null || targetType == null || resource == null) {
            throw new InvalidReservationError("a blocker needs a token, a target, a target type and a"
                    + " resource; expected all four");
        }
        if (targetType == TargetType.ALLOCATION && (start == null || end == null)) {
            throw new InvalidReservationError("a blocker of an allocation needs a start and an end;"
                    + " expected both");
        }
        this.id = id;
        this.token = token;
        this.target = target;
        this.targetType = targetType;
        this.resource = resource;
        this.start = start;
        this.end = end;
        this.timezone = timezone;
        this.reason = reason;
        this.created = created;
        this.modified = modified;
    }

    /**
     * The id given by the storage.
     *
     * @return the id, empty before the blocker is stored
     */
    public OptionalInt id() {
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /**
     * The id of a stored blocker.
     *
     * @return the id
     * @throws InvalidReservationError if the blocker is not stored
     */
    public int requireId() {
        if (id == null) {
            throw new InvalidReservationError("the blocker " + token + " is not stored and has no id;"
                    + " expected a stored blocker");
        }
        return id;
    }

    /**
     * The token shared by the blockers of one call.
     *
     * @return the token
     */
    public UUID token() {
        return token;
    }

    /**
     * The targeted group.
     *
     * @return the group
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
     * @return the start; null for a group
     */
    public @Nullable Instant start() {
        return start;
    }

    /**
     * The rastered stored end, UTC.
     *
     * @return the end; null for a group
     */
    public @Nullable Instant end() {
        return end;
    }

    /**
     * The zone of the targeted allocation.
     *
     * @return the zone's id; null for a group
     */
    public @Nullable String timezone() {
        return timezone;
    }

    /**
     * Why the slots are blocked.
     *
     * @return the reason; null if none is given
     */
    public @Nullable String reason() {
        return reason;
    }

    /**
     * When the blocker was stored, UTC.
     *
     * @return the time; null before it is stored
     */
    public @Nullable Instant created() {
        return created;
    }

    /**
     * When the blocker was last changed, UTC.
     *
     * @return the time; null if never
     */
    public @Nullable Instant modified() {
        return modified;
    }

    /**
     * The id, as an optional; the same as {@link #id()}.
     *
     * @return the id, empty before the blocker is stored
     * @deprecated {@link #id()} is the optional id now, as on every model; this goes in the next release
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public OptionalInt optionalId() {
        return id();
    }

    /**
     * This blocker with an id (as given by the storage when inserting).
     *
     * @param newId the id
     * @return the blocker with the id
     */
    public ReservationBlocker withId(int newId) {
        return new ReservationBlocker(newId, token, target, targetType, resource, start, end, timezone,
                reason, created, modified);
    }

    /**
     * This blocker with another reason.
     *
     * @param newReason the reason, may be null
     * @return the changed blocker
     */
    public ReservationBlocker withReason(@Nullable String newReason) {
        return new ReservationBlocker(id, token, target, targetType, resource, start, end, timezone,
                newReason, created, modified);
    }

    /**
     * The reason, as libres' {@code title}.
     *
     * @return the reason, empty if none
     */
    public Optional<String> title() {
        return Optional.ofNullable(reason);
    }

    private ZoneId zone() {
        return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
    }

    /**
     * The start in the blocker's zone.
     *
     * @return the start
     * @throws InvalidReservationError for a group blocker, which has no start
     */
    public ZonedDateTime displayStart() {
        return displayStart(zone());
    }

    /**
     * The start in a zone.
     *
     * @param zone the zone
     * @return the start
     * @throws InvalidReservationError for a group blocker, which has no start
     */
    public ZonedDateTime displayStart(ZoneId zone) {
        requireDates();
        return start.atZone(zone);
    }

    /**
     * The exclusive end in the blocker's zone.
     *
     * @return the end plus one microsecond
     * @throws InvalidReservationError for a group blocker, which has no end
     */
    public ZonedDateTime displayEnd() {
        return displayEnd(zone());
    }

    /**
     * The exclusive end in a zone.
     *
     * @param zone the zone
     * @return the end plus one microsecond
     * @throws InvalidReservationError for a group blocker, which has no end
     */
    public ZonedDateTime displayEnd(ZoneId zone) {
        requireDates();
        return end.plus(Timespan.MICROSECOND).atZone(zone);
    }

    private void requireDates() {
        if (start == null || end == null) {
            throw new InvalidReservationError("the blocker " + token
                    + " targets a group and has no dates; expected a blocker of an allocation");
        }
    }

    /**
     * The allocations this blocker targets, ordered by start.
     *
     * @param lookup the unit of work to read from
     * @param mastersOnly true to leave out mirrors
     * @return the targeted allocations
     */
    public List<Allocation> targetAllocations(Lookup lookup, boolean mastersOnly) {
        return lookup.allocationsByGroup(target, mastersOnly);
    }

    /**
     * The spans this blocker targets, ordered by start.
     *
     * @param lookup the unit of work to read from (only used for group blockers)
     * @return the spans
     */
    public List<Timespan> timespans(Lookup lookup) {
        if (targetType == TargetType.ALLOCATION) {
            return List.of(new Timespan(start, end.plus(Timespan.MICROSECOND)));
        }
        List<Timespan> spans = new ArrayList<>();
        for (Allocation allocation : targetAllocations(lookup, true)) {
            spans.add(allocation.timespan());
        }
        return spans;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ReservationBlocker)) {
            return false;
        }
        ReservationBlocker that = (ReservationBlocker) other;
        return Objects.equals(id, that.id) && token.equals(that.token) && target.equals(that.target)
                && Objects.equals(start, that.start) && Objects.equals(reason, that.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, token, target, start);
    }

    @Override
    public String toString() {
        return "ReservationBlocker[id=" + id + ", token=" + token + ", target=" + target + ", targetType=" + targetType
                + ", resource=" + resource + ", start=" + start + ", end=" + end + ", timezone=" + timezone
                + ", reason=" + reason + ", created=" + created + ", modified=" + modified + "]";
    }
}
