package io.libres.examples.quickstart;

import static io.libres.examples.quickstart.StoryFailed.expect;

import io.libres.context.Context;
import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Allocation;
import io.libres.errors.AlreadyReservedError;
import io.libres.time.DateRange;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/** A meeting room, bookable in quarter hours from 08:00 to 18:00; one booking collides. */
final class MeetingRoom {

    private final Scheduler room;
    private final Console console;
    private final LocalDate day;

    MeetingRoom(Context context, ZoneId zone, LocalDate day, Console console) {
        this.room = io.libres.Libres.newScheduler(context, "meeting-room-blue", zone);
        this.console = console;
        this.day = day;
    }

    void play() {
        console.chapter("A meeting room, bookable in quarter hours");
        Allocation allocation = room.allocate(span("08:00", "18:00"),
                AllocateOptions.builder().partlyAvailable(true).raster(15).build()).get(0);
        room.commit();
        console.say("Allocated %s, %s to %s, on a 15-minute raster.", Console.day(allocation.displayStart()),
                Console.time(allocation.displayStart()), Console.time(allocation.displayEnd()));

        book("alice@example.org", "09:00", "10:00");
        book("bob@example.org", "10:30", "11:15");
        book("carol@example.org", "14:00", "16:30");

        try {
            book("dave@example.org", "09:30", "10:30");
            throw new StoryFailed("Expected dave's booking 09:30-10:30 to be refused: alice has 09:00-10:00");
        } catch (AlreadyReservedError refused) {
            room.rollback();
            console.say("dave@example.org  09:30-10:30  refused: %s", refused.getClass().getSimpleName());
        }

        Allocation current = room.allocationById(allocation.requireId());
        double availability = current.availability(room.lookup());
        console.say("%s  %.1f%% free", AvailabilityBar.draw(current.availabilityPartitions(room.lookup()), 40),
                availability);
        console.say(" 08:00%s18:00", " ".repeat(30));
        expect(Math.abs(availability - 57.5) < 0.01, "the room to be 57.5% free (4h15 of 10h booked), not "
                + availability + "%");
        expect(room.managedReservedSlots().count() == 17, "17 reserved quarter hours, not "
                + room.managedReservedSlots().count());
    }

    private void book(String email, String from, String to) {
        UUID token = room.reserve(email, span(from, to));
        room.approveReservations(token);
        room.commit();
        console.say("%-17s %s-%s  booked", email, from, to);
    }

    private DateRange span(String from, String to) {
        return DateRange.of(day.atTime(LocalTime.parse(from)), day.atTime(LocalTime.parse(to)));
    }
}
