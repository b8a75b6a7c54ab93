package io.libres.recurrence;

import org.jspecify.annotations.Nullable;

import io.libres.db.AllocateOptions;
import io.libres.db.OccurrenceOutcome;
import io.libres.db.OccurrencePolicy;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.TargetType;
import io.libres.errors.InvalidArgument;
import io.libres.errors.InvalidReservationError;
import io.libres.time.DateRange;
import io.libres.time.TimeZones;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Recurring allocations, reservations and blockers on one scheduler: expands a
 * {@link Recurrence} in the scheduler's zone and books its occurrences as one series, in a
 * fixed number of statements whatever the number of occurrences. The series is kept in the data
 * of its records under {@link SeriesData#KEY} and read back with {@link #reservationSeries(UUID)}
 * and {@link #allocationSeries(Allocation)}; a blocker series, whose records have no data column in
 * libres 1.2, keeps it as the data of its token ({@link Scheduler#keepBlockerData(UUID, Map)}, in
 * a table libres 1.2 ignores) and is read back with {@link #blockerSeries(UUID)}.
 *
 * <p>Work happens in the scheduler's unit of work: commit or roll back as with the scheduler.
 * Bad input (an invalid rule, too many occurrences, bad options) is refused before anything is
 * written. Immutable and thread-safe as far as its scheduler is.
 */
public final class Recurring {

    /** The most occurrences one call expands unless told otherwise: more than a daily year. */
    public static final int DEFAULT_OCCURRENCE_LIMIT = 1000;

    private final Scheduler scheduler;
    private final int limit;

    private Recurring(Scheduler scheduler, int limit) {
        this.scheduler = scheduler;
        this.limit = limit;
    }

    /**
     * Series on a scheduler, with the default occurrence limit.
     *
     * @param scheduler the scheduler
     * @return the series operations
     * @throws InvalidArgument if the scheduler is missing
     */
    public static Recurring on(Scheduler scheduler) {
        if (scheduler == null) {
            throw new InvalidArgument("the scheduler is missing; expected a scheduler");
        }
        return new Recurring(scheduler, DEFAULT_OCCURRENCE_LIMIT);
    }

    /**
     * These series operations with another limit of occurrences per call.
     *
     * @param occurrences the most occurrences one call may expand
     * @return the changed copy
     * @throws InvalidArgument if the limit is below 1
     */
    public Recurring withOccurrenceLimit(int occurrences) {
        if (occurrences < 1) {
            throw new InvalidArgument("an occurrence limit of " + occurrences + " is invalid; expected 1 or more");
        }
        return new Recurring(scheduler, occurrences);
    }

    /** @return the most occurrences one call may expand */
    public int occurrenceLimit() {
        return limit;
    }

    /** @return the scheduler */
    public Scheduler scheduler() {
        return scheduler;
    }

    /**
     * Expands a recurrence in the scheduler's zone, without writing anything.
     *
     * @param recurrence the recurrence
     * @return the occurrences and the days skipped
     * @throws TooManyOccurrences if it gives more occurrences than the limit
     * @throws InvalidRecurrenceRule if the recurrence is missing or never ends
     */
    public Expansion expand(Recurrence recurrence) {
        if (recurrence == null) {
            throw new InvalidRecurrenceRule("the recurrence is missing; expected a recurrence");
        }
        return recurrence.expand(scheduler.zone(), limit);
    }

    private Expansion nonEmpty(Recurrence recurrence) {
        Expansion expansion = expand(recurrence);
        if (expansion.occurrences().isEmpty()) {
            throw new InvalidRecurrenceRule("the recurrence '" + recurrence.rule() + "' from " + recurrence.firstDay()
                    + " gives no occurrence (" + expansion.exceptions().size() + " exception days, "
                    + expansion.holidays().size() + " holidays skipped); expected at least one occurrence");
        }
        return expansion;
    }

    // ------------------------------------------------------------------ allocations

    /**
     * Allocates every occurrence of a recurrence with the same options, in one call of
     * {@link Scheduler#allocate(List, AllocateOptions)}: every allocate option applies, grouped
     * included (then reserving one occurrence reserves the series, as libres groups do). The
     * series is kept in each allocation's data. Raises allocations added.
     *
     * @param recurrence the recurrence
     * @param options the allocate options; their data may not hold {@link SeriesData#KEY}
     * @return the series' id, the new allocations and the expansion
     * @throws TooManyOccurrences if the recurrence gives more occurrences than the limit
     * @throws InvalidRecurrenceRule if the recurrence is missing, never ends or gives no occurrence
     * @throws InvalidArgument if the options are missing or their data holds the series key
     * @see Scheduler#allocate(List, AllocateOptions) for the errors of allocating
     */
    public SeriesAllocation allocate(Recurrence recurrence, AllocateOptions options) {
        if (options == null) {
            throw new InvalidArgument("the allocate options are missing; expected options");
        }
        Expansion expansion = nonEmpty(recurrence);
        UUID id = UUID.randomUUID();
        Map<String, Object> data = SeriesData.with(options.data(), id, part(recurrence, expansion,
                recurrence.firstDay()), extent(expansion.occurrences()));
        AllocateOptions withSeries = new AllocateOptions(options.partlyAvailable(), options.raster(), options.wholeDay(),
                options.quota(), options.quotaLimit(), options.grouped(), data, options.approveManually(),
                options.skipOverlapping());
        return new SeriesAllocation(id, scheduler.allocate(expansion.dates(), withSeries), expansion);
    }

    /**
     * Reads back the series an allocation belongs to: its rule and all its master allocations
     * (one statement).
     *
     * @param member any master allocation of the series
     * @return the series; its members ordered by start
     * @throws NotASeries if the allocation belongs to no series
     * @throws InvalidArgument if the allocation is missing
     */
    public Series<Allocation> allocationSeries(Allocation member) {
        if (member == null) {
            throw new InvalidArgument("the allocation is missing; expected an allocation of a series");
        }
        UUID id = SeriesData.id(member.data()).orElseThrow(() -> new NotASeries("allocation " + member.describe()
                + " belongs to no series; expected an allocation made by Recurring.allocate"));
        SeriesPart part = SeriesData.part(member.data()).orElseThrow();
        List<Instant> extent = SeriesData.extent(member.data()).orElseThrow();
        List<Allocation> members = scheduler.allocationsInRange(DateRange.of(extent.get(0), extent.get(1)), true, true)
                .list().stream().filter(a -> SeriesData.id(a.data()).filter(id::equals).isPresent())
                .sorted(Comparator.comparing(Allocation::start)).collect(Collectors.toList());
        return new Series<>(id, List.of(part), members);
    }

    // ------------------------------------------------------------------ reservations

    /**
     * Reserves every occurrence of a recurrence, all or nothing; see
     * {@link #reserve(String, Recurrence, ReserveOptions, OccurrencePolicy)}.
     *
     * @param email the reservee's email
     * @param recurrence the recurrence
     * @param options data, session, quota
     * @return the token of the series and the occurrences booked
     * @throws io.libres.errors.OccurrencesRefused naming every occurrence that cannot be booked and why
     */
    public SeriesBooking reserve(String email, Recurrence recurrence, ReserveOptions options) {
        return reserve(email, recurrence, options, OccurrencePolicy.ALL_OR_NOTHING);
    }

    /**
     * Reserves every occurrence of a recurrence on existing allocations under one token, in a
     * fixed number of statements. Each occurrence obeys what a reservation obeys (free spots,
     * approval, quota, quota limit, blocking resources, session); with
     * {@link OccurrencePolicy#ALL_OR_NOTHING} one refused occurrence refuses all, with
     * {@link OccurrencePolicy#BOOK_WHAT_IS_FREE} the free ones are booked and the refused ones
     * reported. {@link #approve(UUID)}, {@link #deny(UUID)}, {@link #changeFrom} and
     * {@link #remove(UUID)} then act on the series as one. Raises reservations made.
     *
     * @param email the reservee's email
     * @param recurrence the recurrence
     * @param options data, session, quota; their data may not hold {@link SeriesData#KEY}
     * @param policy all or nothing, or book what is free
     * @return the token of the series, the occurrences booked and those refused
     * @throws io.libres.errors.OccurrencesRefused naming every refused occurrence and why (all or
     *     nothing), or if none can be booked; nothing is written then
     * @throws TooManyOccurrences if the recurrence gives more occurrences than the limit
     * @throws InvalidRecurrenceRule if the recurrence is missing, never ends or gives no occurrence
     * @throws io.libres.errors.InvalidEmailAddress if the email is not valid
     * @throws InvalidArgument if the options or policy are missing or the data holds the series key
     */
    public SeriesBooking reserve(String email, Recurrence recurrence, ReserveOptions options, OccurrencePolicy policy) {
        if (options == null || policy == null) {
            throw new InvalidArgument("the reserve options or the occurrence policy are missing; expected both");
        }
        Expansion expansion = nonEmpty(recurrence);
        ReserveOptions withSeries = withData(options, SeriesData.with(options.data(), UUID.randomUUID(),
                part(recurrence, expansion, recurrence.firstDay()), extent(expansion.occurrences())));
        OccurrenceOutcome outcome = scheduler.reserveOccurrences(email, expansion.dates(), withSeries, policy);
        return booking(outcome, expansion);
    }

    /**
     * Approves every pending reservation of a series, all or nothing; see
     * {@link Scheduler#approveReservations(UUID)}.
     *
     * @param token the series' token
     * @return the reserved slots of the series
     * @throws io.libres.errors.InvalidReservationToken if no reservation of this resource has the token
     * @throws io.libres.errors.AlreadyReservedError if a slot is taken; nothing is approved then
     */
    public List<ReservedSlot> approve(UUID token) {
        return scheduler.approveReservations(token);
    }

    /**
     * Denies every pending reservation of a series; see {@link Scheduler#denyReservation(UUID)}.
     *
     * @param token the series' token
     * @return the denied reservations
     * @throws io.libres.errors.InvalidReservationToken if no reservation of this resource has the token
     */
    public List<Reservation> deny(UUID token) {
        return scheduler.denyReservation(token);
    }

    /**
     * Removes a whole series and its reserved slots; see {@link Scheduler#removeReservation(UUID)}.
     *
     * @param token the series' token
     * @return the removed reservations
     * @throws io.libres.errors.InvalidReservationToken if no reservation of this resource has the token
     */
    public List<Reservation> remove(UUID token) {
        return scheduler.removeReservation(token);
    }

    /**
     * Changes a series from a day on ("this and following"): the reservations starting on or
     * after the day are replaced by the occurrences of a new recurrence on or after it, under
     * the same token, with the same email, data, session and quota; all or nothing. If the
     * series was approved, the new occurrences are approved too. The earlier reservations keep
     * their rule; reading the series back shows both rules, the new one from the day on.
     *
     * @param token the series' token
     * @param from the first day to change, in the scheduler's zone
     * @param next the recurrence from that day on (its occurrences before the day are ignored)
     * @return the token and the occurrences booked from the day on
     * @throws NotASeries if the token's reservations are no series
     * @throws InvalidReservationError if the series was reserved as a group (it changes as a whole)
     * @throws io.libres.errors.OccurrencesRefused naming every new occurrence that cannot be booked;
     *     nothing is changed then
     * @throws TooManyOccurrences if the new recurrence gives more occurrences than the limit
     * @throws InvalidRecurrenceRule if the new recurrence is missing or never ends
     * @throws io.libres.errors.InvalidReservationToken if no reservation of this resource has the token
     * @throws InvalidArgument if the day is missing
     */
    public SeriesBooking changeFrom(UUID token, LocalDate from, Recurrence next) {
        List<Reservation> series = seriesMembers(token);
        List<Reservation> following = following(series, requireDay(from));
        Expansion all = expand(next);
        Expansion kept = new Expansion(all.occurrences().stream().filter(o -> !o.day().isBefore(from))
                .collect(Collectors.toList()), after(all.exceptions(), from), after(all.holidays(), from));
        Reservation model = series.get(0);
        UUID id = SeriesData.id(model.data()).orElseThrow();
        ReserveOptions options = new ReserveOptions(SeriesData.with(SeriesData.withoutSeries(model.data()), id,
                part(next, kept, from), kept.occurrences().isEmpty() ? List.of(Instant.EPOCH, Instant.EPOCH)
                        : extent(kept.occurrences())), model.sessionId().orElse(null), model.quota(), false);
        OccurrenceOutcome outcome = scheduler.replaceOccurrences(token, ids(following), model.email(), kept.dates(),
                options);
        return booking(outcome, kept);
    }

    /**
     * Removes a series from a day on ("this and following") with the reserved slots, in a fixed
     * number of statements. Raises reservations removed.
     *
     * @param token the series' token
     * @param from the first day to remove, in the scheduler's zone
     * @return the removed reservations
     * @throws NotASeries if the token's reservations are no series
     * @throws InvalidReservationError if the series was reserved as a group (it is removed as a whole)
     * @throws io.libres.errors.InvalidReservationToken if no reservation of this resource has the token
     * @throws InvalidArgument if the day is missing
     */
    public List<Reservation> removeFrom(UUID token, LocalDate from) {
        List<Reservation> following = following(seriesMembers(token), requireDay(from));
        return following.isEmpty() ? List.of() : scheduler.removeReservations(token, ids(following));
    }

    /**
     * Reads back a reserved series: its rules and its reservations (one statement).
     *
     * @param token the series' token
     * @return the series, its id being the token; members ordered by start (a group reservation first)
     * @throws NotASeries if the token's reservations are no series
     * @throws io.libres.errors.InvalidReservationToken if no reservation of this resource has the token
     */
    public Series<Reservation> reservationSeries(UUID token) {
        List<Reservation> members = seriesMembers(token);
        TreeMap<LocalDate, SeriesPart> parts = new TreeMap<>();
        for (Reservation member : members) {
            SeriesPart part = SeriesData.part(member.data()).orElseThrow();
            parts.putIfAbsent(part.from(), part);
        }
        return new Series<>(token, List.copyOf(parts.values()), members);
    }

    // ------------------------------------------------------------------ blockers

    /**
     * Blocks every occurrence of a recurrence under one token (cleaning every Monday
     * 07:00-08:00), in a fixed number of statements; see
     * {@link Scheduler#addBlockerOccurrences(List, String, OccurrencePolicy)}. Blockers have no
     * data column in libres 1.2, so the series (rule, exceptions, holidays) is kept as the data of
     * the token ({@link Scheduler#keepBlockerData(UUID, Map)}, one more statement, in a table
     * libres 1.2 ignores), read back with {@link #blockerSeries(UUID)} and removed with the
     * token's last blocker ({@link Scheduler#removeBlocker(UUID)} removes the series as one).
     * Raises blockers added.
     *
     * @param recurrence the recurrence
     * @param reason why, or null
     * @param policy all or nothing, or block what is free
     * @return the token of the blockers, the occurrences blocked and those refused
     * @throws io.libres.errors.OccurrencesRefused naming every refused occurrence and why
     * @throws TooManyOccurrences if the recurrence gives more occurrences than the limit
     * @throws InvalidRecurrenceRule if the recurrence is missing, never ends or gives no occurrence
     * @throws InvalidArgument if the policy is missing
     */
    public SeriesBooking addBlockers(Recurrence recurrence, @Nullable String reason, OccurrencePolicy policy) {
        if (policy == null) {
            throw new InvalidArgument("the occurrence policy is missing; expected a policy");
        }
        Expansion expansion = nonEmpty(recurrence);
        SeriesBooking booking = booking(scheduler.addBlockerOccurrences(expansion.dates(), reason, policy), expansion);
        scheduler.keepBlockerData(booking.token(), SeriesData.with(Map.of(), booking.token(),
                part(recurrence, expansion, recurrence.firstDay()), extent(expansion.occurrences())));
        return booking;
    }

    /**
     * Reads back a blocker series: its rule and its blockers (a fixed number of statements).
     *
     * @param token the blockers' token
     * @return the series; its blockers ordered by start
     * @throws NotASeries if the token's blockers were not added by {@link #addBlockers}
     * @throws io.libres.errors.InvalidReservationToken if no blocker of this resource has the token
     */
    public Series<ReservationBlocker> blockerSeries(UUID token) {
        List<ReservationBlocker> members = scheduler.blockersByToken(token).list().stream()
                .sorted(Comparator.comparing((ReservationBlocker b) -> b.start() == null ? Instant.MIN : b.start()))
                .collect(Collectors.toList());
        SeriesPart part = scheduler.blockerData(token).flatMap(SeriesData::part)
                .orElseThrow(() -> new NotASeries("the blockers of " + token + " are no series; expected the token of"
                        + " blockers added by Recurring.addBlockers"));
        return new Series<>(token, List.of(part), members);
    }

    /**
     * Removes the blockers of a series from a day on ("this and following").
     *
     * @param token the blockers' token
     * @param from the first day to remove, in the scheduler's zone
     * @return the removed blockers
     * @throws io.libres.errors.InvalidReservationToken if no blocker of this resource has the token
     * @throws InvalidArgument if the day is missing
     */
    public List<ReservationBlocker> removeBlockersFrom(UUID token, LocalDate from) {
        requireDay(from);
        List<Integer> ids = scheduler.blockersByToken(token).list().stream()
                .filter(b -> b.start() != null && !b.start().atZone(scheduler.zone()).toLocalDate().isBefore(from))
                .map(ReservationBlocker::requireId).collect(Collectors.toList());
        return ids.isEmpty() ? List.of() : scheduler.removeBlockers(token, ids);
    }

    // ------------------------------------------------------------------ helpers

    private List<Reservation> seriesMembers(UUID token) {
        List<Reservation> members = scheduler.reservationsByToken(token).list().stream()
                .filter(r -> SeriesData.id(r.data()).isPresent())
                .sorted(Comparator.comparing((Reservation r) -> r.start().orElse(Instant.MIN)))
                .collect(Collectors.toList());
        if (members.isEmpty()) {
            throw new NotASeries("the reservations of " + token + " are no series; expected the token of a series"
                    + " made by Recurring.reserve");
        }
        return members;
    }

    private List<Reservation> following(List<Reservation> series, LocalDate from) {
        if (series.stream().anyMatch(r -> r.targetType() == TargetType.GROUP)) {
            throw new InvalidReservationError("the series " + series.get(0).token() + " reserves a group of allocations;"
                    + " expected a series of single allocations (a group series changes and is removed as a whole)");
        }
        return series.stream().filter(r -> !r.displayStart(scheduler.zone()).toLocalDate().isBefore(from))
                .collect(Collectors.toList());
    }

    private static LocalDate requireDay(LocalDate from) {
        if (from == null) {
            throw new InvalidArgument("the first day to change is missing; expected a day");
        }
        return from;
    }

    private static List<Integer> ids(List<Reservation> reservations) {
        return reservations.stream().map(Reservation::requireId).collect(Collectors.toList());
    }

    private static List<LocalDate> after(List<LocalDate> days, LocalDate from) {
        return days.stream().filter(d -> !d.isBefore(from)).collect(Collectors.toList());
    }

    private SeriesPart part(Recurrence recurrence, Expansion expansion, LocalDate from) {
        return new SeriesPart(recurrence.rule(), recurrence.firstDay(), recurrence.startTime(), recurrence.duration(),
                scheduler.zone(), recurrence.untilInstant().orElse(null),
                recurrence.exceptions().stream().sorted().collect(Collectors.toList()), expansion.holidays(), from);
    }

    /** Where the occurrences lie, widened to whole days so whole-day allocations fall inside. */
    private List<Instant> extent(List<Occurrence> occurrences) {
        LocalDate first = occurrences.get(0).day();
        LocalDateTime last = occurrences.stream().map(Occurrence::end).max(Comparator.naturalOrder()).orElseThrow();
        return List.of(TimeZones.localize(first.atStartOfDay(), scheduler.zone()).toInstant(),
                TimeZones.localize(last.toLocalDate().plusDays(1).atStartOfDay(), scheduler.zone()).toInstant());
    }

    private static ReserveOptions withData(ReserveOptions options, Map<String, Object> data) {
        return new ReserveOptions(data, options.sessionId(), options.quota(), options.singleTokenPerSession());
    }

    private static SeriesBooking booking(OccurrenceOutcome outcome, Expansion expansion) {
        List<Occurrence> booked = outcome.booked().stream().map(i -> expansion.occurrences().get(i))
                .collect(Collectors.toList());
        List<Refusal> refused = outcome.refused().stream()
                .map(r -> new Refusal(expansion.occurrences().get(r.index()), r.reason())).collect(Collectors.toList());
        return new SeriesBooking(outcome.token(), booked, refused, expansion);
    }
}
