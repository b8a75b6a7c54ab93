package io.libres.errors;

/**
 * Thrown when a raster is not one of 5, 10, 15, 30 or 60 minutes.
 */
public class InvalidRaster extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#INVALID_RASTER}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_RASTER;
    }

    /** The rejected raster, in minutes, as the caller gave it. */
    private final int minutes;

    /**
     * Creates the exception for the rejected number of minutes.
     *
     * @param minutes the invalid raster
     */
    public InvalidRaster(int minutes) {
        super("a raster of " + minutes + " minutes is invalid; expected 5, 10, 15, 30 or 60");
        this.minutes = minutes;
    }

    /**
     * The rejected raster.
     *
     * @return the minutes that were given
     */
    public int minutes() {
        return minutes;
    }
}
