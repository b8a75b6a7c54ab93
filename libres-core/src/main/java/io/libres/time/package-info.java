/**
 * Time in libres for Java: the raster that snaps start and end times, the
 * {@link io.libres.time.Timespan} value, requested {@link io.libres.time.DateRange}s and the
 * zone rules (whole days, reservation lengths) of a scheduler.
 *
 * <p>Everything is stored as UTC {@link java.time.Instant}s with microsecond precision, the
 * precision of PostgreSQL timestamps. A {@link java.time.LocalDateTime} is read in the
 * scheduler's zone; zoned, offset and instant values are taken as they are.
 */
@NullMarked
package io.libres.time;

import org.jspecify.annotations.NullMarked;
