package io.libres.examples.quickstart;

import static io.libres.examples.quickstart.StoryFailed.expect;

import io.libres.Libres;
import io.libres.context.Context;
import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Allocation;
import io.libres.time.DateRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A course given every Tuesday evening for six weeks, reservable only as a whole. */
final class Course {

    static final int WEEKS = 6;

    private final Scheduler course;
    private final LocalDate from;
    private final Console console;

    Course(Context context, ZoneId zone, LocalDate from, Console console) {
        this.course = Libres.newScheduler(context, "pottery-course", zone);
        this.from = from;
        this.console = console;
    }

    void play() {
        console.chapter("A course every Tuesday for six weeks, booked as one");
        LocalDate tuesday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        List<DateRange> evenings = new ArrayList<>();
        for (int week = 0; week < WEEKS; week++) {
            LocalDate day = tuesday.plusWeeks(week);
            evenings.add(DateRange.of(day.atTime(LocalTime.of(18, 30)), day.atTime(LocalTime.of(20, 30))));
        }
        List<Allocation> allocations = course.allocate(evenings,
                AllocateOptions.builder().grouped(true).quota(12).build());
        course.commit();
        UUID group = allocations.get(0).group();
        console.say("Allocated %d Tuesday evenings as one group, 12 places each.", allocations.size());

        UUID token = course.reserveGroup("erin@example.org", group);
        course.approveReservations(token);
        course.commit();

        List<Allocation> booked = course.allocationsByReservation(token).list();
        course.commit();
        for (Allocation allocation : booked) {
            console.say("erin@example.org has a place on %s, %s-%s", Console.day(allocation.displayStart()),
                    Console.time(allocation.displayStart()), Console.time(allocation.displayEnd()));
        }
        expect(booked.size() == WEEKS, "one reservation of the group to book all " + WEEKS + " evenings, not "
                + booked.size());
        expect(booked.stream().allMatch(a -> a.displayStart().getDayOfWeek() == DayOfWeek.TUESDAY),
                "every booked evening to be a Tuesday");
    }
}
