package io.libres.examples.quickstart;

import static io.libres.examples.quickstart.StoryFailed.expect;

import io.libres.Libres;
import io.libres.context.Context;
import io.libres.db.AllocateOptions;
import io.libres.db.AvailabilityCell;
import io.libres.db.AvailabilityMatrix;
import io.libres.db.FreeSlot;
import io.libres.db.FreeSlotQuery;
import io.libres.db.Scheduler;
import io.libres.db.Schedulers;
import io.libres.time.DateRange;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Three meeting rooms: the first free half hour this afternoon on any of them, and their week. */
final class FreeRooms {

    private final Context context;
    private final ZoneId zone;
    private final LocalDate monday;
    private final Console console;

    FreeRooms(Context context, ZoneId zone, LocalDate monday, Console console) {
        this.context = context;
        this.zone = zone;
        this.monday = monday;
        this.console = console;
    }

    FreeSlot play() {
        console.chapter("A free meeting room for 30 minutes this afternoon");
        Scheduler blue = Libres.newScheduler(context, "meeting-room-blue", zone);
        Scheduler green = Libres.newScheduler(context, "meeting-room-green", zone);
        Scheduler red = Libres.newScheduler(context, "meeting-room-red", zone);
        AllocateOptions quarterHours = AllocateOptions.builder().partlyAvailable(true).raster(15).build();
        List<DateRange> blueDays = new ArrayList<>();
        List<DateRange> everyDay = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            LocalDate date = monday.plusDays(day);
            everyDay.add(span(date, "08:00", "18:00"));
            if (day > 0) {
                blueDays.add(span(date, "08:00", "18:00"));
            }
        }
        blue.allocate(blueDays, quarterHours);
        green.allocate(everyDay, quarterHours);
        red.allocate(everyDay, quarterHours);
        book(blue, "frank@example.org", monday, "13:00", "14:00");
        book(green, "heidi@example.org", monday, "13:00", "14:30");
        book(red, "ivan@example.org", monday, "13:00", "13:45");
        book(green, "judy@example.org", monday.plusDays(1), "08:00", "18:00");
        book(red, "mallory@example.org", monday.plusDays(2), "09:00", "12:00");

        // the rooms are asked at once: one question, a fixed number of statements however many rooms
        Schedulers rooms = Schedulers.of(blue, green, red);
        FreeSlotQuery afternoon = FreeSlotQuery.of(Duration.ofMinutes(30), monday, monday)
                .between(LocalTime.of(13, 0), LocalTime.of(18, 0)).build();
        FreeSlot slot = rooms.firstFreeSlot(afternoon).orElseThrow(() -> new StoryFailed("no free room"));
        console.say("first free half hour this afternoon: %s %s-%s", slot.scheduler(), Console.time(slot.start()),
                Console.time(slot.end()));
        expect(slot.scheduler().equals(red.name()) && slot.start().toLocalTime().equals(LocalTime.of(13, 45)),
                "red to be free first, at 13:45, not " + slot.scheduler() + " at " + slot.start());
        book(rooms.get(slot.scheduler()), "grace@example.org", monday, Console.time(slot.start()),
                Console.time(slot.end()));
        FreeSlot next = rooms.firstFreeSlot(afternoon).orElseThrow(() -> new StoryFailed("no free room left"));
        console.say("and after grace's booking: %s %s-%s", next.scheduler(), Console.time(next.start()),
                Console.time(next.end()));

        console.chapter("The three rooms' week");
        AvailabilityMatrix week = rooms.availabilityMatrix(monday, monday.plusDays(6));
        StringBuilder header = new StringBuilder(String.format("%-19s", ""));
        for (LocalDate day : week.days()) {
            header.append(String.format(" %6s", day.getDayOfWeek().toString().charAt(0)
                    + day.getDayOfWeek().toString().substring(1, 3).toLowerCase() + " " + day.getDayOfMonth()));
        }
        console.say("%s", header);
        for (String name : week.schedulers()) {
            StringBuilder row = new StringBuilder(String.format("%-19s", name));
            for (LocalDate day : week.days()) {
                AvailabilityCell cell = week.cell(name, day);
                row.append(cell.allocations() == 0 ? "      -" : String.format(" %5.0f%%", cell.freeShare()));
            }
            console.say("%s", row);
        }
        expect(week.cell(green.name(), monday.plusDays(1)).freeShare() == 0.0, "green to be booked on Tuesday");
        blue.rollback();
        return slot;
    }

    private static void book(Scheduler room, String email, LocalDate day, String from, String to) {
        room.approveReservations(room.reserve(email, span(day, from, to)));
        room.commit();
    }

    private static DateRange span(LocalDate day, String from, String to) {
        return DateRange.of(day.atTime(LocalTime.parse(from)), day.atTime(LocalTime.parse(to)));
    }
}
