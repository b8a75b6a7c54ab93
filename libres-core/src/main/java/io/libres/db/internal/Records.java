package io.libres.db.internal;

import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.db.query.QueryResult;
import io.libres.errors.InvalidReservationToken;
import io.libres.errors.NoResultFound;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.BlockerCriteria;
import io.libres.spi.ReservationCriteria;
import io.libres.spi.SlotCriteria;
import io.libres.time.Timespan;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The scheduler's record queries: managed and visible records, and records by key. */
public final class Records {

    private final Scope scope;

    /**
     * Creates the queries of a scheduler.
     *
     * @param scope the scheduler's scope
     */
    public Records(Scope scope) {
        this.scope = scope;
    }

    /** @return criteria for the allocations of this resource */
    public AllocationCriteria managed() {
        return AllocationCriteria.ofResource(scope.resource());
    }

    /**
     * The allocations of this resource, masters and mirrors.
     *
     * @return the allocations ordered by start
     */
    public QueryResult<Allocation> managedAllocations() {
        return scope.work().allocations().find(managed());
    }

    /**
     * The allocations of the blocking resources.
     *
     * @return the allocations ordered by start
     */
    public QueryResult<Allocation> blockingAllocations() {
        return scope.work().allocations().find(AllocationCriteria.ofResources(scope.blockingResources()));
    }

    /**
     * The allocations of this and the blocking resources.
     *
     * @return the allocations ordered by start
     */
    public QueryResult<Allocation> visibleAllocations() {
        return scope.work().allocations().find(AllocationCriteria.ofResources(scope.visibleResources()));
    }

    /**
     * The reserved slots on allocations of this resource.
     *
     * @return the slots ordered by start
     */
    public QueryResult<ReservedSlot> managedReservedSlots() {
        return scope.work().reservedSlots().find(SlotCriteria.ofResource(scope.resource()));
    }

    /**
     * The reservations of this resource.
     *
     * @return the reservations ordered by id
     */
    public QueryResult<Reservation> managedReservations() {
        return scope.work().reservations().find(ReservationCriteria.ofResources(Set.of(scope.resource())));
    }

    /**
     * The reservations of this and the blocking resources.
     *
     * @return the reservations ordered by id
     */
    public QueryResult<Reservation> visibleReservations() {
        return scope.work().reservations().find(ReservationCriteria.ofResources(scope.visibleResources()));
    }

    /**
     * The blockers of this resource.
     *
     * @return the blockers ordered by id
     */
    public QueryResult<ReservationBlocker> managedBlockers() {
        return scope.work().blockers().find(BlockerCriteria.ofResources(Set.of(scope.resource())));
    }

    /**
     * The blockers of this and the blocking resources.
     *
     * @return the blockers ordered by id
     */
    public QueryResult<ReservationBlocker> visibleBlockers() {
        return scope.work().blockers().find(BlockerCriteria.ofResources(scope.visibleResources()));
    }

    /**
     * A master allocation of this resource by id.
     *
     * @param id the id
     * @return the allocation
     * @throws NoResultFound if this resource has no master with the id
     */
    public Allocation allocationById(int id) {
        return scope.work().allocations().find(managed().masters().withIds(Set.of(id))).first()
                .orElseThrow(() -> new NoResultFound("no allocation of resource " + scope.resource()
                        + " has the id " + id + "; expected the id of a master allocation of this scheduler"));
    }

    /**
     * An allocation of this resource by id, a master or one of its mirrors.
     *
     * @param id the id
     * @return the allocation
     * @throws NoResultFound if this resource has no allocation with the id
     */
    public Allocation anyAllocationById(int id) {
        return scope.work().allocations().find(managed().withIds(Set.of(id))).first()
                .orElseThrow(() -> new NoResultFound("no allocation of resource " + scope.resource()
                        + " has the id " + id + "; expected the id of an allocation (master or mirror) of this scheduler"));
    }

    /**
     * A reservation of this resource by id.
     *
     * @param id the id
     * @return the reservation
     * @throws NoResultFound if this resource has no reservation with the id
     */
    public Reservation reservationById(int id) {
        return scope.work().reservations().find(ReservationCriteria.ofResources(Set.of(scope.resource())).withId(id))
                .first().orElseThrow(() -> new NoResultFound("no reservation of resource " + scope.resource()
                        + " has the id " + id + "; expected the id of a reservation of this scheduler"));
    }

    /**
     * The reservations of this resource with the given ids.
     *
     * @param ids the ids
     * @return the reservations ordered by id
     */
    public QueryResult<Reservation> reservationsByIds(Collection<Integer> ids) {
        return scope.work().reservations().find(ReservationCriteria.ofResources(Set.of(scope.resource())).withIds(ids));
    }

    /**
     * A blocker of this resource by id.
     *
     * @param id the id
     * @return the blocker
     * @throws NoResultFound if this resource has no blocker with the id
     */
    public ReservationBlocker blockerById(int id) {
        return scope.work().blockers().find(BlockerCriteria.ofResources(Set.of(scope.resource())).withId(id))
                .first().orElseThrow(() -> new NoResultFound("no blocker of resource " + scope.resource()
                        + " has the id " + id + "; expected the id of a blocker of this scheduler"));
    }

    /**
     * The blockers of this resource with the given ids.
     *
     * @param ids the ids
     * @return the blockers ordered by id
     */
    public QueryResult<ReservationBlocker> blockersByIds(Collection<Integer> ids) {
        return scope.work().blockers().find(BlockerCriteria.ofResources(Set.of(scope.resource())).withIds(ids));
    }

    /**
     * The allocations of this resource with the given ids.
     *
     * @param ids the ids
     * @return the allocations ordered by start
     */
    public QueryResult<Allocation> allocationsByIds(Collection<Integer> ids) {
        return scope.work().allocations().find(managed().withIds(ids));
    }

    /**
     * The allocations of this resource in the given groups.
     *
     * @param groups the groups
     * @param mastersOnly true to leave out mirrors
     * @return the allocations ordered by start
     */
    public QueryResult<Allocation> allocationsByGroups(Collection<UUID> groups, boolean mastersOnly) {
        AllocationCriteria criteria = managed().withGroups(groups);
        return scope.work().allocations().find(mastersOnly ? criteria.masters() : criteria);
    }

    /**
     * The allocations overlapping a span.
     *
     * @param span the span, UTC
     * @param mastersOnly true to leave out mirrors
     * @param managedOnly true for this resource only, false to add the blocking resources
     * @return the allocations ordered by start
     */
    public QueryResult<Allocation> allocationsInRange(Timespan span, boolean mastersOnly, boolean managedOnly) {
        AllocationCriteria criteria = (managedOnly ? managed()
                : AllocationCriteria.ofResources(scope.visibleResources())).overlappingAny(List.of(span));
        return scope.work().allocations().find(mastersOnly ? criteria.masters() : criteria);
    }

    /**
     * The spans of the master allocations of a group.
     *
     * @param group the group
     * @return the stored spans ordered by start
     */
    public List<Timespan> allocationDatesByGroup(UUID group) {
        return allocationsByGroups(Set.of(group), true).list().stream().map(Allocation::timespan)
                .collect(Collectors.toList());
    }

    /**
     * The reservations of this resource with a token, and an id if given.
     *
     * @param token the token
     * @param id the id, or empty for all of the token
     * @return the reservations ordered by id
     * @throws InvalidReservationToken if no reservation of this resource has the token
     */
    public QueryResult<Reservation> reservationsByToken(UUID token, OptionalInt id) {
        ReservationCriteria criteria = ReservationCriteria.ofResources(Set.of(scope.resource())).withToken(token);
        QueryResult<Reservation> all = scope.work().reservations().find(criteria);
        if (!all.exists()) {
            throw new InvalidReservationToken("no reservation of resource " + scope.resource() + " has the token "
                    + token + "; expected the token of an existing reservation");
        }
        return id.isPresent() ? scope.work().reservations().find(criteria.withId(id.getAsInt())) : all;
    }

    /**
     * The reservations of this resource with a token, read in one statement.
     *
     * @param token the token
     * @return the reservations ordered by id
     * @throws InvalidReservationToken if no reservation of this resource has the token
     */
    public List<Reservation> reservationListByToken(UUID token) {
        List<Reservation> all = scope.work().reservations()
                .find(ReservationCriteria.ofResources(Set.of(scope.resource())).withToken(token)).list();
        if (all.isEmpty()) {
            throw new InvalidReservationToken("no reservation of resource " + scope.resource() + " has the token "
                    + token + "; expected the token of an existing reservation");
        }
        return all;
    }

    /**
     * The blockers of this resource with a token, and an id if given.
     *
     * @param token the token
     * @param id the id, or empty for all of the token
     * @return the blockers ordered by id
     * @throws InvalidReservationToken if no blocker of this resource has the token
     */
    public QueryResult<ReservationBlocker> blockersByToken(UUID token, OptionalInt id) {
        BlockerCriteria criteria = BlockerCriteria.ofResources(Set.of(scope.resource())).withToken(token);
        QueryResult<ReservationBlocker> all = scope.work().blockers().find(criteria);
        if (!all.exists()) {
            throw new InvalidReservationToken("no blocker of resource " + scope.resource() + " has the token "
                    + token + "; expected the token of an existing blocker");
        }
        return id.isPresent() ? scope.work().blockers().find(criteria.withId(id.getAsInt())) : all;
    }

    /**
     * Deletes, in one statement, the reserved slots that the reservations or blockers of a token
     * wrote for this scheduler's resource.
     *
     * @param token the token of the reservations or blockers
     * @param id the id of one of them, or empty for all of the token
     * @param source whether the slots come from reservations or from blockers
     */
    public void deleteSlotsOf(UUID token, OptionalInt id, SlotSource source) {
        SlotCriteria slots = SlotCriteria.ofResource(scope.resource()).withToken(token).withSource(source);
        scope.work().reservedSlots().delete(id.isPresent() ? slots.withSourceId(id.getAsInt()) : slots);
    }

    /**
     * The reservations sharing a token with a reservation that targets a group.
     *
     * @param group the group
     * @return the reservations ordered by id
     */
    public QueryResult<Reservation> reservationsByGroup(UUID group) {
        ReservationCriteria ours = ReservationCriteria.ofResources(Set.of(scope.resource()));
        Set<UUID> tokens = scope.work().reservations().find(ours.withTargets(Set.of(group))).list().stream()
                .map(Reservation::token).collect(Collectors.toCollection(LinkedHashSet::new));
        return scope.work().reservations().find(ours.withTokens(tokens));
    }

    /**
     * The reserved slots of this resource with a token.
     *
     * @param token the token
     * @param source the kind of source, or null for both
     * @param sourceId the reservation or blocker id, or empty for all of the token
     * @return the slots ordered by start
     */
    public QueryResult<ReservedSlot> reservedSlots(UUID token, SlotSource source, OptionalInt sourceId) {
        SlotCriteria criteria = SlotCriteria.ofResource(scope.resource()).withToken(token);
        if (source != null) {
            criteria = criteria.withSource(source);
        }
        if (sourceId.isPresent()) {
            criteria = criteria.withSourceId(sourceId.getAsInt());
        }
        return scope.work().reservedSlots().find(criteria);
    }

    /**
     * The allocations of this resource holding reserved slots of a token.
     *
     * @param token the token
     * @param source the kind of source
     * @param sourceId the reservation or blocker id, or empty for all of the token
     * @return the allocations ordered by start
     */
    public QueryResult<Allocation> allocationsBySlots(UUID token, SlotSource source, OptionalInt sourceId) {
        Set<Integer> ids = reservedSlots(token, source, sourceId).list().stream().map(ReservedSlot::allocationId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return scope.work().allocations().find(managed().withIds(ids));
    }
}
