package io.libres.recurrence;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;

/**
 * Days on which a series has no occurrence (public holidays, closing days), supplied by the
 * user. An occurrence is skipped when the day it starts on, in the scheduler's zone, is a holiday.
 */
@FunctionalInterface
public interface HolidayCalendar {

    /** A calendar without holidays. */
    HolidayCalendar NONE = day -> false;

    /**
     * Tells whether a day is a holiday.
     *
     * @param day a day in the scheduler's zone
     * @return true if a series skips the day
     */
    boolean isHoliday(LocalDate day);

    /**
     * A calendar of the given days.
     *
     * @param days the holidays
     * @return the calendar
     * @throws InvalidRecurrenceRule if the days are missing or hold a missing day
     */
    static HolidayCalendar of(Collection<LocalDate> days) {
        return new HolidayList(days);
    }

    /**
     * A calendar of the given days.
     *
     * @param days the holidays
     * @return the calendar
     * @throws InvalidRecurrenceRule if the days are missing or hold a missing day
     */
    static HolidayCalendar of(LocalDate... days) {
        if (days == null) {
            throw new InvalidRecurrenceRule("the holidays are missing; expected a list of days");
        }
        return new HolidayList(Arrays.asList(days));
    }
}
