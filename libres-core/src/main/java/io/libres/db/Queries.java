package io.libres.db;

import io.libres.context.Context;
import io.libres.db.internal.Arguments;
import io.libres.db.internal.AvailabilityMath;
import io.libres.db.internal.SessionResult;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.db.query.QueryResult;
import io.libres.errors.NoReservationsToConfirm;
import io.libres.errors.NoResultFound;
import io.libres.events.Events;
import io.libres.events.ReservationsConfirmed;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.ReservationCriteria;
import io.libres.spi.SlotCriteria;
import io.libres.spi.UnitOfWork;
import io.libres.time.Raster;
import io.libres.time.Rasterizer;
import io.libres.time.Timespan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Queries that do not belong to one resource: availability over several resources, and the
 * browser sessions of reservations (a shopping cart: confirm, remove one, expire).
 *
 * <p>Uses the session of its context: inside a unit of work (a scope or the thread-bound one) what
 * it reads and writes is part of it; a read outside one runs in a short unit of work of its own
 * that has given back its connection when the call returns. Immutable and thread-safe: hold one
 * per context for the application's life.
 */
public final class Queries {

    /** How long an unconfirmed session lives by default: 15 minutes. */
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofMinutes(15);

    private final Context context;
    private final Clock clock;

    /**
     * Creates the queries of a context, with the system clock.
     *
     * @param context the context
     */
    public Queries(Context context) {
        this(context, Clock.systemUTC());
    }

    /**
     * Creates the queries of a context with a clock for the default expiry.
     *
     * @param context the context
     * @param clock the clock "now" is read from
     */
    public Queries(Context context, Clock clock) {
        this.context = context;
        this.clock = clock;
    }

    private UnitOfWork work() {
        return Session.of(context).current();
    }

    private <T> T read(java.util.function.Supplier<T> reading) {
        return Session.of(context).read(reading);
    }

    private boolean exposed(Allocation allocation) {
        return context.getService(Exposure.KEY).isAllocationExposed(allocation);
    }

    /**
     * Every allocation, of any resource, overlapping a span.
     *
     * @param span the span, UTC, both ends inclusive
     * @return the allocations ordered by start
     * @throws io.libres.errors.InvalidArgument if the span is missing
     */
    public QueryResult<Allocation> allocationsInRange(Timespan span) {
        Arguments.require(span, "span");
        return SessionResult.of(Session.of(context), "allocation in " + span,
                () -> work().allocations().find(AllocationCriteria.any().overlappingAny(List.of(span))));
    }

    /**
     * The availability of a set of allocations, masters and mirrors: mirrors not yet stored count
     * as 100 % free.
     *
     * @param allocations the allocations
     * @return 0 to 100; 0 if there are no masters among them
     * @throws io.libres.errors.InvalidArgument if the allocations are missing or hold a missing value
     */
    public double availabilityByAllocations(Collection<Allocation> allocations) {
        Arguments.requireAll(allocations, "allocations");
        return read(() -> AvailabilityMath.availabilityByAllocations(allocations, slotsOf(allocations)));
    }

    private Map<Integer, List<ReservedSlot>> slotsOf(Collection<Allocation> allocations) {
        List<Integer> ids = allocations.stream().filter(a -> !a.isTransient()).map(Allocation::requireId)
                .collect(Collectors.toList());
        return ids.isEmpty() ? Map.of() : work().reservedSlots().byAllocation(ids);
    }

    /**
     * The availability of the exposed allocations of some real resources within a span.
     *
     * @param span the span, UTC
     * @param resources the real resources
     * @return 0 to 100; 0 if there is no allocation
     * @throws io.libres.errors.InvalidArgument if the span or the resources are missing
     */
    public double availabilityByRange(Timespan span, Collection<UUID> resources) {
        Arguments.require(span, "span");
        Arguments.requireAll(resources, "resources");
        return read(() -> {
            List<Allocation> allocations = work().allocations()
                    .find(AllocationCriteria.ofResources(resources).overlappingAny(List.of(span))).list().stream()
                    .filter(this::exposed).collect(Collectors.toList());
            return availabilityByAllocations(allocations);
        });
    }

    /**
     * The availability of each day of a span, days taken in UTC as libres 1.2 does.
     *
     * @param span the span, UTC
     * @param resources the real resources
     * @return for each day with exposed allocations, its availability and resources
     * @throws io.libres.errors.InvalidArgument if the span or the resources are missing
     */
    public Map<LocalDate, DayAvailability> availabilityByDay(Timespan span, Collection<UUID> resources) {
        return availabilityByDay(span, resources, ZoneOffset.UTC);
    }

    /**
     * The availability of each day of a span, days taken in a zone (an allocation belongs to the
     * day it starts on, in that zone).
     *
     * @param span the span, UTC
     * @param resources the real resources
     * @param zone the zone of the days
     * @return for each day with exposed allocations, in order, its availability and resources
     * @throws io.libres.errors.InvalidArgument if the span, the resources or the zone are missing
     */
    public Map<LocalDate, DayAvailability> availabilityByDay(Timespan span, Collection<UUID> resources, ZoneId zone) {
        Arguments.require(span, "span");
        Arguments.requireAll(resources, "resources");
        Arguments.require(zone, "zone");
        return read(() -> availabilityByDayIn(span, resources, zone));
    }

    private Map<LocalDate, DayAvailability> availabilityByDayIn(Timespan span, Collection<UUID> resources, ZoneId zone) {
        List<Allocation> allocations = work().allocations()
                .find(AllocationCriteria.ofResources(resources).overlappingAny(List.of(span))).list();
        Map<Integer, List<ReservedSlot>> slots = slotsOf(allocations);
        Map<LocalDate, List<Allocation>> byDay = new LinkedHashMap<>();
        for (Allocation allocation : allocations) {
            if (exposed(allocation)) {
                byDay.computeIfAbsent(allocation.start().atZone(zone).toLocalDate(), d -> new ArrayList<>())
                        .add(allocation);
            }
        }
        Map<LocalDate, DayAvailability> days = new LinkedHashMap<>();
        byDay.forEach((day, members) -> days.put(day, new DayAvailability(
                AvailabilityMath.availabilityByAllocations(members, slots),
                members.stream().map(Allocation::mirrorOf).collect(Collectors.toSet()))));
        return days;
    }

    /**
     * The reserved slots of a resource and its blocking resources, in five-minute slices.
     *
     * @param span the span, UTC
     * @param resource the resource
     * @param blockingResources the blocking resources
     * @return the reserved and blocked slices
     * @throws io.libres.errors.InvalidArgument if the span, the resource or the blocking resources are missing
     */
    public ReservedSlices reservedSlotsByRange(Timespan span, UUID resource, Collection<UUID> blockingResources) {
        Arguments.require(span, "span");
        Arguments.require(resource, "resource");
        Arguments.requireAll(blockingResources, "blocking resources");
        Timespan rastered = Rasterizer.rasterizeSpan(span, Raster.MIN);
        Set<UUID> resources = new HashSet<>(blockingResources);
        resources.add(resource);
        List<ReservedSlot> slots = read(() -> work().reservedSlots()
                .find(SlotCriteria.any().withResources(resources).overlapping(rastered)).list());
        Map<Instant, Integer> reserved = new HashMap<>();
        Set<Instant> blocked = new HashSet<>();
        for (ReservedSlot slot : slots) {
            for (Timespan slice : Rasterizer.iterateSpan(rastered, Raster.MIN)) {
                Instant at = slice.start();
                boolean covers = !at.isBefore(slot.start()) && at.isBefore(slot.end());
                if (!covers) {
                    continue;
                }
                if (slot.source() == SlotSource.BLOCKER) {
                    blocked.add(at);
                } else {
                    reserved.merge(at, 1, Integer::sum);
                }
            }
        }
        return new ReservedSlices(reserved, blocked);
    }

    /**
     * The exposed master allocations of a resource within a span, with availability and partitions
     * that take the reserved slots of the blocking resources into account.
     *
     * @param span the span, UTC
     * @param resource the resource
     * @param blockingResources the blocking resources
     * @param normalizeDst show days with a daylight-saving change as 24-hour days
     * @return the allocations ordered by start, with their availability
     */
    public List<AllocationAvailability> allocationsWithAvailabilityByRange(Timespan span, UUID resource,
            Collection<UUID> blockingResources, boolean normalizeDst) {
        return read(() -> withAvailabilityIn(span, resource, blockingResources, normalizeDst));
    }

    private List<AllocationAvailability> withAvailabilityIn(Timespan span, UUID resource,
            Collection<UUID> blockingResources, boolean normalizeDst) {
        List<Allocation> masters = work().allocations().find(AllocationCriteria.ofResource(resource)
                .withResources(Set.of(resource)).overlappingAny(List.of(span))).list().stream()
                .filter(this::exposed).collect(Collectors.toList());
        if (masters.isEmpty()) {
            return List.of();
        }
        Instant first = masters.stream().map(Allocation::start).min(Instant::compareTo).orElseThrow();
        Instant last = masters.stream().map(Allocation::end).max(Instant::compareTo).orElseThrow();
        ReservedSlices slices = reservedSlotsByRange(new Timespan(first, last), resource, blockingResources);
        return AvailabilityMath.withBlockingResources(masters, slices, normalizeDst);
    }

    /**
     * The reservations of a browser session, oldest first.
     *
     * @param sessionId the session; null gives nothing, never every reservation
     * @return the reservations
     */
    public QueryResult<Reservation> reservationsBySession(UUID sessionId) {
        if (sessionId == null) {
            return QueryResult.of("reservation of no session", List.of());
        }
        return SessionResult.of(Session.of(context), "reservation of session " + sessionId,
                () -> work().reservations().find(ReservationCriteria.any().withSessions(Set.of(sessionId))));
    }

    /**
     * Confirms the reservations of a session: they no longer belong to it and no longer expire.
     *
     * @param sessionId the session
     * @param token only the reservations with this token, or null for all of the session
     * @return the confirmed reservations
     * @throws NoReservationsToConfirm if the session has no (such) reservation
     */
    public List<Reservation> confirmReservationsForSession(UUID sessionId, UUID token) {
        if (sessionId == null) {
            throw new NoReservationsToConfirm("no session was given; expected the id of a session with reservations");
        }
        ReservationCriteria criteria = ReservationCriteria.any().withSessions(Set.of(sessionId));
        if (token != null) {
            criteria = criteria.withToken(token);
        }
        List<Reservation> found = work().reservations().find(criteria).list();
        if (found.isEmpty()) {
            throw new NoReservationsToConfirm("the session " + sessionId + " has no reservations"
                    + (token == null ? "" : " with the token " + token) + "; expected at least one to confirm");
        }
        List<Reservation> confirmed = found.stream().map(r -> r.toBuilder().sessionId(null).build())
                .collect(Collectors.toList());
        work().reservations().update(confirmed);
        Events.of(context).publish(new ReservationsConfirmed(context, confirmed, sessionId));
        return confirmed;
    }

    /**
     * Removes the reservation of a session with a token, and its reserved slots, and marks the
     * session's other reservations as active now (so they do not expire early).
     *
     * @param sessionId the session
     * @param token the reservation's token
     * @throws NoResultFound if the session has no reservation with the token
     * @throws io.libres.errors.MultipleResultsFound if it has several
     */
    public void removeReservationFromSession(UUID sessionId, UUID token) {
        ReservationCriteria criteria = ReservationCriteria.any().withSessions(Set.of(sessionId)).withToken(token);
        Reservation reservation = work().reservations().find(criteria).one();
        work().reservations().delete(ReservationCriteria.any().withId(reservation.requireId()));
        work().reservedSlots().delete(SlotCriteria.any().withToken(token).withSource(SlotSource.RESERVATION));
        work().reservations().touchSession(sessionId, clock.instant());
    }

    /**
     * The sessions whose pending reservations were all created and modified before an instant.
     * Goes through the reservations of every context and resource.
     *
     * @param expiration the instant, or null for now minus {@link #DEFAULT_SESSION_EXPIRY}
     * @return the expired sessions
     */
    public List<UUID> findExpiredReservationSessions(Instant expiration) {
        return read(() -> expiredSessions(expiration));
    }

    private List<UUID> expiredSessions(Instant expiration) {
        Instant before = expiration == null ? clock.instant().minus(DEFAULT_SESSION_EXPIRY) : expiration;
        return work().reservations().expiredSessions(before);
    }

    /**
     * Removes the reservations of expired sessions, and their reserved slots.
     *
     * @param expiration the instant, or null for now minus {@link #DEFAULT_SESSION_EXPIRY}
     * @return the sessions removed
     */
    public List<UUID> removeExpiredReservationSessions(Instant expiration) {
        List<UUID> expired = expiredSessions(expiration);
        if (!expired.isEmpty()) {
            ReservationCriteria criteria = ReservationCriteria.any().withSessions(expired);
            Set<UUID> tokens = work().reservations().find(criteria).list().stream().map(Reservation::token)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (!tokens.isEmpty()) {
                work().reservedSlots().delete(SlotCriteria.any().withTokens(tokens).withSource(SlotSource.RESERVATION));
            }
            work().reservations().delete(criteria);
        }
        return expired;
    }
}
