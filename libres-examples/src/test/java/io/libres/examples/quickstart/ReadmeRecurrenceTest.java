package io.libres.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.Libres;
import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.OccurrencePolicy;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationStatus;
import io.libres.recurrence.HolidayCalendar;
import io.libres.recurrence.Recurrence;
import io.libres.recurrence.Recurring;
import io.libres.recurrence.Series;
import io.libres.recurrence.SeriesBooking;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The code of the README's recurring-series section, compiled and run on a real PostgreSQL; a
 * second test keeps the README's text and this copy the same, so neither changes alone.
 */
@WithPostgres
@DisplayName("The README's recurring-series code")
class ReadmeRecurrenceTest {

    private static final String BEGIN = "// --- as in the README: Recurring series ---";
    private static final String END = "// --- end ---";

    @Test
    @DisplayName("allocates 51 Thursdays, books them as one series, approves it and changes it from September on")
    void works(TestDatabase database) {
        Context context = Registry.createDefault().registerContext("readme_series");
        context.setSetting("dsn", database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?")
                + "user=" + database.user() + "&password=" + database.password());
        context.setSetting("storage", "jdbi");
        Scheduler room = Libres.newScheduler(context, "chess-club-room", ZoneId.of("Europe/Zurich"));
        room.setupDatabase();

        // --- as in the README: Recurring series ---
        Recurring club = Recurring.on(room);
        Recurrence thursdays = Recurrence.of("FREQ=WEEKLY;BYDAY=TH;COUNT=52",
                LocalDate.of(2027, 1, 7), LocalTime.of(18, 0), Duration.ofHours(2))   // 18:00 all year, DST or not
                .withHolidays(HolidayCalendar.of(LocalDate.of(2027, 5, 13)));
        club.allocate(thursdays, AllocateOptions.DEFAULTS);                       // 51 allocations, one call

        SeriesBooking booking = club.reserve("chess@example.org", thursdays,      // all or nothing: OccurrencesRefused
                ReserveOptions.DEFAULTS, OccurrencePolicy.BOOK_WHAT_IS_FREE);     // names every refused one and why
        club.approve(booking.token());                                            // one token: approve, deny, remove
        Recurrence later = Recurrence.of("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20271230",  // from September on
                LocalDate.of(2027, 9, 2), LocalTime.of(18, 0), Duration.ofHours(2));           // every other week
        club.changeFrom(booking.token(), LocalDate.of(2027, 9, 2), later);         // "this and following", same token
        room.commit();
        // --- end ---

        assertThat(room.managedAllocations().count()).isEqualTo(51);
        assertThat(booking.booked()).hasSize(51);
        assertThat(booking.refused()).isEmpty();
        Series<Reservation> series = Recurring.on(room).reservationSeries(booking.token());
        // 33 Thursdays before September (the holiday skipped), then every other Thursday: 9 more
        assertThat(series.members()).hasSize(42);
        assertThat(series.members()).allMatch(r -> r.status() == ReservationStatus.APPROVED);
        assertThat(series.parts()).extracting(p -> p.rule())
                .containsExactly("FREQ=WEEKLY;BYDAY=TH;COUNT=52", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20271230");
        assertThat(room.managedReservedSlots().count()).isEqualTo(42);
    }

    @Test
    @DisplayName("is the code the README shows, line for line")
    void isTheReadmeCode() throws IOException {
        List<String> readme = section(Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8),
                "## Recurring series", "```java", "```");
        List<String> here = section(Files.readAllLines(
                Path.of("src", "test", "java", "io", "libres", "examples", "quickstart", "ReadmeRecurrenceTest.java"),
                StandardCharsets.UTF_8), "void works(", BEGIN, END);

        assertThat(readme).isNotEmpty().isEqualTo(here);
    }

    /** The code lines between two markers after a heading, without comments and indentation. */
    private static List<String> section(List<String> lines, String after, String begin, String end) {
        List<String> code = new ArrayList<>();
        int i = 0;
        while (i < lines.size() && !lines.get(i).contains(after)) {
            i++;
        }
        while (i < lines.size() && !lines.get(i).trim().equals(begin)) {
            i++;
        }
        for (i++; i < lines.size() && !lines.get(i).trim().equals(end); i++) {
            int comment = lines.get(i).indexOf("//");
            String line = (comment < 0 ? lines.get(i) : lines.get(i).substring(0, comment)).trim();
            if (!line.isEmpty()) {
                code.add(line.replaceAll("\\s+", " "));
            }
        }
        return code;
    }
}
