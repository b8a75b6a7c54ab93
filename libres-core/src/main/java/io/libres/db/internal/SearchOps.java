package io.libres.db.internal;

import io.libres.db.Exposure;
import io.libres.db.Queries;
import io.libres.db.ReservedSlices;
import io.libres.db.SearchHit;
import io.libres.db.SearchOptions;
import io.libres.db.models.Allocation;
import io.libres.time.DateRange;
import io.libres.time.TimeZones;
import io.libres.time.Timespan;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Searching allocations by dates, times of day, weekdays, spots and groups. */
public final class SearchOps {

    private final Scope scope;
    private final Records records;

    /**
     * Creates the search of a scheduler.
     *
     * @param scope the scheduler's scope
     * @param records its record queries
     */
    public SearchOps(Scope scope, Records records) {
        this.scope = scope;
        this.records = records;
    }

    /**
     * Searches; see {@code Scheduler#searchAllocations}. Takes a fixed number of statements
     * whatever the number of allocations: the allocations of the range, their reserved slots and
     * their group sizes are read once, then every filter is decided in memory.
     *
     * @param range the requested dates and times of day
     * @param options the filters
     * @return the hits ordered by start
     * @throws io.libres.errors.InvalidArgument as documented on the scheduler method of the same name
     */
    public List<SearchHit> search(DateRange range, SearchOptions options) {
        if (options.availableOnly() && !scope.blockingResources().isEmpty()) {
            throw new io.libres.errors.InvalidArgument("searching for available allocations only is not supported for a scheduler"
                    + " with blocking names; expected availableOnly(false) or no blocking names");
        }
        Timespan span = scope.resolve(range);
        // The times of day are taken as given, like Python's datetime.time(), then read in the
        // scheduler's zone on each allocation's day.
        LocalTime startTime = TimeZones.timeOfDay(range.start());
        LocalTime endTime = TimeZones.timeOfDay(range.end());
        // A range ending at midnight means "up to the end of the previous day" (what a user means
        // by 1 May 00:00 to 2 May 00:00); libres 1.2 reads it as the empty window 00:00 to 00:00.
        boolean untilMidnight = endTime.equals(LocalTime.MIDNIGHT) && span.end().isAfter(span.start());
        if (untilMidnight) {
            span = span.withStoredEnd();
        } else if (startTime.isAfter(endTime)) {
            throw new io.libres.errors.InvalidDateRange("the times of day of the search range " + range + " ("
                    + startTime + " to " + endTime + ") leave an empty window on every day; expected a start time"
                    + " on or before the end time (equal times find what overlaps that instant), or an end at"
                    + " midnight for the rest of the day");
        }
        int minspots = options.minspots();
        boolean needsSlots = options.availableOnly() || (minspots > 0 && scope.blockingResources().isEmpty());
        PrefetchedLookup lookup = PrefetchedLookup.load(scope, List.of(span), needsSlots, true);
        // Looked up once per search, not per allocation: a context resolves services by walking
        // its parents.
        Exposure exposure = scope.exposure();
        MinspotsAvailability availability = new MinspotsAvailability(lookup, exposure,
                scope.blockingResources().isEmpty() ? null : masters -> reservedSlices(masters));
        List<SearchHit> hits = new ArrayList<>();
        Map<UUID, Integer> foundPerGroup = new HashMap<>();
        Set<Integer> knownIds = new HashSet<>();
        for (Allocation allocation : lookup.masters()) {
            if (!exposure.isAllocationExposed(allocation)) {
                continue;
            }
            ZonedDateTime allocationStart = allocation.displayStart(scope.zone());
            ZonedDateTime allocationEnd = allocation.end().atZone(scope.zone());
            java.time.LocalDateTime dailyEnd = untilMidnight ? allocationEnd.toLocalDate().plusDays(1).atStartOfDay()
                    : allocationEnd.toLocalDate().atTime(endTime);
            Timespan daily = new Timespan(
                    TimeZones.localize(allocationStart.toLocalDate().atTime(startTime), scope.zone()).toInstant(),
                    TimeZones.localize(dailyEnd, scope.zone()).toInstant());
            if (!allocation.overlaps(daily)) {
                continue;
            }
            if (!options.days().isEmpty() && !options.days().contains(allocationStart.getDayOfWeek())) {
                continue;
            }
            if (!options.wholeDay().admits(allocation.wholeDay())) {
                continue;
            }
            if (minspots > 0 && allocation.quotaLimit() > 0 && allocation.quotaLimit() < minspots) {
                continue;
            }
            if (options.availableOnly() && allocation.findSpot(lookup, daily).isEmpty()) {
                continue;
            }
            if (minspots > 0 && minspots * 100.0 / allocation.quota() > availability.of(allocation)) {
                continue;
            }
            boolean inGroup = allocation.inGroup(lookup);
            if (inGroup) {
                foundPerGroup.merge(allocation.group(), 1, Integer::sum);
                knownIds.add(allocation.requireId());
            }
            if (!options.groups().admits(inGroup)) {
                continue;
            }
            hits.add(new SearchHit(allocation, false));
        }
        if (!options.strict() && options.groups() != io.libres.db.Inclusion.NO
                && foundPerGroup.entrySet().stream().anyMatch(e -> lookup.groupSize(e.getKey()) > e.getValue())) {
            for (Allocation extra : records.allocationsByGroups(foundPerGroup.keySet(), true).list()) {
                if (!knownIds.contains(extra.requireId())) {
                    hits.add(new SearchHit(extra, true));
                }
            }
            hits.sort(Comparator.comparing((SearchHit h) -> h.allocation().start()));
        }
        return hits;
    }

    private ReservedSlices reservedSlices(List<Allocation> masters) {
        Instant first = masters.stream().map(Allocation::start).min(Instant::compareTo).orElseThrow();
        Instant last = masters.stream().map(Allocation::end).max(Instant::compareTo).orElseThrow();
        return new Queries(scope.context()).reservedSlotsByRange(new Timespan(first, last), scope.resource(),
                scope.blockingResources());
    }
}
