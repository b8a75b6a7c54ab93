package io.libres.db.internal;

import io.libres.db.SearchHit;
import io.libres.db.SearchOptions;
import io.libres.db.models.Allocation;
import io.libres.errors.LibresException;
import io.libres.time.DateRange;
import io.libres.time.TimeZones;
import io.libres.time.Timespan;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

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
     * Searches; see {@code Scheduler#searchAllocations}.
     *
     * @param range the requested dates and times of day
     * @param options the filters
     * @param availability the availability of a span, for minspots
     * @return the hits ordered by start
     */
    public List<SearchHit> search(DateRange range, SearchOptions options, ToDoubleFunction<Timespan> availability) {
        if (options.availableOnly() && !scope.blockingResources().isEmpty()) {
            throw new LibresException("searching for available allocations only is not supported for a scheduler"
                    + " with blocking names; expected availableOnly(false) or no blocking names");
        }
        Timespan span = scope.resolve(range);
        // The times of day are taken as given, like Python's datetime.time(), then read in the
        // scheduler's zone on each allocation's day.
        LocalTime startTime = TimeZones.timeOfDay(range.start());
        LocalTime endTime = TimeZones.timeOfDay(range.end());
        List<SearchHit> hits = new ArrayList<>();
        Set<UUID> knownGroups = new HashSet<>();
        Set<Integer> knownIds = new HashSet<>();
        for (Allocation allocation : records.allocationsInRange(span, true, true).list()) {
            if (!scope.exposure().isAllocationExposed(allocation)) {
                continue;
            }
            ZonedDateTime allocationStart = allocation.displayStart(scope.zone());
            ZonedDateTime allocationEnd = allocation.end().atZone(scope.zone());
            Timespan daily = new Timespan(
                    TimeZones.localize(allocationStart.toLocalDate().atTime(startTime), scope.zone()).toInstant(),
                    TimeZones.localize(allocationEnd.toLocalDate().atTime(endTime), scope.zone()).toInstant());
            if (!allocation.overlaps(daily)) {
                continue;
            }
            if (!options.days().isEmpty() && !options.days().contains(allocationStart.getDayOfWeek())) {
                continue;
            }
            if (!options.wholeDay().admits(allocation.wholeDay())) {
                continue;
            }
            int minspots = options.minspots();
            if (minspots > 0 && allocation.quotaLimit() > 0 && allocation.quotaLimit() < minspots) {
                continue;
            }
            if (options.availableOnly() && allocation.findSpot(scope.lookup(), daily).isEmpty()) {
                continue;
            }
            if (minspots > 0) {
                double available = availability.applyAsDouble(allocation.timespan());
                if (minspots * 100.0 / allocation.quota() > available) {
                    continue;
                }
            }
            boolean inGroup = knownGroups.contains(allocation.group()) || allocation.inGroup(scope.lookup());
            if (inGroup) {
                knownGroups.add(allocation.group());
                knownIds.add(allocation.requireId());
            }
            if (!options.groups().admits(inGroup)) {
                continue;
            }
            hits.add(new SearchHit(allocation, false));
        }
        if (!options.strict() && options.groups() != io.libres.db.Inclusion.NO && !knownGroups.isEmpty()) {
            for (Allocation extra : records.allocationsByGroups(knownGroups, true).list()) {
                if (!knownIds.contains(extra.requireId())) {
                    hits.add(new SearchHit(extra, true));
                }
            }
            hits.sort(Comparator.comparing((SearchHit h) -> h.allocation().start()));
        }
        return hits;
    }
}
