package io.libres.db.internal;

import io.libres.db.AllocationAvailability;
import io.libres.db.ReservedSlices;
import io.libres.db.models.Allocation;
import io.libres.db.models.Partition;
import io.libres.db.models.ReservedSlot;
import io.libres.errors.LibresException;
import io.libres.time.Raster;
import io.libres.time.Rasterizer;
import io.libres.time.Timespan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Availability over several allocations, and with the slots of blocking resources. */
public final class AvailabilityMath {

    private AvailabilityMath() {
    }

    /**
     * The availability of allocations, counting missing mirrors as free.
     *
     * @param allocations masters and mirrors
     * @param slots the reserved slots by allocation id
     * @return 0 to 100, 0 if there are no masters
     */
    public static double availabilityByAllocations(Collection<Allocation> allocations,
            Map<Integer, List<ReservedSlot>> slots) {
        double total = 0.0;
        int expected = 0;
        int count = 0;
        for (Allocation allocation : allocations) {
            List<ReservedSlot> own = allocation.isTransient() ? List.of()
                    : slots.getOrDefault(allocation.requireId(), List.of());
            total += allocation.availability(own);
            count++;
            if (allocation.isMaster()) {
                expected += allocation.quota();
            }
        }
        if (expected == 0) {
            return 0.0;
        }
        total += (expected - count) * 100.0;
        return total / expected;
    }

    /**
     * The availability and partitions of masters given the reserved slices of a resource and its
     * blocking resources.
     *
     * @param masters the master allocations
     * @param slices the reserved and blocked slices
     * @param normalizeDst show days with a daylight-saving change as 24-hour days
     * @return one entry per master, in order
     * @throws LibresException for a partly available allocation with a quota above one, which
     *     libres 1.2 does not support with blocking resources either
     */
    public static List<AllocationAvailability> withBlockingResources(List<Allocation> masters,
            ReservedSlices slices, boolean normalizeDst) {
        List<AllocationAvailability> result = new ArrayList<>();
        for (Allocation allocation : masters) {
            if (!allocation.partlyAvailable()) {
                int used = 0;
                for (Timespan slice : Rasterizer.iterateSpan(allocation.timespan(), Raster.MIN)) {
                    int here = slices.blocked().contains(slice.start()) ? allocation.quota()
                            : slices.reserved().getOrDefault(slice.start(), 0);
                    used = Math.max(used, here);
                }
                int left = Math.max(0, allocation.quota() - used);
                result.add(new AllocationAvailability(allocation, 100.0 * left / allocation.quota(),
                        List.of(new Partition(100.0, left == 0))));
                continue;
            }
            if (allocation.quota() > 1) {
                throw new LibresException("the availability with blocking resources of a partly available"
                        + " allocation with a quota above one is not supported; expected a quota of one");
            }
            List<Optional<Timespan>> slots = new ArrayList<>();
            if (normalizeDst) {
                slots.addAll(allocation.normalizedSlots());
            } else {
                allocation.allSlots().forEach(s -> slots.add(Optional.of(s)));
            }
            List<boolean[]> flags = new ArrayList<>();
            for (Optional<Timespan> slot : slots) {
                flags.add(flagsOf(slot, slices));
            }
            result.add(partitioned(allocation, flags));
        }
        return result;
    }

    private static boolean[] flagsOf(Optional<Timespan> slot, ReservedSlices slices) {
        if (slot.isEmpty()) {
            return new boolean[] {true, false};
        }
        boolean reserved = false;
        for (Timespan slice : Rasterizer.iterateSpan(slot.get(), Raster.MIN)) {
            Instant at = slice.start();
            if (slices.blocked().contains(at)) {
                return new boolean[] {true, true};
            }
            if (slices.reserved().containsKey(at)) {
                reserved = true;
            }
        }
        return new boolean[] {reserved, false};
    }

    private static AllocationAvailability partitioned(Allocation allocation, List<boolean[]> flags) {
        double step = 100.0 / flags.size();
        List<Partition> partitions = new ArrayList<>();
        double total = 0.0;
        int blockedCount = 0;
        int reservedCount = 0;
        int i = 0;
        while (i < flags.size()) {
            boolean flag = flags.get(i)[0];
            int end = i;
            int blockedHere = 0;
            while (end < flags.size() && flags.get(end)[0] == flag) {
                if (flags.get(end)[1]) {
                    blockedHere++;
                }
                end++;
            }
            double percentage = (end - i) * step;
            partitions.add(new Partition(percentage, flag));
            total += percentage;
            if (flag) {
                reservedCount += (end - i) - blockedHere;
                blockedCount += blockedHere;
            }
            i = end;
        }
        if (!partitions.isEmpty()) {
            Partition last = partitions.get(partitions.size() - 1);
            partitions.set(partitions.size() - 1, new Partition(last.percentage() - (100.0 - total), last.reserved()));
        }
        int totalCount = flags.size();
        double availability;
        if (totalCount == blockedCount) {
            availability = 0.0;
        } else if (reservedCount == 0) {
            availability = 100.0;
        } else {
            int open = totalCount - blockedCount;
            availability = open <= reservedCount ? 0.0 : 100.0 - 100.0 * ((double) reservedCount / open);
        }
        return new AllocationAvailability(allocation, availability, partitions);
    }
}
