package io.libres.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import io.libres.testkit.postgres.PostgresServer;
import io.libres.testkit.postgres.PostgresSource;
import io.libres.testkit.postgres.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The quickstart story")
class QuickstartTest {

    @Test
    @DisplayName("plays every step as promised on the in-memory storage")
    void playsInMemory() throws Exception {
        String output = play(true);

        assertThat(output)
                .contains("dave@example.org  09:30-10:30  refused: NoFreeSpot")
                .contains("57.5% free")
                .contains("first free half hour this afternoon: meeting-room-red 13:45-14:15")
                .contains("and after grace's booking: meeting-room-red 14:15-14:45")
                .containsPattern("meeting-room-green +\\d+% +0%")
                .contains("25 customers bought 4 seats each, 15 found the concert sold out.")
                .contains("100 seats are taken, 100 of them distinct")
                .contains("1 session removed, 0 reservations left.");
        assertThat(output.lines().filter(line -> line.contains("erin@example.org has a place on Tue"))).hasSize(6);
    }

    @Test
    @DisplayName("plays every step as promised on PostgreSQL through JDBI")
    void playsOnPostgres() throws Exception {
        String output = play(false);

        assertThat(output)
                .contains("through JDBI")
                .contains("dave@example.org  09:30-10:30  refused: NoFreeSpot")
                .contains("57.5% free")
                .contains("first free half hour this afternoon: meeting-room-red 13:45-14:15")
                .contains("and after grace's booking: meeting-room-red 14:15-14:45")
                .containsPattern("meeting-room-green +\\d+% +0%")
                .contains("25 customers bought 4 seats each, 15 found the concert sold out.")
                .contains("100 seats are taken, 100 of them distinct")
                .contains("1 session removed, 0 reservations left.");
        assertThat(output.lines().filter(line -> line.contains("erin@example.org has a place on Tue"))).hasSize(6);
    }

    @Test
    @DisplayName("plays every step as promised on PostgreSQL through jOOQ")
    void playsOnPostgresThroughJooq() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Quickstart.play("jooq", null, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(output)
                .contains("through jOOQ")
                .contains("dave@example.org  09:30-10:30  refused: NoFreeSpot")
                .contains("57.5% free")
                .contains("25 customers bought 4 seats each, 15 found the concert sold out.")
                .contains("100 seats are taken, 100 of them distinct")
                .contains("1 session removed, 0 reservations left.");
        assertThat(output.lines().filter(line -> line.contains("erin@example.org has a place on Tue"))).hasSize(6);
    }

    @Test
    @DisplayName("says which PostgreSQL it plays on, by version and source, not by a test database's name")
    void bannerNamesTheServer() throws Exception {
        String output = play(false, null);

        assertThat(output).contains("Storage: PostgreSQL " + PostgresServer.shared().version().split(" ")[1] + " (")
                .doesNotContain("quickstart_");
        if (PostgresServer.shared().source() == PostgresSource.EMBEDDED) {
            assertThat(output).contains("(embedded), through JDBI").contains("the first run unpacks its binaries");
        }
    }

    @Test
    @DisplayName("plays twice on one server named by LIBRES_JDBC_URL, each time as promised")
    void playsTwiceOnOneServer() throws Exception {
        TestDatabase database = PostgresServer.shared().createDatabase("twice");
        try {
            String url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "user=" + database.user()
                    + (database.password().isEmpty() ? "" : "&password=" + database.password());
            for (int run = 1; run <= 2; run++) {
                String output = play(false, url);
                assertThat(output).as("run " + run)
                        .contains("Storage: PostgreSQL " + PostgresServer.shared().version().split(" ")[1] + " at ")
                        .contains("100 seats are taken, 100 of them distinct")
                        .contains("1 session removed, 0 reservations left.");
            }
        } finally {
            PostgresServer.shared().dropDatabase(database);
        }
    }

    private static String play(boolean inMemory) throws InterruptedException {
        return play(inMemory, null);
    }

    private static String play(boolean inMemory, String url) throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Quickstart.play(inMemory, url, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
