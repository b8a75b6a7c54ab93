package io.libres.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.events.ReservationsApproved;
import io.libres.events.ReservationsMade;
import io.libres.spi.Storage;
import io.libres.testkit.junit.Days;
import io.libres.testkit.junit.EventRecorder;
import io.libres.testkit.junit.LibresTest;
import io.libres.testkit.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("@LibresTest with the jOOQ adapter")
class JooqLibresTestTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Nested
    @LibresTest(storage = LibresTest.DISCOVERED)
    @DisplayName("discovered on the class path")
    class Discovered {

        Scheduler scheduler;
        Storage storage;
        EventRecorder events;

        @Test
        @DisplayName("books on a real PostgreSQL database through JooqStorage")
        void booksOnPostgres(TestDatabase database) throws Exception {
            assertThat(storage).isInstanceOf(JooqStorage.class);

            scheduler.allocate(Days.between(DAY, LocalTime.of(8, 0), LocalTime.of(12, 0), scheduler.zone()),
                    AllocateOptions.builder().partlyAvailable(true).raster(30).build());
            UUID token = scheduler.reserve("ann@example.org",
                    Days.between(DAY, LocalTime.of(9, 0), LocalTime.of(10, 0), scheduler.zone()));
            scheduler.approveReservations(token);
            scheduler.commit();

            events.assertThat().firedInOrder(ReservationsMade.class, ReservationsApproved.class);
            try (Connection connection = database.dataSource().getConnection();
                    ResultSet rows = connection.createStatement().executeQuery(
                            "SELECT count(*) FROM reserved_slots WHERE reservation_token = '" + token + "'")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Nested
    @LibresTest(storage = "jooq")
    @DisplayName("chosen by the provider's name")
    class ByName {

        Storage storage;

        @Test
        @DisplayName("is the jOOQ storage")
        void isJooq() {
            assertThat(storage).isInstanceOf(JooqStorage.class);
        }
    }
}
