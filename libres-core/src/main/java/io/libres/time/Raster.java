package io.libres.time;

import io.libres.errors.InvalidRaster;

import java.time.Duration;

/**
 * The granularity, in minutes, with which an allocation can be reserved. Every raster divides
 * an hour without remainder, so slots of one raster never straddle an hour.
 */
public enum Raster {
    /** Five minutes, the smallest raster and the default. */
    FIVE(5),
    /** Ten minutes. */
    TEN(10),
    /** Fifteen minutes. */
    FIFTEEN(15),
    /** Thirty minutes. */
    THIRTY(30),
    /** Sixty minutes, the largest raster. */
    SIXTY(60);

    /** The smallest raster; reserved slots are counted in slices of it. */
    public static final Raster MIN = FIVE;

    /** The largest raster. */
    public static final Raster MAX = SIXTY;

    private final int minutes;

    Raster(int minutes) {
        this.minutes = minutes;
    }

    /**
     * Returns the raster of the given number of minutes.
     *
     * @param minutes 5, 10, 15, 30 or 60
     * @return the raster
     * @throws InvalidRaster if {@code minutes} is not one of the valid rasters
     */
    public static Raster ofMinutes(int minutes) {
        for (Raster raster : values()) {
            if (raster.minutes == minutes) {
                return raster;
            }
        }
        throw new InvalidRaster(minutes);
    }

    /**
     * Tells whether a number of minutes is a valid raster.
     *
     * @param minutes the minutes to check
     * @return true for 5, 10, 15, 30 and 60
     */
    public static boolean isValid(int minutes) {
        for (Raster raster : values()) {
            if (raster.minutes == minutes) {
                return true;
            }
        }
        return false;
    }

    /**
     * The raster's length in minutes, as stored in the {@code _raster} column.
     *
     * @return the minutes
     */
    public int minutes() {
        return minutes;
    }

    /**
     * The raster's length as a duration.
     *
     * @return the duration
     */
    public Duration duration() {
        return Duration.ofMinutes(minutes);
    }
}
