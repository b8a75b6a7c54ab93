package io.libres.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.OccurrencePolicy;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Reservation;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.InvalidReservationError;
import io.libres.errors.OccurrencesRefused;
import io.libres.recurrence.NotASeries;
import io.libres.recurrence.Recurrence;
import io.libres.recurrence.Recurring;
import io.libres.recurrence.Refusal;
import io.libres.recurrence.Series;
import io.libres.recurrence.SeriesBooking;
import io.libres.recurrence.SeriesData;
import io.libres.testkit.postgres.Isolation;
import io.libres.testkit.postgres.WithPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Series on a database shared with libres 1.2 (Python): a series books the allocations libres
 * wrote, obeying libres' reservations and blockers; the rows it writes are libres 1.2 rows (the
 * series lives in {@code data}, no table or column is added), which libres' own SQL reads and
 * changes without breaking the series.
 */
@WithPostgres(isolation = Isolation.PER_TEST)
@DisplayName("series on a database shared with libres 1.2")
public abstract class RecurrenceCompatibilityKit extends SqlAdapterKit {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    /** A reservation token libres 1.2 wrote (anna's), without any series. */
    private static final UUID ANNA = UUID.fromString("b0b0b0b0-0000-4000-8000-00000000000a");

    /** 09:00-10:00 every day of the week of libres' rows (2031-03-03 to 03-07). */
    private static final Recurrence MORNINGS = Recurrence.of("FREQ=DAILY;COUNT=5", LocalDate.of(2031, 3, 3),
            LocalTime.of(9, 0), Duration.ofHours(1));


    private Scheduler room;
    private Recurring series;

    /** Creates the group. */
    protected RecurrenceCompatibilityKit() {
    }

    @BeforeEach
    void loadLibresRows() throws Exception {
        Context context = Registry.createDefault().registerContext("compat");
        install(context, dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                InputStream rows = LibresCompatibilityKit.class.getResourceAsStream("libres-1.2-rows.sql")) {
            statement.execute(new String(rows.readAllBytes(), StandardCharsets.UTF_8));
        }
        room = new Scheduler(context, "room", ZURICH);
        series = Recurring.on(room);
    }

    private List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    @DisplayName("a series on libres' rows books the free occurrence and names libres' reservations, groups and blockers")
    void bookingLibresRows() {
        assertThatThrownBy(() -> series.reserve("eve@example.org", MORNINGS, ReserveOptions.DEFAULTS))
                .isInstanceOfSatisfying(OccurrencesRefused.class, e -> assertThat(e.refused()).hasSize(4));

        SeriesBooking booking = series.reserve("eve@example.org", MORNINGS, ReserveOptions.DEFAULTS,
                OccurrencePolicy.BOOK_WHAT_IS_FREE);
        assertThat(booking.booked()).singleElement().satisfies(o -> assertThat(o.day()).isEqualTo(LocalDate.of(2031, 3, 3)));
        assertThat(booking.refused()).extracting(r -> r.occurrence().day()).containsExactly(LocalDate.of(2031, 3, 4),
                LocalDate.of(2031, 3, 5), LocalDate.of(2031, 3, 6), LocalDate.of(2031, 3, 7));
        assertThat(booking.refused()).extracting(Refusal::reason).satisfiesExactly(
                e -> assertThat(e).isInstanceOf(AlreadyReservedError.class),
                e -> assertThat(e).isInstanceOf(InvalidReservationError.class),
                e -> assertThat(e).isInstanceOf(InvalidReservationError.class),
                e -> assertThat(e).isInstanceOf(AlreadyReservedError.class));
        // the last spot of libres' quota-3 allocation: the master, as libres would take it
        assertThat(series.approve(booking.token())).allSatisfy(slot -> assertThat(slot.allocationId()).isEqualTo(101));
        room.commit();
    }

    @Test
    @DisplayName("the rows of a series are libres 1.2 rows: no table or column added, the series a jsonb object in data")
    void seriesRowsAreLibresRows() throws SQLException {
        List<String> tablesBefore = column("SELECT table_name || '.' || column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() ORDER BY 1");
        SeriesBooking booking = series.reserve("eve@example.org", MORNINGS, ReserveOptions.builder()
                .data(java.util.Map.of("note", "projector")).build(), OccurrencePolicy.BOOK_WHAT_IS_FREE);
        series.approve(booking.token());
        room.commit();

        assertThat(column("SELECT table_name || '.' || column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() ORDER BY 1")).isEqualTo(tablesBefore);
        String token = booking.token().toString();
        assertThat(column("SELECT jsonb_typeof(data) || ' ' || (data->>'note') || ' ' || jsonb_typeof(data->'"
                + SeriesData.KEY + "') || ' ' || (data->'" + SeriesData.KEY + "'->>'rule') || ' ' || status"
                + " FROM reservations WHERE token = '" + token + "'"))
                .containsExactly("object projector object FREQ=DAILY;COUNT=5 approved");
        assertThat(column("SELECT allocation_id || ' ' || source_type FROM reserved_slots WHERE reservation_token = '"
                + token + "' GROUP BY 1")).containsExactly("101 reservation");
    }

    @Test
    @DisplayName("libres' own SQL changes a series' rows without breaking it, and libres' reservations are no series")
    void libresChangesSeriesRows() throws SQLException {
        SeriesBooking booking = series.reserve("eve@example.org", MORNINGS, ReserveOptions.DEFAULTS,
                OccurrencePolicy.BOOK_WHAT_IS_FREE);
        room.commit();
        // what libres' change_email and change_reservation_data write (data as a whole, as Python merges it)
        execute("UPDATE reservations SET email = 'eve.new@example.org', data = data || '{\"paid\": true}'::jsonb,"
                + " modified = now() WHERE token = '" + booking.token() + "'");

        Series<Reservation> read = series.reservationSeries(booking.token());
        assertThat(read.first().rule()).isEqualTo("FREQ=DAILY;COUNT=5");
        assertThat(read.members()).singleElement().satisfies(r -> {
            assertThat(r.email()).isEqualTo("eve.new@example.org");
            assertThat(r.data()).containsEntry("paid", true);
        });
        assertThat(series.approve(booking.token())).isNotEmpty();
        assertThatThrownBy(() -> series.reservationSeries(ANNA)).isInstanceOf(NotASeries.class);
        assertThat(room.reservationsByToken(ANNA).list()).hasSize(1);
    }
}
