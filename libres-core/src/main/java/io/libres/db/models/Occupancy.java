package io.libres.db.models;

import io.libres.time.Timespan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The availability arithmetic of an allocation, kept apart from its columns. */
final class Occupancy {

    private Occupancy() {
    }

    /** Percent free of {@code total} slots when {@code blocked} are blocked and {@code taken} reserved. */
    static double percentFree(long total, long blocked, long taken) {
        if (total == blocked) {
            return 0.0;
        }
        long open = total - blocked;
        if (open == taken) {
            return 0.0;
        }
        if (taken == 0) {
            return 100.0;
        }
        return 100.0 - 100.0 * ((double) taken / open);
    }

    private static boolean crossesDst(Allocation a) {
        return !a.displayStart().getOffset().equals(a.displayEnd().getOffset());
    }

    /** 02:00 on the allocation's first local day, at the offset in force at its start. */
    private static Instant twoOClock(Allocation a) {
        OffsetDateTime start = a.displayStart().toOffsetDateTime();
        return start.withHour(2).withMinute(0).withSecond(0).withNano(0).toInstant();
    }

    static double normalizedAvailability(Allocation a, Collection<ReservedSlot> reserved) {
        if (!a.partlyAvailable() || !crossesDst(a)) {
            return a.availability(reserved);
        }
        ZonedDateTime start = a.displayStart();
        ZonedDateTime end = a.displayEnd();
        long realSeconds = java.time.Duration.between(start.toInstant(), end.toInstant()).getSeconds();
        long naiveSeconds = java.time.Duration.between(start.toLocalDateTime(), end.toLocalDateTime()).getSeconds();
        long total = naiveSeconds / (a.raster().minutes() * 60L);
        long blocked = 0;
        long taken = 0;
        if (realSeconds > naiveSeconds) {
            Instant ambiguousStart = twoOClock(a);
            Instant ambiguousEnd = ambiguousStart.plusSeconds(3600);
            for (ReservedSlot slot : reserved) {
                boolean inRepeatedHour = !slot.start().isBefore(ambiguousStart) && slot.start().isBefore(ambiguousEnd);
                if (inRepeatedHour) {
                    continue;
                }
                if (slot.source() == SlotSource.BLOCKER) {
                    blocked++;
                } else {
                    taken++;
                }
            }
        } else {
            for (ReservedSlot slot : reserved) {
                if (slot.source() == SlotSource.BLOCKER) {
                    blocked++;
                } else {
                    taken++;
                }
            }
            taken += 60 / a.raster().minutes();
        }
        return percentFree(total, blocked, taken);
    }

    static List<Optional<Timespan>> normalizedSlots(Allocation a) {
        List<Optional<Timespan>> result = new ArrayList<>();
        if (!a.partlyAvailable() || !crossesDst(a)) {
            for (Timespan slot : a.allSlots()) {
                result.add(Optional.of(slot));
            }
            return result;
        }
        ZonedDateTime start = a.displayStart();
        ZonedDateTime end = a.displayEnd();
        long realSeconds = java.time.Duration.between(start.toInstant(), end.toInstant()).getSeconds();
        long naiveSeconds = java.time.Duration.between(start.toLocalDateTime(), end.toLocalDateTime()).getSeconds();
        int slotsPerHour = 60 / a.raster().minutes();
        Instant twoOClock = twoOClock(a);
        if (naiveSeconds < realSeconds) {
            int skipped = 0;
            for (Timespan slot : a.allSlots()) {
                if (skipped < slotsPerHour && !slot.start().isBefore(twoOClock)) {
                    skipped++;
                    continue;
                }
                result.add(Optional.of(slot));
            }
        } else {
            for (Timespan slot : a.allSlots()) {
                if (slot.start().equals(twoOClock)) {
                    for (int i = 0; i < slotsPerHour; i++) {
                        result.add(Optional.empty());
                    }
                }
                result.add(Optional.of(slot));
            }
        }
        return result;
    }

    static List<Partition> partitions(Allocation a, Collection<ReservedSlot> reserved, boolean normalizeDst) {
        List<Optional<Timespan>> slots;
        if (normalizeDst && a.partlyAvailable()) {
            if (reserved.isEmpty() && !crossesDst(a)) {
                return List.of(new Partition(100.0, false));
            }
            slots = normalizedSlots(a);
        } else if (reserved.isEmpty()) {
            return List.of(new Partition(100.0, false));
        } else {
            slots = new ArrayList<>();
            for (Timespan slot : a.allSlots()) {
                slots.add(Optional.of(slot));
            }
        }
        Set<Instant> taken = new HashSet<>();
        for (ReservedSlot slot : reserved) {
            taken.add(slot.start());
        }
        List<Boolean> pieces = new ArrayList<>(slots.size());
        for (Optional<Timespan> slot : slots) {
            pieces.add(slot.isEmpty() || taken.contains(slot.get().start()));
        }
        return group(pieces);
    }

    /** Groups consecutive equal flags into partitions whose percentages sum to exactly 100. */
    static List<Partition> group(List<Boolean> pieces) {
        List<Partition> partitions = new ArrayList<>();
        if (pieces.isEmpty()) {
            return partitions;
        }
        double step = 100.0 / pieces.size();
        double total = 0.0;
        int i = 0;
        while (i < pieces.size()) {
            boolean flag = pieces.get(i);
            int runEnd = i;
            while (runEnd < pieces.size() && pieces.get(runEnd) == flag) {
                runEnd++;
            }
            double percentage = (runEnd - i) * step;
            partitions.add(new Partition(percentage, flag));
            total += percentage;
            i = runEnd;
        }
        double diff = 100.0 - total;
        Partition last = partitions.get(partitions.size() - 1);
        partitions.set(partitions.size() - 1, new Partition(last.percentage() - diff, last.reserved()));
        return partitions;
    }
}
