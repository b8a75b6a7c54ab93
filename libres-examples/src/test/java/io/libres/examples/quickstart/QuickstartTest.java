package io.libres.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The quickstart story")
class QuickstartTest {

    @Test
    @DisplayName("plays every step as promised on the in-memory storage")
    void playsInMemory() throws Exception {
        String output = play("in-memory");

        assertThat(output)
                .contains("dave@example.org  09:30-10:30  refused: AlreadyReservedError")
                .contains("57.5% free")
                .contains("25 customers bought 4 seats each, 15 found the concert sold out.")
                .contains("100 seats are taken, 100 of them distinct")
                .contains("1 session removed, 0 reservations left.");
        assertThat(output.lines().filter(line -> line.contains("erin@example.org has a place on Tue"))).hasSize(6);
    }

    @Test
    @DisplayName("plays every step as promised on PostgreSQL through JDBI")
    void playsOnPostgres() throws Exception {
        String output = play("jdbi");

        assertThat(output)
                .contains("through JDBI")
                .contains("dave@example.org  09:30-10:30  refused: AlreadyReservedError")
                .contains("57.5% free")
                .contains("25 customers bought 4 seats each, 15 found the concert sold out.")
                .contains("100 seats are taken, 100 of them distinct")
                .contains("1 session removed, 0 reservations left.");
        assertThat(output.lines().filter(line -> line.contains("erin@example.org has a place on Tue"))).hasSize(6);
    }

    @Test
    @DisplayName("plays every step as promised on PostgreSQL through jOOQ")
    void playsOnPostgresThroughJooq() throws Exception {
        String output = play("jooq");

        assertThat(output)
                .contains("through jOOQ")
                .contains("dave@example.org  09:30-10:30  refused: AlreadyReservedError")
                .contains("57.5% free")
                .contains("25 customers bought 4 seats each, 15 found the concert sold out.")
                .contains("100 seats are taken, 100 of them distinct")
                .contains("1 session removed, 0 reservations left.");
        assertThat(output.lines().filter(line -> line.contains("erin@example.org has a place on Tue"))).hasSize(6);
    }

    private static String play(String storage) throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Quickstart.play(storage, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
