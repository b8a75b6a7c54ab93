package io.libres.db;

import io.libres.context.Context;
import io.libres.db.internal.FreeSlotSearch;
import io.libres.db.internal.MatrixBuilder;
import io.libres.db.internal.Scope;
import io.libres.errors.InvalidArgument;
import io.libres.errors.InvalidDateRange;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Several schedulers of one context addressed at once, for the questions a booking site asks
 * across resources: the first free slot on any room ({@link #freeSlots}) and a calendar of all of
 * them ({@link #availabilityMatrix}). Each scheduler keeps its own zone (days, times of day and
 * weekdays are read in it), blocking names and blockers; the context's exposure applies to all.
 *
 * <p>Every question reads in a fixed number of statements whatever the number of schedulers and
 * allocations, in the current thread's unit of work of the context. Immutable.
 */
public final class Schedulers {

    private final Context context;
    private final Map<String, Scheduler> members;

    private Schedulers(Context context, Map<String, Scheduler> members) {
        this.context = context;
        this.members = members;
    }

    /**
     * Addresses some schedulers at once.
     *
     * @param schedulers the schedulers, in the order results break ties by
     * @return the set
     * @throws InvalidArgument if none is given, one is missing, they belong to different contexts
     *     or two share a name
     */
    public static Schedulers of(Scheduler... schedulers) {
        if (schedulers == null) {
            throw new InvalidArgument("the schedulers are missing; expected at least one scheduler");
        }
        return of(Arrays.asList(schedulers));
    }

    /**
     * Addresses some schedulers at once.
     *
     * @param schedulers the schedulers, in the order results break ties by
     * @return the set
     * @throws InvalidArgument if none is given, one is missing, they belong to different contexts
     *     or two share a name
     */
    public static Schedulers of(Collection<Scheduler> schedulers) {
        if (schedulers == null || schedulers.isEmpty() || schedulers.contains(null)) {
            throw new InvalidArgument("the schedulers " + schedulers + " are missing, empty or hold a missing"
                    + " scheduler; expected at least one scheduler");
        }
        Context context = schedulers.iterator().next().context();
        Map<String, Scheduler> byName = new LinkedHashMap<>();
        for (Scheduler scheduler : schedulers) {
            if (scheduler.context() != context) {
                throw new InvalidArgument("the scheduler '" + scheduler.name() + "' belongs to the context '"
                        + scheduler.context().name() + "', not '" + context.name() + "'; expected schedulers of one"
                        + " context");
            }
            if (byName.put(scheduler.name(), scheduler) != null) {
                throw new InvalidArgument("the scheduler name '" + scheduler.name() + "' is given twice; expected"
                        + " each scheduler once");
            }
        }
        return new Schedulers(context, java.util.Collections.unmodifiableMap(byName));
    }

    /**
     * Addresses schedulers of a context by their names, all in one zone and without blocking
     * names (create the schedulers yourself and use {@link #of(Scheduler...)} for more).
     *
     * @param context the context
     * @param zone the zone of every scheduler
     * @param names the schedulers' names
     * @return the set
     * @throws InvalidArgument if the context, the zone or the names are missing, a name is blank
     *     or given twice
     */
    public static Schedulers of(Context context, ZoneId zone, String... names) {
        if (names == null || names.length == 0) {
            throw new InvalidArgument("the scheduler names are missing; expected at least one name");
        }
        List<Scheduler> schedulers = new ArrayList<>();
        for (String name : names) {
            schedulers.add(new Scheduler(context, name, zone));
        }
        return of(schedulers);
    }

    /** @return the context of every scheduler */
    public Context context() {
        return context;
    }

    /** @return the schedulers, in order */
    public List<Scheduler> members() {
        return List.copyOf(members.values());
    }

    /** @return the schedulers' names, in order */
    public List<String> names() {
        return List.copyOf(members.keySet());
    }

    /**
     * One scheduler of the set, by name (to reserve a slot found).
     *
     * @param name the scheduler's name
     * @return the scheduler
     * @throws InvalidArgument if no scheduler of the set has the name
     */
    public Scheduler get(String name) {
        Scheduler scheduler = members.get(name);
        if (scheduler == null) {
            throw new InvalidArgument("no scheduler of the set is named '" + name + "'; expected one of "
                    + members.keySet());
        }
        return scheduler;
    }

    private List<Scope> scopes() {
        return members.values().stream().map(Scheduler::scope).collect(Collectors.toList());
    }

    /**
     * The free slots, ordered by start (then by the order of the schedulers, then by allocation),
     * at most the query's limit: the first element is the first free slot.
     *
     * @param query what to look for
     * @return the slots
     * @throws InvalidArgument if the query is missing
     */
    public List<FreeSlot> freeSlots(FreeSlotQuery query) {
        return streamFreeSlots(query).collect(Collectors.toList());
    }

    /**
     * The first free slot.
     *
     * @param query what to look for (its limit does not matter)
     * @return the earliest slot, empty if there is none
     * @throws InvalidArgument if the query is missing
     */
    public Optional<FreeSlot> firstFreeSlot(FreeSlotQuery query) {
        return streamFreeSlots(query).findFirst();
    }

    /**
     * The free slots as a lazy stream, ordered as {@link #freeSlots} and limited by the query's
     * limit. The days are read a chunk at a time as the stream advances (one day first, then
     * growing), so stopping early reads little; consume the stream within the unit of work.
     *
     * @param query what to look for
     * @return the slots
     * @throws InvalidArgument if the query is missing
     */
    public Stream<FreeSlot> streamFreeSlots(FreeSlotQuery query) {
        if (query == null) {
            throw new InvalidArgument("the free-slot query is missing; expected FreeSlotQuery.of(length, first,"
                    + " last).build()");
        }
        return new FreeSlotSearch(scopes(), query).stream().limit(query.limit());
    }

    /**
     * The schedulers by days: free share and free spots per scheduler and day.
     *
     * @param first the first day, inclusive, in each scheduler's zone
     * @param last the last day, inclusive
     * @return the matrix
     * @throws InvalidDateRange if a day is missing or the last lies before the first
     */
    public AvailabilityMatrix availabilityMatrix(LocalDate first, LocalDate last) {
        return matrix(first, last, null);
    }

    /**
     * The schedulers by days and buckets of each day (for example hours).
     *
     * @param first the first day, inclusive, in each scheduler's zone
     * @param last the last day, inclusive
     * @param bucket the length of a bucket of wall-clock time: a multiple of five minutes that
     *     divides a day
     * @return the matrix, with day and bucket cells
     * @throws InvalidDateRange if a day is missing or the last lies before the first
     * @throws InvalidArgument if the bucket is missing or does not divide a day in steps of five minutes
     */
    public AvailabilityMatrix availabilityMatrix(LocalDate first, LocalDate last, Duration bucket) {
        if (bucket == null || bucket.isNegative() || bucket.isZero() || bucket.toMinutes() % 5 != 0
                || !bucket.equals(Duration.ofMinutes(bucket.toMinutes())) || Duration.ofDays(1).toMinutes()
                % bucket.toMinutes() != 0) {
            throw new InvalidArgument("the bucket " + bucket + " is invalid; expected a multiple of five minutes"
                    + " that divides a day (such as PT15M, PT1H or PT6H)");
        }
        return matrix(first, last, bucket);
    }

    private AvailabilityMatrix matrix(LocalDate first, LocalDate last, Duration bucket) {
        if (first == null || last == null || last.isBefore(first)) {
            throw new InvalidDateRange("the days " + first + " to " + last + " of a matrix are missing or reversed;"
                    + " expected a first day and a last day on or after it");
        }
        if (first.plusDays(366 * 2).isBefore(last)) {
            throw new InvalidDateRange("the days " + first + " to " + last + " span more than two years; expected"
                    + " the days of a calendar view");
        }
        return new MatrixBuilder(scopes(), first, last, bucket).build();
    }
}
