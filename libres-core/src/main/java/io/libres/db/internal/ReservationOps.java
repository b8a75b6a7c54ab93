package io.libres.db.internal;

import io.libres.db.ReserveOptions;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationStatus;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.db.models.TargetType;
import io.libres.db.query.QueryResult;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.NoFreeSpot;
import io.libres.errors.InvalidEmailAddress;
import io.libres.db.Limits;
import io.libres.errors.InvalidReservationError;
import io.libres.errors.LibresException;
import io.libres.errors.NotReservableError;
import io.libres.errors.OverlappingReservationError;
import io.libres.errors.QuotaImpossible;
import io.libres.errors.QuotaOverLimit;
import io.libres.errors.TimerangeTooLong;
import io.libres.events.ReservationTimeChanged;
import io.libres.events.ReservationsApproved;
import io.libres.events.ReservationsDenied;
import io.libres.events.ReservationsMade;
import io.libres.events.ReservationsRemoved;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.ReservationCriteria;
import io.libres.spi.SlotCriteria;
import io.libres.time.DateRange;
import io.libres.time.Rasterizer;
import io.libres.time.Timespan;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reserving, approving, denying, removing and changing reservations. */
public final class ReservationOps {

    private final Scope scope;
    private final Records records;
    private final Spots spots;

    /**
     * Creates the reservation operations of a scheduler.
     *
     * @param scope the scheduler's scope
     * @param records its record queries
     * @param spots its spot finder
     */
    public ReservationOps(Scope scope, Records records, Spots spots) {
        this.scope = scope;
        this.records = records;
        this.spots = spots;
    }

    private String validEmail(String email) {
        if (email == null) {
            throw new InvalidEmailAddress("the email is missing (null); expected an address like name@example.org");
        }
        String trimmed = email.strip();
        if (trimmed.length() > Limits.MAX_EMAIL_LENGTH) {
            throw new InvalidEmailAddress("the email " + Texts.show(trimmed) + " is too long; expected an address of at"
                    + " most " + Limits.MAX_EMAIL_LENGTH + " characters");
        }
        String unstorable = Texts.unstorable(trimmed);
        if (unstorable != null) {
            throw new InvalidEmailAddress("the email " + Texts.show(trimmed) + " holds " + unstorable
                    + "; expected an address like name@example.org");
        }
        java.util.Optional<String> problem = trimmed.isEmpty() ? java.util.Optional.of("it is blank")
                : scope.emailProblem(trimmed);
        if (problem.isPresent()) {
            throw new InvalidEmailAddress(Texts.show(email) + " is not a valid email address: " + problem.get()
                    + "; expected an address like name@example.org");
        }
        return trimmed;
    }

    /**
     * Reserves dates; see {@code Scheduler#reserve}.
     *
     * @param email the reservee
     * @param dates the dates
     * @param options the options
     * @return the token
     */
    public UUID reserveDates(String email, List<DateRange> dates, ReserveOptions options) {
        String valid = validEmail(email);
        List<Timespan> spans = scope.resolve(dates);
        ReservationChecks.requireValidLengths(spans, dates, scope.zone());
        List<Reservation> drafts = draftsByDates(valid, spans, options, tokenFor(options));
        return store(drafts, options);
    }

    /**
     * Reserves a group; see {@code Scheduler#reserveGroup}.
     *
     * @param email the reservee
     * @param group the group
     * @param options the options
     * @return the token
     * @throws InvalidReservationError as documented on the scheduler method of the same name
     */
    public UUID reserveGroup(String email, UUID group, ReserveOptions options) {
        String valid = validEmail(email);
        List<Timespan> spans = records.allocationDatesByGroup(group);
        if (spans.isEmpty()) {
            throw new InvalidReservationError("the group " + group + " has no allocations of this scheduler;"
                    + " expected the group of an existing allocation");
        }
        check(spans, options.quota());
        Reservation draft = newReservation(valid, options, tokenFor(options)).target(group)
                .targetType(TargetType.GROUP).build();
        return store(List.of(draft), options);
    }

    private UUID store(List<Reservation> drafts, ReserveOptions options) {
        if (options.sessionId() != null) {
            Set<List<Object>> found = new HashSet<>();
            for (Reservation r : reservationsOfSession(options.sessionId())) {
                found.add(java.util.Arrays.asList(r.target(), r.start().orElse(null)));
            }
            for (Reservation draft : drafts) {
                if (found.contains(java.util.Arrays.asList(draft.target(), draft.start().orElse(null)))) {
                    throw new OverlappingReservationError("the session " + options.sessionId()
                            + " already holds a reservation of " + draft.target() + draft.start().map(s -> " at " + s).orElse("")
                            + "; expected each reservation once per session");
                }
            }
        }
        List<Reservation> stored = scope.work().reservations().insert(drafts);
        scope.publish(new ReservationsMade(scope.context(), stored));
        return stored.get(0).token();
    }

    private List<Reservation> reservationsOfSession(UUID sessionId) {
        return scope.work().reservations().find(ReservationCriteria.any().withSessions(Set.of(sessionId))).list();
    }

    private UUID tokenFor(ReserveOptions options) {
        if (options.singleTokenPerSession() && options.sessionId() != null) {
            List<Reservation> existing = reservationsOfSession(options.sessionId());
            if (!existing.isEmpty()) {
                return existing.get(0).token();
            }
        }
        return UUID.randomUUID();
    }

    private Reservation.Builder newReservation(String email, ReserveOptions options, UUID token) {
        return Reservation.builder().token(token).status(ReservationStatus.PENDING).resource(scope.resource())
                .data(options.data()).sessionId(options.sessionId()).email(email).quota(options.quota());
    }

    /**
     * Checks that every span can be reserved with the quota, as libres does before writing.
     * Reads the allocations of this and the blocking resources overlapping the spans, their
     * reserved slots and group sizes once, and decides in memory.
     *
     * @return the records read, for the drafts to use
     */
    private PrefetchedLookup check(List<Timespan> spans, int quota) {
        for (Timespan span : spans) {
            ReservationChecks.requireValidLength(span, scope.zone());
        }
        PrefetchedLookup lookup = PrefetchedLookup.load(scope, scope.visibleResources(), spans, true, true);
        for (Timespan span : spans) {
            checkSpan(lookup, span, quota);
        }
        return lookup;
    }

    /** Checks one span against the records read, throwing the error libres raises for it. */
    private void checkSpan(PrefetchedLookup lookup, Timespan span, int quota) {
        for (Allocation allocation : lookup.mastersOverlapping(span, false)) {
            if (!allocation.overlaps(span)) {
                continue;
            }
            if (!allocation.approveManually()) {
                if (allocation.findSpot(lookup, span).isEmpty() || Spots.freeCount(lookup, allocation, span) < quota) {
                    throw new NoFreeSpot("allocation " + allocation.describe() + " has no "
                            + (quota == 1 ? "free spot" : quota + " free spots") + " between " + span.start()
                            + " and " + span.end() + "; expected free spots");
                }
            }
            if (allocation.resource().equals(scope.resource()) && !allocation.contains(span)) {
                throw new TimerangeTooLong("the span " + span.start() + " - " + span.end()
                        + " reaches beyond allocation " + allocation.describe()
                        + "; expected a span within the allocation");
            }
            if (allocation.quotaLimit() > 0 && allocation.quotaLimit() < quota) {
                throw new QuotaOverLimit("a quota of " + quota + " exceeds the limit of " + allocation.quotaLimit()
                        + " spots per reservation of allocation " + allocation.describe()
                        + "; expected at most " + allocation.quotaLimit());
            }
            if (allocation.quota() < quota) {
                throw new QuotaImpossible("a quota of " + quota + " exceeds the " + allocation.quota()
                        + " spots of allocation " + allocation.describe() + "; expected at most "
                        + allocation.quota());
            }
        }
    }

    private List<Reservation> draftsByDates(String email, List<Timespan> spans, ReserveOptions options, UUID token) {
        PrefetchedLookup lookup = check(spans, options.quota());
        List<Reservation> drafts = new ArrayList<>();
        Set<UUID> reservedGroups = new HashSet<>();
        for (Timespan span : spans) {
            drafts.addAll(draftsOf(span, lookup, email, options, token, reservedGroups));
        }
        if (drafts.isEmpty()) {
            throw new InvalidReservationError("no allocation of this scheduler lies within "
                    + spans.stream().map(s -> s.start() + " - " + s.end()).collect(Collectors.joining(", "))
                    + "; expected dates of existing allocations");
        }
        return drafts;
    }

    /** The reservations one span makes: one per allocation it overlaps, one per group not yet reserved. */
    private List<Reservation> draftsOf(Timespan span, PrefetchedLookup lookup, String email, ReserveOptions options,
            UUID token, Set<UUID> reservedGroups) {
        List<Reservation> drafts = new ArrayList<>();
        for (Allocation allocation : lookup.mastersOverlapping(span, true)) {
            if (reservedGroups.contains(allocation.group()) || !allocation.overlaps(span)) {
                continue;
            }
            if (allocation.inGroup(lookup)) {
                reservedGroups.add(allocation.group());
                drafts.add(newReservation(email, options, token).target(allocation.group())
                        .targetType(TargetType.GROUP).build());
            } else {
                Timespan rastered = Rasterizer.rasterizeSpan(span, allocation.raster());
                drafts.add(newReservation(email, options, token).target(allocation.group())
                        .targetType(TargetType.ALLOCATION).start(rastered.start()).end(rastered.end())
                        .timezone(allocation.timezone().orElse(null)).build());
            }
        }
        return drafts;
    }

    /**
     * Reserves occurrences under one token; see {@code Scheduler#reserveOccurrences}. Reads the
     * records of every occurrence once, decides each in memory and writes the reservations in one
     * batch.
     *
     * @param email the reservee
     * @param dates the occurrences
     * @param options the options
     * @param policy all or nothing, or book what is free
     * @param joined the token of existing reservations to join, or null for a new one
     * @return the outcome
     * @throws io.libres.errors.OccurrencesRefused if an occurrence is refused (all or nothing) or every one is
     */
    public io.libres.db.OccurrenceOutcome reserveOccurrences(String email, List<DateRange> dates, ReserveOptions options,
            io.libres.db.OccurrencePolicy policy, UUID joined) {
        String valid = validEmail(email);
        List<Timespan> spans = scope.resolve(dates);
        if (joined != null) {
            records.reservationsByToken(joined, OptionalInt.empty());
        }
        if (spans.isEmpty()) {
            throw new InvalidReservationError("no occurrences are given; expected at least one occurrence to reserve");
        }
        List<io.libres.db.RefusedOccurrence> refused = new ArrayList<>();
        List<Timespan> sized = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            try {
                ReservationChecks.requireValidLength(spans.get(i), scope.zone());
                sized.add(spans.get(i));
            } catch (LibresException e) {
                refused.add(new io.libres.db.RefusedOccurrence(i, spans.get(i), e));
                sized.add(null);
            }
        }
        List<Timespan> readable = sized.stream().filter(java.util.Objects::nonNull).collect(Collectors.toList());
        PrefetchedLookup lookup = readable.isEmpty() ? null
                : PrefetchedLookup.load(scope, scope.visibleResources(), readable, true, true);
        Set<List<Object>> inSession = new HashSet<>();
        if (options.sessionId() != null) {
            for (Reservation r : reservationsOfSession(options.sessionId())) {
                inSession.add(java.util.Arrays.asList(r.target(), r.start().orElse(null)));
            }
        }
        UUID token = joined != null ? joined : tokenFor(options);
        List<Reservation> drafts = new ArrayList<>();
        List<Integer> booked = new ArrayList<>();
        Set<UUID> reservedGroups = new HashSet<>();
        for (int i = 0; i < sized.size(); i++) {
            Timespan span = sized.get(i);
            if (span == null) {
                continue;
            }
            try {
                checkSpan(lookup, span, options.quota());
                Set<UUID> groups = new HashSet<>(reservedGroups);
                List<Reservation> own = draftsOf(span, lookup, valid, options, token, groups);
                if (own.isEmpty() && lookup.mastersOverlapping(span, true).stream().noneMatch(a -> a.overlaps(span))) {
                    throw new InvalidReservationError("no allocation of this scheduler lies within " + span.start()
                            + " - " + span.end() + "; expected dates of existing allocations");
                }
                for (Reservation draft : own) {
                    if (inSession.contains(java.util.Arrays.asList(draft.target(), draft.start().orElse(null)))) {
                        throw new OverlappingReservationError("the session " + options.sessionId()
                                + " already holds a reservation of " + draft.target() + draft.start().map(s -> " at " + s)
                                .orElse("") + "; expected each reservation once per session");
                    }
                }
                reservedGroups = groups;
                drafts.addAll(own);
                booked.add(i);
            } catch (LibresException e) {
                refused.add(new io.libres.db.RefusedOccurrence(i, span, e));
            }
        }
        refused.sort(java.util.Comparator.comparingInt(io.libres.db.RefusedOccurrence::index));
        if (drafts.isEmpty() || (!refused.isEmpty() && policy == io.libres.db.OccurrencePolicy.ALL_OR_NOTHING)) {
            throw new io.libres.errors.OccurrencesRefused("reservations", spans.size(), refused.isEmpty()
                    ? List.of() : refused);
        }
        List<Reservation> stored = scope.work().reservations().insert(drafts);
        scope.publish(new ReservationsMade(scope.context(), stored));
        return new io.libres.db.OccurrenceOutcome(token, booked, refused);
    }

    /**
     * Replaces reservations of a token by occurrences under the same token, all or nothing; see
     * {@code Scheduler#replaceOccurrences}.
     *
     * @param token the token
     * @param ids the reservations to remove
     * @param email the reservee of the new occurrences
     * @param dates the new occurrences
     * @param options the options of the new occurrences
     * @return the outcome of booking the new occurrences
     */
    public io.libres.db.OccurrenceOutcome replaceOccurrences(UUID token, Collection<Integer> ids, String email,
            List<DateRange> dates, ReserveOptions options) {
        List<Reservation> existing = records.reservationsByToken(token, OptionalInt.empty()).list();
        Set<Integer> wanted = Set.copyOf(ids);
        List<Reservation> replaced = existing.stream().filter(r -> wanted.contains(r.requireId()))
                .collect(Collectors.toList());
        boolean approved = !existing.isEmpty() && existing.stream().allMatch(r -> r.status() == ReservationStatus.APPROVED);
        return scope.atomically(() -> {
            if (!replaced.isEmpty()) {
                removeReservations(token, wanted, replaced);
            }
            io.libres.db.OccurrenceOutcome outcome = dates.isEmpty()
                    ? new io.libres.db.OccurrenceOutcome(token, List.of(), List.of())
                    : reserveOccurrences(email, dates, options, io.libres.db.OccurrencePolicy.ALL_OR_NOTHING, token);
            if (approved && !dates.isEmpty()) {
                approveReservations(token);
            }
            return outcome;
        });
    }

    /**
     * Removes some reservations of a token and their slots in a fixed number of statements; see
     * {@code Scheduler#removeReservations}.
     *
     * @param token the token
     * @param ids the reservations' ids
     * @return the removed reservations
     */
    public List<Reservation> removeReservations(UUID token, Collection<Integer> ids) {
        Set<Integer> wanted = Set.copyOf(ids);
        List<Reservation> removed = records.reservationsByToken(token, OptionalInt.empty()).list().stream()
                .filter(r -> wanted.contains(r.requireId())).collect(Collectors.toList());
        if (!removed.isEmpty()) {
            removeReservations(token, wanted, removed);
        }
        return removed;
    }

    private void removeReservations(UUID token, Set<Integer> ids, List<Reservation> removed) {
        SlotCriteria slots = SlotCriteria.ofResource(scope.resource()).withToken(token).withSource(SlotSource.RESERVATION);
        scope.work().reservedSlots().delete(new SlotCriteria(slots.mirrorOf(), slots.allocationIds(), slots.tokens(),
                slots.source(), ids, slots.resources(), slots.during()));
        ReservationCriteria criteria = ReservationCriteria.ofResources(Set.of(scope.resource())).withToken(token);
        scope.work().reservations().delete(new ReservationCriteria(criteria.resources(), criteria.tokens(), ids,
                criteria.targets(), criteria.status(), criteria.targetType(), criteria.sessionIds()));
        scope.publish(new ReservationsRemoved(scope.context(), removed));
    }

    /**
     * Approves the reservations of a token; see {@code Scheduler#approveReservations}.
     *
     * @param token the token
     * @return the reserved slots written
     */
    public List<ReservedSlot> approveReservations(UUID token) {
        List<Reservation> reservations = records.reservationListByToken(token);
        // An approved reservation already holds its slots: approving it again must not book its
        // quota a second time (libres 1.2 does), so it only hands back the slots it holds.
        Map<Integer, List<ReservedSlot>> held = new HashMap<>();
        if (reservations.stream().anyMatch(r -> r.status() == ReservationStatus.APPROVED)) {
            for (ReservedSlot slot : records.reservedSlots(token, SlotSource.RESERVATION, OptionalInt.empty()).list()) {
                held.computeIfAbsent(slot.sourceId(), id -> new ArrayList<>()).add(slot);
            }
        }
        List<Reservation> pending = reservations.stream().filter(r -> r.status() != ReservationStatus.APPROVED)
                .collect(Collectors.toList());
        List<ReservedSlot> written = pending.isEmpty() ? List.of() : approveAll(pending);
        List<ReservedSlot> slots = new ArrayList<>();
        for (Reservation reservation : reservations) {
            if (reservation.status() == ReservationStatus.APPROVED) {
                slots.addAll(held.getOrDefault(reservation.requireId(), List.of()));
            } else {
                written.stream().filter(slot -> slot.sourceId() == reservation.requireId()).forEach(slots::add);
            }
        }
        if (!pending.isEmpty()) {
            // the reservations as the update left them, without reading them back (two statements less)
            scope.publish(new ReservationsApproved(scope.context(), approvedOnes(pending)));
        }
        return slots;
    }

    /**
     * Approves pending reservations in a fixed number of statements: reads the dates of their
     * groups, the allocations of the dates with their slots, then plans every spot in memory (each
     * copy of a quota taking the next free master or mirror, as if written one after the other),
     * and writes the new mirrors, the slots and the status changes in one batch each.
     *
     * @param pending the reservations, in order
     * @return the slots written
     * @throws LibresException naming the reservation concerned if one cannot be approved
     */
    private List<ReservedSlot> approveAll(List<Reservation> pending) {
        Set<UUID> groupTargets = pending.stream().filter(r -> r.targetType() == TargetType.GROUP)
                .map(Reservation::target).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        Map<UUID, List<Timespan>> groupDates = new HashMap<>();
        if (!groupTargets.isEmpty()) {
            for (Allocation member : records.allocationsByGroups(groupTargets, true).list()) {
                groupDates.computeIfAbsent(member.group(), g -> new ArrayList<>()).add(member.timespan());
            }
        }
        Map<Integer, List<Timespan>> datesByReservation = new HashMap<>();
        List<Timespan> allDates = new ArrayList<>();
        for (Reservation reservation : pending) {
            List<Timespan> dates = reservation.targetType() == TargetType.GROUP
                    ? groupDates.getOrDefault(reservation.target(), List.of())
                    : List.of(new Timespan(reservation.start().orElseThrow(), reservation.end().orElseThrow()));
            datesByReservation.put(reservation.requireId(), dates);
            allDates.addAll(dates);
        }
        PrefetchedLookup lookup = PrefetchedLookup.load(scope, scope.visibleResources(), allDates, true, false);
        Map<Integer, List<ReservedSlot>> plannedByReservation = new java.util.LinkedHashMap<>();
        for (Reservation reservation : pending) {
            try {
                plannedByReservation.put(reservation.requireId(),
                        plan(reservation, datesByReservation.get(reservation.requireId()), lookup));
            } catch (LibresException e) {
                throw e.concerning(reservation);
            }
        }
        List<Allocation> mirrors = lookup.planned();
        if (mirrors.isEmpty()) {
            // the slot insert is all or none and nothing was written before it: no savepoint needed
            return write(pending, plannedByReservation, List.of());
        }
        // new mirrors go in first: a slot refused after them must take them back
        return scope.atomically(() -> write(pending, plannedByReservation, mirrors));
    }

    /** The pending reservations with the status the approval writes. */
    private static List<Reservation> approvedOnes(List<Reservation> pending) {
        return pending.stream().map(r -> r.toBuilder().status(ReservationStatus.APPROVED).build())
                .collect(Collectors.toList());
    }

    /** Writes the planned mirrors, the slots and the approved status; returns the slots written. */
    private List<ReservedSlot> write(List<Reservation> pending, Map<Integer, List<ReservedSlot>> plannedByReservation,
            List<Allocation> mirrors) {
        Map<Integer, Allocation> stored = new HashMap<>();
        if (!mirrors.isEmpty()) {
            List<Allocation> inserted = scope.work().allocations().insert(mirrors.stream()
                    .map(m -> m.toBuilder().id(null).build()).collect(Collectors.toList()));
            for (int i = 0; i < mirrors.size(); i++) {
                stored.put(mirrors.get(i).requireId(), inserted.get(i));
            }
        }
        List<ReservedSlot> written = new ArrayList<>();
        Map<Reservation, List<ReservedSlot>> byReservation = new java.util.LinkedHashMap<>();
        for (Reservation reservation : pending) {
            List<ReservedSlot> own = new ArrayList<>();
            for (ReservedSlot slot : plannedByReservation.get(reservation.requireId())) {
                Allocation real = stored.get(slot.allocationId());
                own.add(real == null ? slot : slot.movedTo(real));
            }
            byReservation.put(reservation, own);
            written.addAll(own);
        }
        insertNamingTheReservation(written, byReservation);
        scope.work().reservations().update(approvedOnes(pending));
        return written;
    }

    /**
     * Inserts the slots in one batch; if a slot is taken meanwhile, finds out (on this failure
     * path only, one reservation at a time) which reservation it concerns.
     */
    private void insertNamingTheReservation(List<ReservedSlot> slots, Map<Reservation, List<ReservedSlot>> byReservation) {
        try {
            scope.work().reservedSlots().insert(slots);
        } catch (AlreadyReservedError e) {
            // the failed batch left nothing behind; the search for the culprit writes, so it is undone
            scope.atomically(() -> {
                for (Map.Entry<Reservation, List<ReservedSlot>> entry : byReservation.entrySet()) {
                    try {
                        scope.work().reservedSlots().insert(entry.getValue());
                    } catch (LibresException concerned) {
                        throw concerned.concerning(entry.getKey());
                    }
                }
                throw e;
            });
        }
    }

    /**
     * Plans the slots of one reservation against the records read and the spots planned so far.
     */
    private List<ReservedSlot> plan(Reservation reservation, List<Timespan> dates, PrefetchedLookup lookup) {
        if (!scope.blockingResources().isEmpty()) {
            for (Timespan span : dates) {
                for (Allocation allocation : lookup.allocations()) {
                    if (!scope.blockingResources().contains(allocation.mirrorOf())
                            || !PrefetchedLookup.overlapsInclusive(allocation, span)) {
                        continue;
                    }
                    if (Spots.freeCount(lookup, allocation, span) < reservation.quota()) {
                        throw new NoFreeSpot("the blocking allocation " + allocation.describe()
                                + " is reserved between " + span.start() + " and " + span.end()
                                + "; expected it to be free");
                    }
                }
            }
        }
        List<ReservedSlot> planned = new ArrayList<>();
        for (int copy = 0; copy < reservation.quota(); copy++) {
            for (Timespan span : dates) {
                for (Allocation target : Spots.reservationTargets(lookup, span)) {
                    Allocation spot = target.isTransient() ? lookup.planMirror(target) : target;
                    List<ReservedSlot> slots = new ArrayList<>();
                    for (Timespan slot : spot.allSlots(span)) {
                        slots.add(ReservedSlot.of(spot, slot, SlotSource.RESERVATION, reservation.token(),
                                reservation.requireId()));
                    }
                    lookup.planSlots(slots);
                    planned.addAll(slots);
                }
            }
        }
        if (planned.isEmpty()) {
            throw new NotReservableError("the reservation " + reservation.token() + " targets no allocation"
                    + " with a free slot; expected at least one slot to reserve");
        }
        return planned;
    }

    private List<ReservedSlot> approveRecord(Reservation reservation) {
        return approveAll(List.of(reservation));
    }

    /**
     * Denies the pending reservations of a token; see {@code Scheduler#denyReservation}.
     *
     * @param token the token
     * @return the denied reservations
     */
    public List<Reservation> denyReservation(UUID token) {
        records.reservationsByToken(token, OptionalInt.empty());
        ReservationCriteria pending = ReservationCriteria.ofResources(Set.of(scope.resource())).withToken(token)
                .withStatus(ReservationStatus.PENDING);
        List<Reservation> denied = scope.work().reservations().find(pending).list();
        scope.work().reservations().delete(pending);
        scope.publish(new ReservationsDenied(scope.context(), denied));
        return denied;
    }

    /**
     * Removes reservations and their slots; see {@code Scheduler#removeReservation}.
     *
     * @param token the token
     * @param id the id, or empty for every reservation of the token
     * @return the removed reservations
     */
    public List<Reservation> removeReservation(UUID token, OptionalInt id) {
        List<Reservation> removed = records.reservationsByToken(token, id).list();
        records.deleteSlotsOf(token, id, SlotSource.RESERVATION);
        ReservationCriteria criteria = ReservationCriteria.ofResources(Set.of(scope.resource())).withToken(token);
        scope.work().reservations().delete(id.isPresent() ? criteria.withId(id.getAsInt()) : criteria);
        scope.publish(new ReservationsRemoved(scope.context(), removed));
        return removed;
    }

    /**
     * Changes the email of every reservation of a token; see {@code Scheduler#changeEmail}.
     *
     * @param token the token
     * @param email the new email
     */
    public void changeEmail(UUID token, String email) {
        String valid = validEmail(email);
        List<Reservation> all = records.reservationsByToken(token, OptionalInt.empty()).list();
        scope.work().reservations().update(all.stream().map(r -> r.toBuilder().email(valid).build())
                .collect(Collectors.toList()));
    }

    /**
     * Changes the data of every reservation of a token; see {@code Scheduler#changeReservationData}.
     *
     * @param token the token
     * @param data the new data
     */
    public void changeReservationData(UUID token, Map<String, Object> data) {
        Map<String, Object> checked = JsonData.requireObject(data);
        List<Reservation> all = records.reservationsByToken(token, OptionalInt.empty()).list();
        scope.work().reservations().update(all.stream().map(r -> r.toBuilder().data(checked).build())
                .collect(Collectors.toList()));
    }

    /**
     * The approved reservations of partly available allocations; see
     * {@code Scheduler#changeReservationTimeCandidates}.
     *
     * @param tokens only these tokens, or empty for all
     * @return the reservations
     */
    public QueryResult<Reservation> changeReservationTimeCandidates(Collection<UUID> tokens) {
        Set<UUID> groups = scope.work().allocations().find(records.managed().withPartlyAvailable(true)).list()
                .stream().map(Allocation::group).collect(Collectors.toSet());
        ReservationCriteria criteria = ReservationCriteria.ofResources(Set.of(scope.resource()))
                .withStatus(ReservationStatus.APPROVED).withTargetType(TargetType.ALLOCATION).withTargets(groups);
        if (!tokens.isEmpty()) {
            criteria = criteria.withTokens(tokens);
        }
        return scope.work().reservations().find(criteria);
    }

    /**
     * Changes the time and quota of a reservation; see {@code Scheduler#changeReservation}.
     *
     * @param token the token
     * @param id the reservation's id
     * @param dates the new dates
     * @param quota the new quota, or null to keep it
     * @return the changed reservation, empty if nothing changed
     * @throws InvalidReservationError as documented on the scheduler method of the same name
     * @throws TimerangeTooLong as documented on the scheduler method of the same name
     */
    public Optional<Reservation> changeReservation(UUID token, int id, DateRange dates, Integer quota) {
        Timespan span = scope.resolve(dates);
        Reservation existing = records.reservationsByToken(token, OptionalInt.of(id)).one();
        if (existing.targetType() == TargetType.GROUP) {
            throw new InvalidReservationError("the reservation " + token + " (id " + id + ") targets a group;"
                    + " only a reservation of one allocation can change its time");
        }
        if (quota != null && (quota < 1 || quota > io.libres.db.Limits.MAX_QUOTA)) {
            throw new io.libres.errors.InvalidQuota("a reservation quota of " + quota + " is invalid; expected 1 or more,"
                    + " at most " + io.libres.db.Limits.MAX_QUOTA);
        }
        Instant start = existing.start().orElseThrow();
        Instant end = existing.end().orElseThrow();
        boolean sameQuota = quota == null || quota == existing.quota();
        if (sameQuota && start.equals(span.start())
                && (end.equals(span.end()) || end.equals(span.end().minus(Timespan.MICROSECOND)))) {
            return Optional.empty();
        }
        Allocation allocation;
        if (existing.status() == ReservationStatus.APPROVED) {
            // A quota above 1 spreads the slots over the master and its mirrors, which share the span
            // checked below; libres 1.2 asked for exactly one allocation here and failed with
            // MultipleResultsFound (see docs/api-mapping.md).
            List<Allocation> held = records.allocationsBySlots(token, SlotSource.RESERVATION, OptionalInt.of(id)).list();
            if (held.isEmpty()) {
                throw new io.libres.errors.NoResultFound("the approved reservation " + token + " (id " + id
                        + ") holds no reserved slots; expected the slots its approval wrote");
            }
            allocation = held.stream().filter(Allocation::isMaster).findFirst().orElse(held.get(0));
        } else {
            allocation = existing.targetAllocations(scope.lookup()).stream().findFirst()
                    .orElseThrow(() -> new InvalidReservationError("the reservation " + token
                            + " targets no allocation; expected a reservation of an existing allocation"));
        }
        if (!allocation.contains(span)) {
            throw new TimerangeTooLong("the span " + span.start() + " - " + span.end() + " reaches beyond allocation "
                    + allocation.describe() + "; expected a span within the allocation");
        }
        ZonedDateTime oldStart = existing.displayStart();
        ZonedDateTime oldEnd = existing.displayEnd();
        ReserveOptions options = ReserveOptions.builder().data(existing.data())
                .quota(quota == null ? existing.quota() : quota).build();
        Reservation changed = scope.atomically(() -> {
            removeReservation(token, OptionalInt.of(id));
            List<Reservation> drafts = draftsByDates(existing.email(), List.of(span), options, token);
            List<Reservation> renumbered = drafts.stream().map(r -> r.toBuilder().id(id)
                    .sessionId(existing.sessionId().orElse(null)).build()).collect(Collectors.toList());
            Reservation stored = scope.work().reservations().insert(renumbered).get(0);
            scope.publish(new ReservationsMade(scope.context(), List.of(stored)));
            if (existing.status() == ReservationStatus.APPROVED) {
                approveRecord(stored);
                stored = records.reservationsByToken(token, OptionalInt.of(id)).one();
            }
            return stored;
        });
        scope.publish(new ReservationTimeChanged(scope.context(), changed, oldStart, oldEnd,
                changed.displayStart(), changed.displayEnd()));
        return Optional.of(changed);
    }
}
