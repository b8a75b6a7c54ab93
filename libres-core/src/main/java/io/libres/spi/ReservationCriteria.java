package io.libres.spi;

import org.jspecify.annotations.Nullable;

import io.libres.db.models.ReservationStatus;
import io.libres.db.models.TargetType;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Which reservations a store method reads, changes or deletes: every set criterion must hold;
 * a criterion left unset matches everything.
 *
 * @param resources reservations of these resources; null for any
 * @param tokens reservations with one of these tokens; null for any
 * @param ids reservations with one of these ids; null for any
 * @param targets reservations targeting one of these groups; null for any
 * @param status reservations in this status; null for any
 * @param targetType reservations of this target type; null for any
 * @param sessionIds reservations of one of these browser sessions; null for any
 */
public record ReservationCriteria(@Nullable Set<UUID> resources, @Nullable Set<UUID> tokens, @Nullable Set<Integer> ids,
        @Nullable Set<UUID> targets, @Nullable ReservationStatus status, @Nullable TargetType targetType, @Nullable Set<UUID> sessionIds) {

    /**
     * Copies the collections so the criteria stay immutable.
     *
     * @param resources reservations of these resources; null for any
     * @param tokens reservations with one of these tokens; null for any
     * @param ids reservations with one of these ids; null for any
     * @param targets reservations targeting one of these groups; null for any
     * @param status reservations in this status; null for any
     * @param targetType reservations of this target type; null for any
     * @param sessionIds reservations of one of these browser sessions; null for any
     */
    public ReservationCriteria {
        resources = resources == null ? null : Set.copyOf(resources);
        tokens = tokens == null ? null : Set.copyOf(tokens);
        ids = ids == null ? null : Set.copyOf(ids);
        targets = targets == null ? null : Set.copyOf(targets);
        sessionIds = sessionIds == null ? null : Set.copyOf(sessionIds);
    }

    /**
     * Every reservation.
     *
     * @return the criteria matching everything
     */
    public static ReservationCriteria any() {
        return new ReservationCriteria(null, null, null, null, null, null, null);
    }

    /**
     * The reservations of some resources.
     *
     * @param values the resources
     * @return the criteria
     */
    public static ReservationCriteria ofResources(Collection<UUID> values) {
        return any().withResources(values);
    }

    /**
     * Narrowed to resources.
     *
     * @param values the resources
     * @return the criteria
     */
    public ReservationCriteria withResources(Collection<UUID> values) {
        return new ReservationCriteria(Set.copyOf(values), tokens, ids, targets, status, targetType, sessionIds);
    }

    /**
     * Narrowed to a token.
     *
     * @param value the token
     * @return the criteria
     */
    public ReservationCriteria withToken(UUID value) {
        return withTokens(Set.of(value));
    }

    /**
     * Narrowed to tokens.
     *
     * @param values the tokens
     * @return the criteria
     */
    public ReservationCriteria withTokens(Collection<UUID> values) {
        return new ReservationCriteria(resources, Set.copyOf(values), ids, targets, status, targetType, sessionIds);
    }

    /**
     * Narrowed to an id.
     *
     * @param value the id
     * @return the criteria
     */
    public ReservationCriteria withId(int value) {
        return new ReservationCriteria(resources, tokens, Set.of(value), targets, status, targetType, sessionIds);
    }

    /**
     * Narrowed to ids.
     *
     * @param values the ids
     * @return the criteria
     */
    public ReservationCriteria withIds(Collection<Integer> values) {
        return new ReservationCriteria(resources, tokens, Set.copyOf(values), targets, status, targetType, sessionIds);
    }

    /**
     * Narrowed to targets.
     *
     * @param values the targeted groups
     * @return the criteria
     */
    public ReservationCriteria withTargets(Collection<UUID> values) {
        return new ReservationCriteria(resources, tokens, ids, Set.copyOf(values), status, targetType, sessionIds);
    }

    /**
     * Narrowed to a status.
     *
     * @param value the status
     * @return the criteria
     */
    public ReservationCriteria withStatus(ReservationStatus value) {
        return new ReservationCriteria(resources, tokens, ids, targets, value, targetType, sessionIds);
    }

    /**
     * Narrowed to a target type.
     *
     * @param value the target type
     * @return the criteria
     */
    public ReservationCriteria withTargetType(TargetType value) {
        return new ReservationCriteria(resources, tokens, ids, targets, status, value, sessionIds);
    }

    /**
     * Narrowed to sessions.
     *
     * @param values the session ids
     * @return the criteria
     */
    public ReservationCriteria withSessions(Collection<UUID> values) {
        return new ReservationCriteria(resources, tokens, ids, targets, status, targetType, Set.copyOf(values));
    }
}
