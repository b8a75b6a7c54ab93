package io.libres.db;

import org.jspecify.annotations.Nullable;

import io.libres.context.Context;
import io.libres.db.internal.Arguments;
import io.libres.db.internal.AvailabilityMath;
import io.libres.db.internal.SessionResult;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.db.query.QueryResult;
import io.libres.db.models.ReservationStatus;
import io.libres.errors.InvalidArgument;
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
import io.libres.time.DateRange;
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
 * Queries over several resources: availability over several resources, and the browser
 * sessions of reservations (a shopping cart: confirm, remove one, expire).
 *
 * <p>Queries are scoped to the resources they were made for: {@link Scheduler#queries()} to the
 * scheduler's resource, {@link #Queries(Context, Collection)} to the resources named. Every
 * session call and {@link #allocationsInRange(Timespan)} reads and changes only the rows of those
 * resources, so two applications (two contexts) sharing one database never touch each other's
 * reservations. Queries made with {@link #Queries(Context)} name no resource: their session calls
 * are refused. Only the explicitly named {@link #removeExpiredReservationSessionsOfAllResources(Instant)}
 * and {@link #findExpiredReservationSessionsOfAllResources(Instant)} act on every resource of the
 * database, as libres 1.2's calls do. A session's expiry never removes an approved reservation.
 *
 * <p>Uses the session of its context: inside a unit of work (a scope or the thread-bound one) what
 * it reads and writes is part of it; a read outside one runs in a short unit of work of its own
 * that has given back its connection when the call returns. Immutable and thread-safe: hold one
 * per context (or per scheduler) for the application's life.
 */
public final class Queries {

    /** How long an unconfirmed session lives by default: 15 minutes. */
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofMinutes(15);

    private final Context context;
    private final Clock clock;
    private final Set<UUID> resources;
    private final ZoneId zone;

    /**
     * Creates queries of a context that name no resource, with the system clock: availability
     * over the resources passed to each call works, session calls are refused.
     *
     * @param context the context
     * @throws io.libres.errors.InvalidArgument if the context is missing
     */
    public Queries(Context context) {
        this(context, Set.of(), Clock.systemUTC());
    }

    /**
     * Creates queries of a context that name no resource, with a clock.
     *
     * @param context the context
     * @param clock the clock "now" is read from
     * @throws io.libres.errors.InvalidArgument if the context or clock is missing
     */
    public Queries(Context context, Clock clock) {
        this(context, Set.of(), clock);
    }

    /**
     * Creates the queries of a context's resources, with the system clock.
     *
     * @param context the context
     * @param resources the real resources (schedulers' {@code resource()}) the session calls act on
     * @throws io.libres.errors.InvalidArgument if the context or resources are missing or hold a missing value
     */
    public Queries(Context context, Collection<UUID> resources) {
        this(context, resources, Clock.systemUTC());
    }

    /**
     * Creates the queries of a context's resources with a clock for the default expiry.
     *
     * @param context the context
     * @param resources the real resources the session calls act on
     * @param clock the clock "now" is read from
     * @throws io.libres.errors.InvalidArgument if an argument is missing or the resources hold a missing value
     */
    public Queries(Context context, Collection<UUID> resources, Clock clock) {
        this(context, resources, clock, ZoneOffset.UTC);
    }

    private Queries(Context context, Collection<UUID> resources, Clock clock, ZoneId zone) {
        this.context = Arguments.require(context, "context");
        this.resources = Set.copyOf(Arguments.requireAll(resources, "resources"));
        this.clock = Arguments.require(clock, "clock");
        this.zone = Arguments.require(zone, "zone");
    }

    /**
     * The resources these queries act on.
     *
     * @return the real resources, empty for queries that name none
     */
    public Set<UUID> resources() {
        return resources;
    }

    /**
     * The same queries with another clock, for example to expire sessions in a test.
     *
     * @param value the clock
     * @return new queries of the same context and resources
     * @throws io.libres.errors.InvalidArgument if the clock is missing
     */
    public Queries withClock(Clock value) {
        return new Queries(context, resources, value, zone);
    }

    /**
     * The zone in which the {@link DateRange} forms of these queries read local date-times (and
     * local dates): UTC for queries made with a constructor, as libres 1.2 compares naive
     * datetimes with its UTC columns; the scheduler's zone for {@link Scheduler#queries()}.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The same queries reading the local values of a {@link DateRange} in another zone.
     *
     * @param value the zone
     * @return new queries of the same context, resources and clock
     * @throws io.libres.errors.InvalidArgument if the zone is missing
     */
    public Queries withZone(ZoneId value) {
        return new Queries(context, resources, clock, value);
    }

    /**
     * Reads a range as the scheduler does: local values in {@link #zone()}, the others as they are.
     *
     * @param range the range
     * @return the UTC span
     * @throws io.libres.errors.InvalidDateRange if the range is missing or ends before it starts
     */
    private Timespan resolve(DateRange range) {
        Timespan span = Arguments.range(range).resolve(zone);
        if (span.isReversed()) {
            throw new io.libres.errors.InvalidDateRange("the range " + range + " ends before it starts; expected an"
                    + " end on or after the start");
        }
        return span;
    }

    private Set<UUID> scope(String call) {
        if (resources.isEmpty()) {
            throw new InvalidArgument(call + " needs queries scoped to resources, so that it never touches another"
                    + " application's rows; these queries name none; expected scheduler.queries(), new Queries(context,"
                    + " resources), or, for every resource of the database as libres 1.2 does,"
                    + " removeExpiredReservationSessionsOfAllResources");
        }
        return resources;
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
     * Every allocation (masters and mirrors) of these queries' resources overlapping a range, its
     * local values read in {@link #zone()}; the same as {@link #allocationsInRange(Timespan)} of
     * the resolved span.
     *
     * @param range the range
     * @return the allocations ordered by start
     * @throws io.libres.errors.InvalidArgument if these queries name no resource
     * @throws io.libres.errors.InvalidDateRange if the range is missing, ends before it starts or lies
     *     outside the years 1 to 9999
     */
    public QueryResult<Allocation> allocationsInRange(DateRange range) {
        return allocationsInRange(resolve(range));
    }

    /**
     * Every allocation (masters and mirrors) of these queries' resources overlapping a span.
     *
     * @param span the span, UTC, both ends inclusive
     * @return the allocations ordered by start
     * @throws io.libres.errors.InvalidArgument if the span is missing or these queries name no resource
     * @throws io.libres.errors.InvalidDateRange if the span lies outside the years 1 to 9999
     */
    public QueryResult<Allocation> allocationsInRange(Timespan span) {
        Timespan.requireStorable(span, "span");
        Set<UUID> scope = scope("allocationsInRange");
        return SessionResult.of(Session.of(context), "allocation in " + span,
                () -> work().allocations().find(AllocationCriteria.ofResources(scope).overlappingAny(List.of(span))));
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
     * The availability of the exposed allocations of some real resources within a range, its local
     * values read in {@link #zone()}.
     *
     * @param range the range
     * @param resources the real resources
     * @return 0 to 100; 0 if there is no allocation
     * @throws io.libres.errors.InvalidArgument if the resources are missing
     * @throws io.libres.errors.InvalidDateRange if the range is missing or ends before it starts
     */
    public double availabilityByRange(DateRange range, Collection<UUID> resources) {
        return availabilityByRange(resolve(range), resources);
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
        Timespan.requireStorable(span, "span");
        Arguments.requireAll(resources, "resources");
        return read(() -> {
            List<Allocation> allocations = work().allocations()
                    .find(AllocationCriteria.ofResources(resources).overlappingAny(List.of(span))).list().stream()
                    .filter(this::exposed).collect(Collectors.toList());
            return availabilityByAllocations(allocations);
        });
    }

    /**
     * The availability of each day of a range, days taken in UTC as libres 1.2 does; the range's
     * local values are read in {@link #zone()}.
     *
     * @param range the range
     * @param resources the real resources
     * @return for each day with exposed allocations, its availability and resources
     * @throws io.libres.errors.InvalidArgument if the resources are missing
     * @throws io.libres.errors.InvalidDateRange if the range is missing or ends before it starts
     */
    public Map<LocalDate, DayAvailability> availabilityByDay(DateRange range, Collection<UUID> resources) {
        return availabilityByDay(resolve(range), resources);
    }

    /**
     * The availability of each day of a range, days taken in a zone; the range's local values
     * are read in {@link #zone()}.
     *
     * @param range the range
     * @param resources the real resources
     * @param days the zone of the days
     * @return for each day with exposed allocations, in order, its availability and resources
     * @throws io.libres.errors.InvalidArgument if the resources or the zone are missing
     * @throws io.libres.errors.InvalidDateRange if the range is missing or ends before it starts
     */
    public Map<LocalDate, DayAvailability> availabilityByDay(DateRange range, Collection<UUID> resources,
            ZoneId days) {
        return availabilityByDay(resolve(range), resources, days);
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
        Timespan.requireStorable(span, "span");
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
     * The reserved slots of a resource and its blocking resources within a range, its local values
     * read in {@link #zone()}.
     *
     * @param range the range
     * @param resource the resource
     * @param blockingResources the blocking resources
     * @return the reserved and blocked slices
     * @throws io.libres.errors.InvalidArgument if the resource or the blocking resources are missing
     * @throws io.libres.errors.InvalidDateRange if the range is missing or ends before it starts
     */
    public ReservedSlices reservedSlotsByRange(DateRange range, UUID resource, Collection<UUID> blockingResources) {
        return reservedSlotsByRange(resolve(range), resource, blockingResources);
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
        Timespan.requireStorable(span, "span");
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
     * The exposed master allocations of a resource within a range with their availability, the
     * range's local values read in {@link #zone()}.
     *
     * @param range the range
     * @param resource the resource
     * @param blockingResources the blocking resources
     * @param normalizeDst show days with a daylight-saving change as 24-hour days
     * @return the allocations ordered by start, with their availability
     * @throws io.libres.errors.InvalidArgument if the resource or the blocking resources are missing
     * @throws io.libres.errors.InvalidDateRange if the range is missing, ends before it starts or
     *     lies outside the years 1 to 9999
     */
    public List<AllocationAvailability> allocationsWithAvailabilityByRange(DateRange range, UUID resource,
            Collection<UUID> blockingResources, boolean normalizeDst) {
        return allocationsWithAvailabilityByRange(resolve(range), resource, blockingResources, normalizeDst);
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
     * @throws io.libres.errors.InvalidArgument if the span, the resource or the blocking resources are missing
     * @throws io.libres.errors.InvalidDateRange if the span lies outside the years 1 to 9999
     */
    public List<AllocationAvailability> allocationsWithAvailabilityByRange(Timespan span, UUID resource,
            Collection<UUID> blockingResources, boolean normalizeDst) {
        Timespan.requireStorable(span, "span");
        Arguments.require(resource, "resource");
        Arguments.requireAll(blockingResources, "blocking resources");
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
     * The reservations of a browser session on these queries' resources, oldest first.
     *
     * @param sessionId the session; null gives nothing, never every reservation
     * @return the reservations
     * @throws InvalidArgument if these queries name no resource
     */
    public QueryResult<Reservation> reservationsBySession(@Nullable UUID sessionId) {
        Set<UUID> scope = scope("reservationsBySession");
        if (sessionId == null) {
            return QueryResult.of("reservation of no session", List.of());
        }
        return SessionResult.of(Session.of(context), "reservation of session " + sessionId,
                () -> work().reservations().find(ReservationCriteria.ofResources(scope).withSessions(Set.of(sessionId))));
    }

    /**
     * Confirms every reservation of a session on these queries' resources (libres'
     * {@code confirm_reservations_for_session(session_id)}).
     *
     * @param sessionId the session
     * @return the confirmed reservations
     * @throws NoReservationsToConfirm if the session has no reservation on these resources
     * @throws InvalidArgument if these queries name no resource
     */
    public List<Reservation> confirmReservationsForSession(UUID sessionId) {
        return confirmReservationsForSession(sessionId, null);
    }

    /**
     * Confirms the reservations of a session on these queries' resources: they no longer belong
     * to it and no longer expire. Reservations of other resources in the same session stay as they are.
     *
     * @param sessionId the session
     * @param token only the reservations with this token, or null for all of the session
     * @return the confirmed reservations
     * @throws NoReservationsToConfirm if the session has no (such) reservation on these resources
     * @throws InvalidArgument if these queries name no resource
     */
    public List<Reservation> confirmReservationsForSession(UUID sessionId, @Nullable UUID token) {
        Set<UUID> scope = scope("confirmReservationsForSession");
        if (sessionId == null) {
            throw new NoReservationsToConfirm("no session was given; expected the id of a session with reservations");
        }
        ReservationCriteria criteria = ReservationCriteria.ofResources(scope).withSessions(Set.of(sessionId));
        if (token != null) {
            criteria = criteria.withToken(token);
        }
        List<Reservation> found = work().reservations().find(criteria).list();
        if (found.isEmpty()) {
            throw new NoReservationsToConfirm("the session " + sessionId + " has no reservations"
                    + (token == null ? "" : " with the token " + token) + " on the resources " + scope
                    + "; expected at least one to confirm");
        }
        List<Reservation> confirmed = found.stream().map(r -> r.toBuilder().sessionId(null).build())
                .collect(Collectors.toList());
        work().reservations().update(confirmed);
        Events.of(context).publish(new ReservationsConfirmed(context, confirmed, sessionId));
        return confirmed;
    }

    /**
     * Removes the reservation of a session with a token on these queries' resources, and its
     * reserved slots, and marks the session's other reservations on these resources as active now
     * (so they do not expire early).
     *
     * @param sessionId the session
     * @param token the reservation's token
     * @throws InvalidArgument if the session or token is missing, or these queries name no resource
     * @throws NoResultFound if the session has no reservation with the token on these resources
     * @throws io.libres.errors.MultipleResultsFound if it has several
     */
    public void removeReservationFromSession(UUID sessionId, UUID token) {
        Set<UUID> scope = scope("removeReservationFromSession");
        Arguments.require(sessionId, "session id");
        Arguments.require(token, "token");
        ReservationCriteria criteria = ReservationCriteria.ofResources(scope).withSessions(Set.of(sessionId))
                .withToken(token);
        Reservation reservation = work().reservations().find(criteria).one();
        work().reservations().delete(ReservationCriteria.any().withId(reservation.requireId()));
        // tokens are random and the reservation was found among these resources, so its slots
        // (on mirrors too, whose resources differ) are this reservation's only
        work().reservedSlots().delete(SlotCriteria.any().withToken(token).withSource(SlotSource.RESERVATION));
        work().reservations().touchSession(sessionId, scope, clock.instant());
    }

    /**
     * {@link #findExpiredReservationSessions(Instant)} with the default expiry: sessions idle for
     * {@link #DEFAULT_SESSION_EXPIRY} by this queries' clock.
     *
     * @return the sessions
     * @throws InvalidArgument if these queries name no resource
     */
    public List<UUID> findExpiredReservationSessions() {
        return findExpiredReservationSessions(null);
    }

    /**
     * The sessions with pending reservations on these queries' resources whose pending
     * reservations (on any resource) were all created and modified before an instant.
     *
     * @param expiration the instant, or null for now minus {@link #DEFAULT_SESSION_EXPIRY}
     * @return the expired sessions
     * @throws InvalidArgument if these queries name no resource
     * @throws io.libres.errors.InvalidDateRange if the instant lies outside the years 1 to 9999
     */
    public List<UUID> findExpiredReservationSessions(@Nullable Instant expiration) {
        Set<UUID> scope = scope("findExpiredReservationSessions");
        Instant before = expirationOf(expiration);
        return read(() -> {
            List<UUID> expired = work().reservations().expiredSessions(before);
            if (expired.isEmpty()) {
                return expired;
            }
            Set<UUID> ours = pendingOf(expired, scope).stream().map(r -> r.sessionId().orElseThrow())
                    .collect(Collectors.toSet());
            return expired.stream().filter(ours::contains).collect(Collectors.toList());
        });
    }

    /**
     * {@link #findExpiredReservationSessionsOfAllResources(Instant)} with the default expiry: sessions idle for
     * {@link #DEFAULT_SESSION_EXPIRY} by this queries' clock.
     *
     * @return the sessions
     */
    public List<UUID> findExpiredReservationSessionsOfAllResources() {
        return findExpiredReservationSessionsOfAllResources(null);
    }

    /**
     * The sessions whose pending reservations were all created and modified before an instant,
     * on every resource of the database, of every context, as libres 1.2's
     * {@code find_expired_reservation_sessions}.
     *
     * @param expiration the instant, or null for now minus {@link #DEFAULT_SESSION_EXPIRY}
     * @return the expired sessions
     * @throws io.libres.errors.InvalidDateRange if the instant lies outside the years 1 to 9999
     */
    public List<UUID> findExpiredReservationSessionsOfAllResources(@Nullable Instant expiration) {
        Instant before = expirationOf(expiration);
        return read(() -> work().reservations().expiredSessions(before));
    }

    private Instant expirationOf(Instant expiration) {
        return expiration == null ? clock.instant().minus(DEFAULT_SESSION_EXPIRY)
                : Timespan.requireStorable(expiration, "expiration");
    }

    /**
     * {@link #removeExpiredReservationSessions(Instant)} with the default expiry: sessions idle for
     * {@link #DEFAULT_SESSION_EXPIRY} by this queries' clock.
     *
     * @return the sessions
     * @throws InvalidArgument if these queries name no resource
     */
    public List<UUID> removeExpiredReservationSessions() {
        return removeExpiredReservationSessions(null);
    }

    /**
     * Removes the pending reservations of expired sessions on these queries' resources, and their
     * reserved slots. Approved reservations stay, even in an expired session (libres 1.2 removed
     * them with the session); reservations of other resources stay.
     *
     * @param expiration the instant, or null for now minus {@link #DEFAULT_SESSION_EXPIRY}
     * @return the sessions whose reservations were removed
     * @throws InvalidArgument if these queries name no resource
     * @throws io.libres.errors.InvalidDateRange if the instant lies outside the years 1 to 9999
     */
    public List<UUID> removeExpiredReservationSessions(@Nullable Instant expiration) {
        Set<UUID> scope = scope("removeExpiredReservationSessions");
        return removeExpired(work().reservations().expiredSessions(expirationOf(expiration)), scope);
    }

    /**
     * {@link #removeExpiredReservationSessionsOfAllResources(Instant)} with the default expiry: sessions idle for
     * {@link #DEFAULT_SESSION_EXPIRY} by this queries' clock.
     *
     * @return the sessions
     */
    public List<UUID> removeExpiredReservationSessionsOfAllResources() {
        return removeExpiredReservationSessionsOfAllResources(null);
    }

    /**
     * Removes the pending reservations of expired sessions on every resource of the database,
     * of every context, as libres 1.2's {@code remove_expired_reservation_sessions} does; but
     * approved reservations stay, even in an expired session.
     *
     * @param expiration the instant, or null for now minus {@link #DEFAULT_SESSION_EXPIRY}
     * @return the sessions whose reservations were removed
     * @throws io.libres.errors.InvalidDateRange if the instant lies outside the years 1 to 9999
     */
    public List<UUID> removeExpiredReservationSessionsOfAllResources(@Nullable Instant expiration) {
        return removeExpired(work().reservations().expiredSessions(expirationOf(expiration)), null);
    }

    private List<Reservation> pendingOf(List<UUID> sessions, Set<UUID> scope) {
        ReservationCriteria criteria = (scope == null ? ReservationCriteria.any() : ReservationCriteria.ofResources(scope))
                .withSessions(sessions).withStatus(ReservationStatus.PENDING);
        return work().reservations().find(criteria).list();
    }

    private List<UUID> removeExpired(List<UUID> expired, Set<UUID> scope) {
        if (expired.isEmpty()) {
            return expired;
        }
        List<Reservation> pending = pendingOf(expired, scope);
        if (pending.isEmpty()) {
            return List.of();
        }
        Set<UUID> tokens = pending.stream().map(Reservation::token).collect(Collectors.toCollection(LinkedHashSet::new));
        work().reservedSlots().delete(SlotCriteria.any().withTokens(tokens).withSource(SlotSource.RESERVATION));
        ReservationCriteria criteria = (scope == null ? ReservationCriteria.any() : ReservationCriteria.ofResources(scope))
                .withSessions(expired).withStatus(ReservationStatus.PENDING);
        work().reservations().delete(criteria);
        Set<UUID> removed = pending.stream().map(r -> r.sessionId().orElseThrow()).collect(Collectors.toSet());
        return expired.stream().filter(removed::contains).collect(Collectors.toList());
    }
}
