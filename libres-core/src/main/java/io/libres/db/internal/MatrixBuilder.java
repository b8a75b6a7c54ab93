package io.libres.db.internal;

import io.libres.db.AllocationAvailability;
import io.libres.db.AvailabilityCell;
import io.libres.db.AvailabilityMatrix;
import io.libres.db.ReservedSlices;
import io.libres.db.models.Allocation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.time.Raster;
import io.libres.time.Rasterizer;
import io.libres.time.TimeZones;
import io.libres.time.Timespan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds an {@link AvailabilityMatrix} from one {@link TimeSnapshot} of the days asked: a fixed
 * number of statements whatever the number of schedulers, days and allocations.
 */
public final class MatrixBuilder {

    private final List<Scope> scopes;
    private final LocalDate first;
    private final LocalDate last;
    private final Duration bucket;

    /**
     * Prepares a matrix.
     *
     * @param scopes the schedulers' scopes, in order
     * @param first the first day, inclusive
     * @param last the last day, inclusive
     * @param bucket the bucket length, or null for days only
     */
    public MatrixBuilder(List<Scope> scopes, LocalDate first, LocalDate last, Duration bucket) {
        this.scopes = List.copyOf(scopes);
        this.first = first;
        this.last = last;
        this.bucket = bucket;
    }

    /**
     * Reads (in the thread's open unit of work, else in a short read) and computes the matrix.
     *
     * @return the matrix
     */
    public AvailabilityMatrix build() {
        Instant start = null;
        Instant end = null;
        for (Scope scope : scopes) {
            Instant s = TimeZones.localize(first.atStartOfDay(), scope.zone()).toInstant();
            Instant e = TimeZones.localize(last.plusDays(1).atStartOfDay(), scope.zone()).toInstant();
            start = start == null || s.isBefore(start) ? s : start;
            end = end == null || e.isAfter(end) ? e : end;
        }
        Scope lead = scopes.get(0);
        Timespan span = new Timespan(start, end.minus(Timespan.MICROSECOND));
        TimeSnapshot snapshot = lead.read(() -> TimeSnapshot.load(lead.work(), scopes, span, false));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        Map<String, Map<LocalDate, AvailabilityCell>> dayCells = new LinkedHashMap<>();
        Map<String, Map<LocalDate, List<AvailabilityCell>>> bucketCells = new LinkedHashMap<>();
        for (Scope scope : scopes) {
            Map<LocalDate, List<Allocation>> byDay = new HashMap<>();
            for (Allocation allocation : snapshot.allocations()) {
                if (allocation.mirrorOf().equals(scope.resource()) && scope.exposure().isAllocationExposed(allocation)) {
                    byDay.computeIfAbsent(allocation.start().atZone(scope.zone()).toLocalDate(), d -> new ArrayList<>())
                            .add(allocation);
                }
            }
            ReservedSlices slices = scope.blockingResources().isEmpty() ? null : slices(scope, snapshot);
            Map<LocalDate, AvailabilityCell> row = new LinkedHashMap<>();
            Map<LocalDate, List<AvailabilityCell>> buckets = new LinkedHashMap<>();
            for (LocalDate day : days) {
                List<Allocation> members = byDay.getOrDefault(day, List.of());
                row.put(day, dayCell(scope, snapshot, slices, day, members));
                if (bucket != null) {
                    buckets.put(day, bucketCells(scope, snapshot, day));
                }
            }
            dayCells.put(scope.name(), row);
            bucketCells.put(scope.name(), buckets);
        }
        return new AvailabilityMatrix(scopes.stream().map(Scope::name).collect(java.util.stream.Collectors.toList()),
                days, bucket, dayCells, bucketCells);
    }

    private AvailabilityCell dayCell(Scope scope, TimeSnapshot snapshot, ReservedSlices slices, LocalDate day,
            List<Allocation> members) {
        List<Allocation> masters = members.stream().filter(Allocation::isMaster)
                .collect(java.util.stream.Collectors.toList());
        double share;
        if (slices == null) {
            share = AvailabilityMath.availabilityByAllocations(members, snapshot.slots());
        } else {
            double total = 0.0;
            int quota = 0;
            for (AllocationAvailability entry : AvailabilityMath.withBlockingResources(masters, slices, false)) {
                total += entry.availability() * entry.allocation().quota();
                quota += entry.allocation().quota();
            }
            share = quota == 0 ? 0.0 : total / quota;
        }
        int free = 0;
        int spots = 0;
        for (Allocation master : masters) {
            free += snapshot.reservableSpots(scope, master, master.timespan());
            spots += master.quota();
        }
        return new AvailabilityCell(scope.name(), day, zoned(scope, day.atStartOfDay()),
                zoned(scope, day.plusDays(1).atStartOfDay()), share, free, spots, masters.size());
    }

    private List<AvailabilityCell> bucketCells(Scope scope, TimeSnapshot snapshot, LocalDate day) {
        List<AvailabilityCell> cells = new ArrayList<>();
        LocalDateTime dayEnd = day.plusDays(1).atStartOfDay();
        for (LocalDateTime wall = day.atStartOfDay(); wall.isBefore(dayEnd); wall = wall.plus(bucket)) {
            ZonedDateTime from = zoned(scope, wall);
            ZonedDateTime until = zoned(scope, wall.plus(bucket));
            Counts counts = new Counts();
            if (from.isBefore(until)) {
                Timespan span = new Timespan(from.toInstant(), until.toInstant().minus(Timespan.MICROSECOND));
                for (Allocation master : snapshot.masters(scope.resource(), span)) {
                    if (scope.exposure().isAllocationExposed(master)) {
                        count(scope, snapshot, master, span, counts);
                    }
                }
            }
            cells.add(new AvailabilityCell(scope.name(), day, from, until,
                    percentFree(counts.total, counts.blocked, counts.taken), counts.free, counts.spots, counts.masters));
        }
        return cells;
    }

    private static final class Counts {
        private long total;
        private long blocked;
        private long taken;
        private int free;
        private int spots;
        private int masters;
    }

    /** Counts the slots of a master and its spots within a bucket. */
    private static void count(Scope scope, TimeSnapshot snapshot, Allocation master, Timespan bucketSpan,
            Counts counts) {
        List<Timespan> slots = new ArrayList<>();
        for (Timespan slot : master.allSlots(bucketSpan)) {
            // a partly available allocation counts the slots starting in the bucket, another one
            // its single slot in every bucket it overlaps
            if (!master.partlyAvailable() || !slot.start().isBefore(bucketSpan.start())) {
                slots.add(slot);
            }
        }
        if (slots.isEmpty()) {
            return;
        }
        counts.masters++;
        counts.spots += master.quota();
        boolean[] blockedElsewhere = new boolean[slots.size()];
        boolean anyBlockedElsewhere = false;
        for (int i = 0; i < slots.size(); i++) {
            blockedElsewhere[i] = snapshot.isBlockedByOthers(scope, slots.get(i));
            anyBlockedElsewhere |= blockedElsewhere[i];
        }
        List<Allocation> stored = snapshot.storedSiblings(master);
        int imaginary = Math.max(0, master.quota() - stored.size());
        counts.total += (long) slots.size() * master.quota();
        for (int i = 0; i < slots.size(); i++) {
            if (blockedElsewhere[i]) {
                counts.taken += imaginary;
            }
        }
        if (!anyBlockedElsewhere) {
            counts.free += imaginary;
        }
        for (Allocation sibling : stored) {
            boolean free = true;
            for (int i = 0; i < slots.size(); i++) {
                Timespan slot = slots.get(i);
                if (snapshot.isTaken(sibling, slot)) {
                    if (isBlocker(snapshot, sibling, slot)) {
                        counts.blocked++;
                    } else {
                        counts.taken++;
                    }
                    free = false;
                } else if (blockedElsewhere[i]) {
                    counts.taken++;
                    free = false;
                }
            }
            if (free) {
                counts.free++;
            }
        }
    }

    private static boolean isBlocker(TimeSnapshot snapshot, Allocation sibling, Timespan slot) {
        for (ReservedSlot reserved : snapshot.slots().getOrDefault(sibling.requireId(), List.of())) {
            if (!reserved.start().isAfter(slot.end()) && !reserved.end().isBefore(slot.start())) {
                return reserved.source() == SlotSource.BLOCKER;
            }
        }
        return false;
    }

    /** The share {@code availability()} gives: blocked slots count as neither free nor reserved. */
    private static double percentFree(long total, long blocked, long taken) {
        if (total == blocked) {
            return 0.0;
        }
        long open = total - blocked;
        if (open <= taken) {
            return 0.0;
        }
        return 100.0 - 100.0 * ((double) taken / open);
    }

    private static ZonedDateTime zoned(Scope scope, LocalDateTime wall) {
        return TimeZones.localize(wall, scope.zone());
    }

    /** The reserved and blocked five-minute slices of a scheduler and its blocking resources. */
    private static ReservedSlices slices(Scope scope, TimeSnapshot snapshot) {
        Set<UUID> resources = new HashSet<>(scope.blockingResources());
        resources.add(scope.resource());
        Map<Instant, Integer> reserved = new HashMap<>();
        Set<Instant> blocked = new HashSet<>();
        for (List<ReservedSlot> own : snapshot.slots().values()) {
            for (ReservedSlot slot : own) {
                if (!resources.contains(slot.resource())) {
                    continue;
                }
                for (Timespan slice : Rasterizer.iterateSpan(new Timespan(slot.start(), slot.end()), Raster.MIN)) {
                    if (slot.source() == SlotSource.BLOCKER) {
                        blocked.add(slice.start());
                    } else {
                        reserved.merge(slice.start(), 1, Integer::sum);
                    }
                }
            }
        }
        return new ReservedSlices(reserved, blocked);
    }
}
