package io.libres.db.internal;

import io.libres.errors.InvalidArgument;
import io.libres.errors.InvalidDateRange;
import io.libres.errors.InvalidReservationToken;
import io.libres.time.DateRange;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Checks of the scheduler's arguments that run before anything is read or written, so a missing
 * value is a typed error naming the argument rather than a NullPointerException deep inside.
 */
public final class Arguments {

    private Arguments() {
    }

    /**
     * Requires a value.
     *
     * @param <T> the value's type
     * @param value the value
     * @param name what the value is, for the message
     * @return the value
     * @throws InvalidArgument if the value is null
     */
    public static <T> T require(T value, String name) {
        if (value == null) {
            throw new InvalidArgument("the " + name + " is missing; expected a value");
        }
        return value;
    }

    /**
     * Requires a collection without null elements.
     *
     * @param <T> the collection's type
     * @param values the collection
     * @param name what the elements are, for the message
     * @return the collection
     * @throws InvalidArgument if the collection or one of its elements is null
     */
    public static <T extends Collection<?>> T requireAll(T values, String name) {
        if (values == null) {
            throw new InvalidArgument("the " + name + " are missing; expected a collection, empty if there are none");
        }
        int index = 0;
        for (Object value : values) {
            if (value == null) {
                throw new InvalidArgument("the " + name + " hold a missing value at position " + index
                        + "; expected no missing values");
            }
            index++;
        }
        return values;
    }

    /**
     * Requires a date range.
     *
     * @param range the range
     * @return the range
     * @throws InvalidDateRange if the range is null
     */
    public static DateRange range(DateRange range) {
        if (range == null) {
            throw new InvalidDateRange("the date range is missing; expected a start and an end");
        }
        return range;
    }

    /**
     * Requires a list of date ranges without null elements.
     *
     * @param ranges the ranges
     * @return the ranges
     * @throws InvalidDateRange if the list or one of its ranges is null
     */
    public static List<DateRange> ranges(List<DateRange> ranges) {
        if (ranges == null) {
            throw new InvalidDateRange("the dates are missing; expected a list of date ranges");
        }
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i) == null) {
                throw new InvalidDateRange("the date range at position " + i + " is missing; expected a start and"
                        + " an end");
            }
        }
        return ranges;
    }

    /**
     * Requires a token.
     *
     * @param token the token
     * @return the token
     * @throws InvalidReservationToken if the token is null
     */
    public static UUID token(UUID token) {
        if (token == null) {
            throw new InvalidReservationToken("the token is missing; expected the token returned when reserving or"
                    + " blocking");
        }
        return token;
    }
}
