package io.libres.time;

import io.libres.errors.InvalidArgument;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Weekdays as libres names them, {@code "mo"} to {@code "su"}, and as {@link DayOfWeek}s: every
 * weekday parameter of this library takes a {@code Set<DayOfWeek>}, and, for code ported from
 * libres, the abbreviations too (read here, so every method reads them alike).
 */
public final class Weekdays {

    private static final Map<String, DayOfWeek> ABBREVIATIONS = Map.of("mo", DayOfWeek.MONDAY,
            "tu", DayOfWeek.TUESDAY, "we", DayOfWeek.WEDNESDAY, "th", DayOfWeek.THURSDAY, "fr", DayOfWeek.FRIDAY,
            "sa", DayOfWeek.SATURDAY, "su", DayOfWeek.SUNDAY);

    private static final List<String> ORDER = List.of("mo", "tu", "we", "th", "fr", "sa", "su");

    private Weekdays() {
    }

    /**
     * Reads libres' weekday abbreviations.
     *
     * @param abbreviations any of mo, tu, we, th, fr, sa, su (case and surrounding blanks do not
     *     matter); none for none
     * @return the days, in week order
     * @throws InvalidArgument if the abbreviations are missing, or one is missing or not one of the seven
     */
    public static Set<DayOfWeek> parse(Collection<String> abbreviations) {
        if (abbreviations == null) {
            throw new InvalidArgument("the weekdays are missing; expected abbreviations among mo, tu, we, th, fr,"
                    + " sa, su");
        }
        EnumSet<DayOfWeek> parsed = EnumSet.noneOf(DayOfWeek.class);
        for (String abbreviation : abbreviations) {
            DayOfWeek day = abbreviation == null ? null
                    : ABBREVIATIONS.get(abbreviation.strip().toLowerCase(Locale.ROOT));
            if (day == null) {
                throw new InvalidArgument("the weekday '" + abbreviation + "' is unknown; expected one of mo, tu,"
                        + " we, th, fr, sa, su");
            }
            parsed.add(day);
        }
        return parsed;
    }

    /**
     * Reads libres' weekday abbreviations.
     *
     * @param abbreviations any of mo, tu, we, th, fr, sa, su
     * @return the days, in week order
     * @throws InvalidArgument if the abbreviations are missing, or one is missing or unknown
     */
    public static Set<DayOfWeek> parse(String... abbreviations) {
        if (abbreviations == null) {
            throw new InvalidArgument("the weekdays are missing; expected abbreviations among mo, tu, we, th, fr,"
                    + " sa, su");
        }
        return parse(java.util.Arrays.asList(abbreviations));
    }

    /**
     * Checks a set of days of the week and copies it.
     *
     * @param days the days
     * @return an unmodifiable copy, in week order
     * @throws InvalidArgument if the set is missing or holds a missing day
     */
    public static Set<DayOfWeek> copyOf(Collection<DayOfWeek> days) {
        if (days == null || days.stream().anyMatch(Objects::isNull)) {
            throw new InvalidArgument("the weekdays " + days + " are missing or hold a missing day; expected days"
                    + " of the week, none for every day");
        }
        return days.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /**
     * libres' abbreviation of a day.
     *
     * @param day the day
     * @return mo, tu, we, th, fr, sa or su
     * @throws InvalidArgument if the day is missing
     */
    public static String abbreviation(DayOfWeek day) {
        if (day == null) {
            throw new InvalidArgument("the weekday is missing; expected a day of the week");
        }
        return ORDER.get(day.getValue() - 1);
    }
}
