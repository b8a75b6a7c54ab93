package io.libres.db.internal;

import io.libres.db.FreeSlot;
import io.libres.db.FreeSlotQuery;
import io.libres.db.models.Allocation;
import io.libres.time.Raster;
import io.libres.time.Rasterizer;
import io.libres.time.TimeZones;
import io.libres.time.Timespan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Free slots across schedulers, ordered by start. The days asked are read chunk by chunk (one
 * day, then two, four, ... up to {@value #MAX_CHUNK_DAYS}), each chunk with the fixed number of
 * statements of {@link TimeSnapshot}, so the first slot costs one small chunk however far the
 * days reach, and a stream read to its end costs a number of statements that grows with the
 * days asked (logarithmically, then linearly), never with the schedulers or allocations.
 */
public final class FreeSlotSearch {

    /** The longest chunk, in days. */
    static final int MAX_CHUNK_DAYS = 32;

    private final List<Scope> scopes;
    private final FreeSlotQuery query;

    /**
     * Prepares a search.
     *
     * @param scopes the schedulers' scopes, in order (ties on the start are broken by it)
     * @param query what to look for
     */
    public FreeSlotSearch(List<Scope> scopes, FreeSlotQuery query) {
        this.scopes = List.copyOf(scopes);
        this.query = query;
    }

    /**
     * The slots, lazily: a chunk is read when the stream reaches it, in the thread's open unit of
     * work or, outside one, in a short read of its own.
     *
     * @return the slots ordered by start, then scheduler, then allocation; not limited
     */
    public Stream<FreeSlot> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Chunks(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private final class Chunks implements Iterator<FreeSlot> {
        private final Deque<FreeSlot> buffer = new ArrayDeque<>();
        private final Instant end;
        private Instant next;
        private long days = 1;

        Chunks() {
            Instant start = null;
            Instant stop = null;
            for (Scope scope : scopes) {
                Instant s = TimeZones.localize(query.first().atStartOfDay(), scope.zone()).toInstant();
                Instant e = TimeZones.localize(query.last().plusDays(1).atStartOfDay(), scope.zone()).toInstant();
                start = start == null || s.isBefore(start) ? s : start;
                stop = stop == null || e.isAfter(stop) ? e : stop;
            }
            if (query.notBefore() != null && query.notBefore().isAfter(start)) {
                start = Rasterizer.rasterizeStart(query.notBefore(), Raster.MIN);
            }
            this.next = start;
            this.end = stop;
        }

        @Override
        public boolean hasNext() {
            while (buffer.isEmpty() && next.isBefore(end)) {
                Instant chunkEnd = next.plus(Duration.ofDays(days));
                chunkEnd = chunkEnd.isAfter(end) ? end : chunkEnd;
                buffer.addAll(inChunk(next, chunkEnd));
                next = chunkEnd;
                days = Math.min(MAX_CHUNK_DAYS, days * 2);
            }
            return !buffer.isEmpty();
        }

        @Override
        public FreeSlot next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more free slots");
            }
            return buffer.removeFirst();
        }
    }

    private List<FreeSlot> inChunk(Instant from, Instant until) {
        Timespan chunk = new Timespan(from, until.minus(Timespan.MICROSECOND));
        Scope lead = scopes.get(0);
        // each chunk in the open unit of work, or in a short read of its own
        TimeSnapshot snapshot = lead.read(() -> TimeSnapshot.load(lead.work(), scopes, chunk, true));
        List<Candidate> found = new ArrayList<>();
        for (int order = 0; order < scopes.size(); order++) {
            Scope scope = scopes.get(order);
            for (Allocation master : snapshot.masters(scope.resource(), chunk)) {
                if (!scope.exposure().isAllocationExposed(master)
                        || master.quotaLimit() > 0 && master.quotaLimit() < query.minSpots()) {
                    continue;
                }
                if (master.partlyAvailable()) {
                    partly(scope, order, snapshot, master, from, until, found);
                } else {
                    whole(scope, order, snapshot, master, from, until, found);
                }
            }
        }
        found.sort(Comparator.comparing((Candidate c) -> c.slot.startInstant()).thenComparingInt(c -> c.order)
                .thenComparingInt(c -> c.slot.allocation().requireId()));
        List<FreeSlot> slots = new ArrayList<>(found.size());
        found.forEach(c -> slots.add(c.slot));
        return slots;
    }

    private record Candidate(FreeSlot slot, int order) {
    }

    private boolean admits(Instant start, Instant from, Instant until) {
        return !start.isBefore(from) && start.isBefore(until)
                && (query.notBefore() == null || !start.isBefore(query.notBefore()));
    }

    private boolean admitsDay(LocalDate day) {
        return !day.isBefore(query.first()) && !day.isAfter(query.last())
                && (query.days().isEmpty() || query.days().contains(day.getDayOfWeek()));
    }

    /** The time-of-day window of a day in a zone, its end exclusive. */
    private Instant[] window(Scope scope, LocalDate day) {
        Instant start = TimeZones.localize(day.atTime(query.startTime()), scope.zone()).toInstant();
        Instant end = query.endTime().equals(LocalTime.MIDNIGHT)
                ? TimeZones.localize(day.plusDays(1).atStartOfDay(), scope.zone()).toInstant()
                : TimeZones.localize(day.atTime(query.endTime()), scope.zone()).toInstant();
        return new Instant[] {start, end};
    }

    private void partly(Scope scope, int order, TimeSnapshot snapshot, Allocation master, Instant from,
            Instant until, List<Candidate> found) {
        Duration raster = master.raster().duration();
        long steps = (query.length().toMinutes() + raster.toMinutes() - 1) / raster.toMinutes();
        Duration length = raster.multipliedBy(steps);
        Instant allocationEnd = master.end().plus(Timespan.MICROSECOND);
        LocalDate day = master.start().atZone(scope.zone()).toLocalDate();
        LocalDate lastDay = master.end().atZone(scope.zone()).toLocalDate();
        for (; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (!admitsDay(day)) {
                continue;
            }
            Instant[] window = window(scope, day);
            Instant low = window[0].isAfter(master.start()) ? window[0] : master.start();
            Instant high = window[1].isBefore(allocationEnd) ? window[1] : allocationEnd;
            Instant start = Rasterizer.rasterizeStart(low, master.raster());
            if (start.isBefore(low)) {
                start = start.plus(raster);
            }
            for (; !start.plus(length).isAfter(high); start = start.plus(raster)) {
                if (!admits(start, from, until)) {
                    continue;
                }
                Timespan span = new Timespan(start, start.plus(length).minus(Timespan.MICROSECOND));
                int spots = snapshot.reservableSpots(scope, master, span);
                if (spots >= query.minSpots()) {
                    found.add(new Candidate(new FreeSlot(scope.name(), scope.resource(), master, List.of(),
                            start.atZone(scope.zone()), start.plus(length).atZone(scope.zone()), spots), order));
                }
            }
        }
    }

    private void whole(Scope scope, int order, TimeSnapshot snapshot, Allocation master, Instant from,
            Instant until, List<Candidate> found) {
        List<Allocation> members = snapshot.groupSize(master.group()) > 1 ? snapshot.groupMembers(master.group())
                : List.of();
        if (!members.isEmpty() && !members.get(0).equals(master)) {
            return;
        }
        if (!admits(master.start(), from, until) || !fitsWindow(scope, master)) {
            return;
        }
        int spots = snapshot.reservableSpots(scope, master, master.timespan());
        Allocation last = master;
        for (Allocation member : members) {
            if (!scope.exposure().isAllocationExposed(member)) {
                return;
            }
            spots = Math.min(spots, snapshot.reservableSpots(scope, member, member.timespan()));
            last = member.end().isAfter(last.end()) ? member : last;
        }
        if (spots >= query.minSpots()) {
            found.add(new Candidate(new FreeSlot(scope.name(), scope.resource(), master, members,
                    master.start().atZone(scope.zone()), last.end().plus(Timespan.MICROSECOND).atZone(scope.zone()),
                    spots), order));
        }
    }

    /** At least the length of the allocation lies within the window on its first day. */
    private boolean fitsWindow(Scope scope, Allocation allocation) {
        LocalDate day = allocation.start().atZone(scope.zone()).toLocalDate();
        if (!admitsDay(day)) {
            return false;
        }
        Instant[] window = window(scope, day);
        Instant low = window[0].isAfter(allocation.start()) ? window[0] : allocation.start();
        Instant allocationEnd = allocation.end().plus(Timespan.MICROSECOND);
        Instant high = window[1].isBefore(allocationEnd) ? window[1] : allocationEnd;
        return !Duration.between(low, high).minus(query.length()).isNegative();
    }
}
