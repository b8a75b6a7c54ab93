package io.libres.examples.quickstart;

import io.libres.Libres;
import io.libres.context.Context;
import io.libres.db.DayAvailability;
import io.libres.db.Queries;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The availability of every day of the week, across every resource of the story. */
final class Week {

    private final Context context;
    private final ZoneId zone;
    private final LocalDate monday;
    private final Console console;

    Week(Context context, ZoneId zone, LocalDate monday, Console console) {
        this.context = context;
        this.zone = zone;
        this.monday = monday;
        this.console = console;
    }

    Map<LocalDate, DayAvailability> play() {
        console.chapter("The week at a glance");
        List<UUID> resources = List.of(
                Libres.newScheduler(context, "meeting-room-blue", zone).resource(),
                Libres.newScheduler(context, "concert-hall", zone).resource(),
                Libres.newScheduler(context, "pottery-course", zone).resource(),
                Libres.newScheduler(context, "table-for-two", zone).resource());
        Timespan week = DateRange.of(monday.atStartOfDay(), monday.plusDays(7).atStartOfDay()).resolve(zone);
        Queries queries = new Queries(context);
        Map<LocalDate, DayAvailability> days = queries.availabilityByDay(week, resources, zone);
        for (LocalDate day = monday; day.isBefore(monday.plusDays(7)); day = day.plusDays(1)) {
            DayAvailability availability = days.get(day);
            console.say("%-10s %s", day.getDayOfWeek().toString().charAt(0)
                    + day.getDayOfWeek().toString().substring(1, 3).toLowerCase() + " " + day.getDayOfMonth(),
                    availability == null ? "nothing to book"
                            : String.format("%5.1f%% free  %s", availability.availability(),
                                    "#".repeat((int) Math.round((100 - availability.availability()) / 5))
                                            + ".".repeat((int) Math.round(availability.availability() / 5))));
        }
        Libres.newScheduler(context, "meeting-room-blue", zone).rollback();
        return days;
    }
}
