package io.libres.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Snaps instants to a {@link Raster}, so that overlapping requests land on the same slot start
 * and the unique key on (resource, start) of reserved slots prevents double booking.
 *
 * <p>Rastering works on the UTC minute, as libres 1.2 does; every raster divides an hour, so this
 * equals rastering the local time in every zone whose offset is a whole number of hours.
 */
public final class Rasterizer {

    private Rasterizer() {
    }

    /**
     * Snaps an instant down to the start of its raster slot.
     *
     * @param instant the instant
     * @param raster the raster
     * @return the slot start: minutes floored to the raster, seconds and fractions cleared
     */
    public static Instant rasterizeStart(Instant instant, Raster raster) {
        Instant minute = instant.truncatedTo(ChronoUnit.MINUTES);
        long minuteOfHour = Math.floorMod(minute.getEpochSecond() / 60, 60);
        return minute.minus(minuteOfHour % raster.minutes(), ChronoUnit.MINUTES);
    }

    /**
     * Snaps an instant to the end of its raster slot: the start of the next slot minus one
     * microsecond. An instant on a raster minute becomes that instant minus one microsecond.
     *
     * @param instant the instant
     * @param raster the raster
     * @return the stored form of the slot end
     */
    public static Instant rasterizeEnd(Instant instant, Raster raster) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        long minuteOfHour = Math.floorMod(Math.floorDiv(micros.getEpochSecond(), 60), 60);
        if (minuteOfHour % raster.minutes() != 0) {
            return rasterizeStart(micros, raster).plus(raster.duration()).minus(Timespan.MICROSECOND);
        }
        return micros.minus(Timespan.MICROSECOND);
    }

    /**
     * Rasterizes both ends of a span.
     *
     * @param span the span, its end exclusive or already stored
     * @param raster the raster
     * @return the span from the rastered start to the rastered end
     */
    public static Timespan rasterizeSpan(Timespan span, Raster raster) {
        return new Timespan(rasterizeStart(span.start(), raster), rasterizeEnd(span.end(), raster));
    }

    /**
     * Lists every raster slot within a span, after rasterizing it.
     *
     * @param span the span
     * @param raster the raster
     * @return the slots in order, each from its start to its stored end; empty if the rastered
     *     span runs backwards
     */
    public static List<Timespan> iterateSpan(Timespan span, Raster raster) {
        Timespan rastered = rasterizeSpan(span, raster);
        List<Timespan> slots = new ArrayList<>();
        Instant step = rastered.start();
        while (!step.isAfter(rastered.end())) {
            Instant next = step.plus(raster.duration());
            slots.add(new Timespan(step, next.minus(Timespan.MICROSECOND)));
            step = next;
        }
        return slots;
    }
}
