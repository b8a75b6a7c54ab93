package io.libres.recurrence;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** A holiday calendar of a fixed list of days; immutable. */
public final class HolidayList implements HolidayCalendar {

    private final Set<LocalDate> days;

    /**
     * Creates the calendar.
     *
     * @param days the holidays
     * @throws InvalidRecurrenceRule if the days are missing or hold a missing day
     */
    public HolidayList(Collection<LocalDate> days) {
        if (days == null || days.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidRecurrenceRule("the holidays are missing or hold a missing day (" + days
                    + "); expected a list of days");
        }
        this.days = Set.copyOf(new TreeSet<>(days));
    }

    @Override
    public boolean isHoliday(LocalDate day) {
        return days.contains(day);
    }

    /**
     * The holidays.
     *
     * @return the days, unordered
     */
    public Set<LocalDate> days() {
        return days;
    }

    @Override
    public String toString() {
        return "HolidayList" + new TreeSet<>(days);
    }
}
