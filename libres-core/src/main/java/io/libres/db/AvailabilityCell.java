package io.libres.db;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One cell of an {@link AvailabilityMatrix}: a scheduler on a day, or on a bucket of a day.
 *
 * <p>A day cell counts the exposed allocations starting on that day in the scheduler's zone; its
 * {@code freeShare} is the number {@link Queries#availabilityByDay(io.libres.time.Timespan,
 * java.util.Collection, java.time.ZoneId)} gives for the day (and, with blocking names, the
 * number {@link Scheduler#availability(io.libres.time.DateRange)} gives for those allocations).
 * A bucket cell counts the raster slots of the allocations that start within the bucket, over
 * master and mirrors: blocked slots count neither as free nor as reserved, as in
 * {@code availability()}.
 *
 * @param scheduler the scheduler's name
 * @param day the day, in the scheduler's zone
 * @param start the start of the day or bucket, in the scheduler's zone
 * @param end the exclusive end of the day or bucket, in the scheduler's zone
 * @param freeShare 0 to 100 percent free; 0 without allocations
 * @param freeSpots the spots (masters and mirrors) free for the whole of their allocation (for a
 *     bucket: for the whole part of it in the bucket), summed over the cell's allocations
 * @param totalSpots the quotas of the cell's allocations, summed
 * @param allocations the number of master allocations in the cell
 */
public record AvailabilityCell(String scheduler, LocalDate day, ZonedDateTime start, ZonedDateTime end,
        double freeShare, int freeSpots, int totalSpots, int allocations) {
}
