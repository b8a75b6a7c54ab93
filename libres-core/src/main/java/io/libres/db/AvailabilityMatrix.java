package io.libres.db;

import org.jspecify.annotations.Nullable;

import io.libres.errors.InvalidArgument;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Schedulers by days (and optionally by buckets of a day) with their free share and free spots:
 * the data of a calendar's week or month view, read by {@link Schedulers#availabilityMatrix}.
 */
public final class AvailabilityMatrix {

    private final List<String> schedulers;
    private final List<LocalDate> days;
    private final Duration bucket;
    private final Map<String, Map<LocalDate, AvailabilityCell>> dayCells;
    private final Map<String, Map<LocalDate, List<AvailabilityCell>>> bucketCells;

    /**
     * Creates a matrix.
     *
     * @param schedulers the scheduler names, in order
     * @param days the days, in order
     * @param bucket the length of a bucket, or null for day cells only
     * @param dayCells a cell for every scheduler and day
     * @param bucketCells the bucket cells of every scheduler and day, in order; empty without buckets
     */
    public AvailabilityMatrix(List<String> schedulers, List<LocalDate> days, @Nullable Duration bucket,
            Map<String, Map<LocalDate, AvailabilityCell>> dayCells,
            Map<String, Map<LocalDate, List<AvailabilityCell>>> bucketCells) {
        this.schedulers = List.copyOf(schedulers);
        this.days = List.copyOf(days);
        this.bucket = bucket;
        this.dayCells = copy(dayCells);
        this.bucketCells = copy(bucketCells);
    }

    private static <V> Map<String, Map<LocalDate, V>> copy(Map<String, Map<LocalDate, V>> cells) {
        Map<String, Map<LocalDate, V>> copied = new LinkedHashMap<>();
        cells.forEach((name, byDay) -> copied.put(name, Map.copyOf(byDay)));
        return Map.copyOf(copied);
    }

    /** @return the scheduler names, the rows, in the order of the {@link Schedulers} */
    public List<String> schedulers() {
        return schedulers;
    }

    /** @return the days, the columns, in order */
    public List<LocalDate> days() {
        return days;
    }

    /** @return the length of a bucket, empty for a matrix of days only */
    public Optional<Duration> bucket() {
        return Optional.ofNullable(bucket);
    }

    /**
     * The cell of a scheduler on a day.
     *
     * @param scheduler the scheduler's name
     * @param day the day
     * @return the cell
     * @throws InvalidArgument if the scheduler or the day is not part of the matrix
     */
    public AvailabilityCell cell(String scheduler, LocalDate day) {
        return lookup(dayCells, scheduler, day);
    }

    /**
     * The bucket cells of a scheduler on a day, in order (on a day the clocks change, a bucket
     * of wall-clock time may be shorter, longer or empty).
     *
     * @param scheduler the scheduler's name
     * @param day the day
     * @return the cells; empty for a matrix of days only
     * @throws InvalidArgument if the scheduler or the day is not part of the matrix
     */
    public List<AvailabilityCell> buckets(String scheduler, LocalDate day) {
        lookup(dayCells, scheduler, day);
        return bucket == null ? List.of() : bucketCells.get(scheduler).get(day);
    }

    /** @return every day cell, scheduler by scheduler, day by day */
    public List<AvailabilityCell> cells() {
        List<AvailabilityCell> all = new ArrayList<>();
        for (String scheduler : schedulers) {
            for (LocalDate day : days) {
                all.add(dayCells.get(scheduler).get(day));
            }
        }
        return all;
    }

    private <V> V lookup(Map<String, Map<LocalDate, V>> cells, String scheduler, LocalDate day) {
        Map<LocalDate, V> row = cells.get(scheduler);
        if (row == null) {
            throw new InvalidArgument("the scheduler '" + scheduler + "' is not part of the matrix; expected one of "
                    + schedulers);
        }
        V cell = day == null ? null : row.get(day);
        if (cell == null) {
            throw new InvalidArgument("the day " + day + " is not part of the matrix; expected a day from "
                    + days.get(0) + " to " + days.get(days.size() - 1));
        }
        return cell;
    }
}
