package io.libres.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.db.AllocateOptions;
import io.libres.db.OccurrencePolicy;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.recurrence.Recurrence;
import io.libres.recurrence.Recurring;
import io.libres.recurrence.Series;
import io.libres.recurrence.SeriesBooking;
import io.libres.db.models.Reservation;
import io.libres.testkit.postgres.WithPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/**
 * Counts the statements a series costs on PostgreSQL: a series of 365 occurrences must cost as
 * many as one of 52 (and of 7), whatever it does.
 */
@WithPostgres
@DisplayName("statements sent to PostgreSQL for a recurring series")
public abstract class RecurrenceStatementCountKit extends CountingKit {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final LocalDate MONDAY = LocalDate.of(2031, 1, 6);

    /** Creates the group. */
    protected RecurrenceStatementCountKit() {
    }

    /**
     * How many statements more a year of rows may take than 52 weeks: an adapter that splits one
     * large write into chunks below PostgreSQL's 32767 bind parameters sends one more per chunk.
     * That is a bound per thousands of rows, not a statement per occurrence.
     *
     * @return 0 unless overridden
     */
    protected int chunkedWriteAllowance() {
        return 0;
    }

    private Recurring recurring() {
        return Recurring.on(new Scheduler(context(), "recur-count-" + UUID.randomUUID(), ZURICH));
    }

    /** A daily series of the given number of occurrences (365 days cross both DST changes). */
    private static Recurrence daily(int count, int hour) {
        return Recurrence.of("FREQ=DAILY;COUNT=" + count, MONDAY, LocalTime.of(hour, 0), Duration.ofHours(1));
    }

    private void sameFor(String what, IntFunction<Integer> statementsFor, int bound) {
        int week = statementsFor.apply(7);
        int year52 = statementsFor.apply(52);
        int year = statementsFor.apply(365);
        System.out.printf("statements for %s: %d (7), %d (52), %d (365 occurrences)%n", what, week, year52, year);
        assertThat(year).as("statements for %s with 365 occurrences vs 52; log: %s", what, log())
                .isBetween(year52, year52 + chunkedWriteAllowance());
        assertThat(year52).as("statements for %s with 52 occurrences vs 7", what).isEqualTo(week);
        assertThat(week).as("statements for %s", what).isLessThanOrEqualTo(bound);
    }

    @Test
    @DisplayName("allocating a series of 365 occurrences takes as many statements as 52 and 7")
    void allocateIsSetBased() {
        sameFor("allocating a series", count -> {
            Recurring recurring = recurring();
            return counting(() -> {
                assertThat(recurring.allocate(daily(count, 8), AllocateOptions.DEFAULTS).allocations()).hasSize(count);
                recurring.scheduler().commit();
            });
        }, 6);
    }

    @Test
    @DisplayName("reserving and approving a series of 365 occurrences takes as many statements as 52 and 7")
    void reserveAndApproveIsSetBased() {
        sameFor("reserving and approving a series", count -> {
            Recurring recurring = recurring();
            recurring.allocate(daily(count, 8), AllocateOptions.builder().quota(2).build());
            recurring.scheduler().commit();
            return counting(() -> {
                SeriesBooking booking = recurring.reserve("count@example.org", daily(count, 8), ReserveOptions.DEFAULTS);
                recurring.approve(booking.token());
                recurring.scheduler().commit();
                assertThat(booking.booked()).hasSize(count);
            });
        }, 16);
    }

    @Test
    @DisplayName("booking what is free of a half-taken series takes as many statements for 365 occurrences as for 52")
    void bookWhatIsFreeIsSetBased() {
        sameFor("booking what is free", count -> {
            Recurring recurring = recurring();
            recurring.allocate(daily(count, 8), AllocateOptions.DEFAULTS);
            SeriesBooking first = recurring.reserve("first@example.org",
                    Recurrence.of("FREQ=DAILY;INTERVAL=2;COUNT=" + (count + 1) / 2, MONDAY, LocalTime.of(8, 0),
                            Duration.ofHours(1)), ReserveOptions.DEFAULTS);
            recurring.approve(first.token());
            recurring.scheduler().commit();
            return counting(() -> {
                SeriesBooking booking = recurring.reserve("count@example.org", daily(count, 8), ReserveOptions.DEFAULTS,
                        OccurrencePolicy.BOOK_WHAT_IS_FREE);
                recurring.scheduler().commit();
                assertThat(booking.refused()).hasSize((count + 1) / 2);
            });
        }, 10);
    }

    @Test
    @DisplayName("changing the following occurrences, reading the series back and removing it take fixed statements")
    void changeReadAndRemoveAreSetBased() {
        sameFor("changing, reading and removing a series", count -> {
            Recurring recurring = recurring();
            recurring.allocate(Recurrence.of("FREQ=DAILY;COUNT=" + count, MONDAY, LocalTime.of(8, 0),
                    Duration.ofHours(4)), AllocateOptions.builder().partlyAvailable(true).build());
            SeriesBooking booking = recurring.reserve("count@example.org", daily(count, 8), ReserveOptions.DEFAULTS);
            recurring.approve(booking.token());
            recurring.scheduler().commit();
            return counting(() -> {
                recurring.changeFrom(booking.token(), MONDAY.plusDays(3), daily(count, 10));
                Series<Reservation> series = recurring.reservationSeries(booking.token());
                assertThat(series.members()).hasSize(count);
                assertThat(series.parts()).hasSize(2);
                recurring.removeFrom(booking.token(), MONDAY.plusDays(5));
                recurring.remove(booking.token());
                recurring.scheduler().commit();
            });
        }, 40);
    }

    @Test
    @DisplayName("blocking a series of 365 occurrences and removing part of it take as many statements as 52 and 7")
    void blockersAreSetBased() {
        sameFor("blocking a series", count -> {
            Recurring recurring = recurring();
            recurring.allocate(daily(count, 8), AllocateOptions.builder().quota(2).build());
            recurring.scheduler().commit();
            return counting(() -> {
                SeriesBooking blocked = recurring.addBlockers(daily(count, 8), "cleaning", OccurrencePolicy.ALL_OR_NOTHING);
                assertThat(recurring.removeBlockersFrom(blocked.token(), MONDAY.plusDays(3))).hasSize(count - 3);
                recurring.scheduler().commit();
            });
        }, 16);
    }

    @Test
    @DisplayName("reading a blocker series back (rule and blockers) and removing it with its rule take fixed statements")
    void blockerSeriesReadAndRemoveAreSetBased() {
        sameFor("reading and removing a blocker series", count -> {
            Recurring recurring = recurring();
            recurring.allocate(daily(count, 8), AllocateOptions.builder().quota(2).build());
            SeriesBooking blocked = recurring.addBlockers(daily(count, 8), "cleaning", OccurrencePolicy.ALL_OR_NOTHING);
            recurring.scheduler().commit();
            return counting(() -> {
                assertThat(recurring.blockerSeries(blocked.token()).members()).hasSize(count);
                assertThat(recurring.scheduler().removeBlocker(blocked.token())).hasSize(count);
                recurring.scheduler().commit();
                assertThat(recurring.scheduler().blockerData(blocked.token())).isEmpty();
            });
        }, 12);
    }
}
