package io.libres.db.internal;

import io.libres.db.models.Allocation;
import io.libres.time.Timespan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Allocations sorted by start, answering "which of them overlap this span" (the storage's
 * inclusive test) in time proportional to the answer rather than to the number of allocations.
 *
 * <p>A query finds by binary search the last allocation starting at or before the span's end,
 * then walks back while some allocation at or before the current one can still reach the span's
 * start (a running maximum of the ends says when none can). Allocations of one resource never
 * overlap and mirrors share their master's span, so the walk visits the answer and one more.
 *
 * <p>{@link #visited()} counts the allocations every query looked at, so a test can prove the work
 * per answer stays bounded: counting, not timing.
 */
final class OverlapIndex {

    private final Allocation[] sorted;
    private final Instant[] starts;
    private final Instant[] maxEndUpTo;
    private long visited;

    OverlapIndex(List<Allocation> allocations) {
        List<Allocation> copy = new ArrayList<>(allocations);
        // A stable sort keeps the storage order of allocations sharing a start (master, then mirrors).
        copy.sort(Comparator.comparing(Allocation::start));
        this.sorted = copy.toArray(new Allocation[0]);
        this.starts = new Instant[sorted.length];
        this.maxEndUpTo = new Instant[sorted.length];
        Instant max = Instant.MIN;
        for (int i = 0; i < sorted.length; i++) {
            starts[i] = sorted[i].start();
            Instant end = sorted[i].end();
            max = end.isAfter(max) ? end : max;
            maxEndUpTo[i] = max;
        }
    }

    /**
     * The allocations the storage's overlap criterion finds for a span: starting at or before the
     * span's end and ending at or after its start.
     *
     * @param span the span
     * @return the allocations, ordered by start (storage order among equal starts)
     */
    List<Allocation> overlapping(Timespan span) {
        int i = upperBound(span.end()) - 1;
        List<Allocation> found = new ArrayList<>();
        while (i >= 0 && !maxEndUpTo[i].isBefore(span.start())) {
            visited++;
            if (!sorted[i].end().isBefore(span.start())) {
                found.add(sorted[i]);
            }
            i--;
        }
        Collections.reverse(found);
        return found;
    }

    /** The number of allocations with a start at or before the instant. */
    private int upperBound(Instant instant) {
        int low = 0;
        int high = starts.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (starts[mid].isAfter(instant)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** @return the allocations looked at by every query so far */
    long visited() {
        return visited;
    }

    /** @return the number of allocations indexed */
    int size() {
        return sorted.length;
    }
}
