package io.libres.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.spi.Storage;
import io.libres.testkit.postgres.PostgresServer;
import io.libres.testkit.postgres.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The two SQL adapters on one database, interchangeably: what one writes (allocations, quota
 * mirrors, reservations pending, approved, of a group and in a session, reserved slots, a blocker)
 * the other reads, reserves against, changes and removes, and the rows left are identical, column
 * by column, to those the first adapter leaves alone. Every run has a fresh database and one fixed
 * clock, so ids and timestamps line up.
 */
@DisplayName("the JDBI and jOOQ adapters on one database")
class InteropTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2031-05-01T07:00:00.123456Z"), ZoneOffset.UTC);

    /** The rows and observations of one run: the first half through one adapter, the second through another. */
    private record Run(Map<String, List<List<String>>> rows, List<String> seen) {
    }

    private static Run run(Adapter writer, Adapter changer) throws Exception {
        TestDatabase database = PostgresServer.shared().createDatabase("interop");
        try {
            Storage first = writer.on(database.dataSource(), CLOCK);
            first.setupDatabase();
            Story.write(first);
            List<String> seen = Story.change(changer.on(database.dataSource(), CLOCK));
            return new Run(Rows.dump(database.dataSource()), seen);
        } finally {
            PostgresServer.shared().dropDatabase(database);
        }
    }

    @ParameterizedTest(name = "written through {0}, read, reserved against, changed and removed through {1}")
    @CsvSource({"JDBI, JOOQ", "JOOQ, JDBI"})
    @DisplayName("rows written by one adapter and changed by the other are those the first leaves alone")
    void interchangeable(Adapter writer, Adapter changer) throws Exception {
        Run alone = run(writer, writer);
        Run mixed = run(writer, changer);

        assertThat(mixed.seen()).isEqualTo(alone.seen()).contains("mirrors 2");
        assertThat(mixed.rows().keySet()).containsExactly("allocations", "reservations", "reservation_blockers",
                "reserved_slots");
        mixed.rows().forEach((table, rows) -> assertThat(rows).as(table).isEqualTo(alone.rows().get(table)));
        assertThat(alone.rows().get("allocations")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(alone.rows().get("reserved_slots")).isNotEmpty();
        assertThat(alone.rows().get("reservations")).hasSize(5);
        assertThat(alone.rows().get("reservation_blockers")).isEmpty();
        // the compared columns carry what the story wrote: data, the fixed clock, changed emails
        assertThat(alone.rows().get("allocations").toString()).contains("\"floor\": 2")
                .contains("modified=2031-05-01 07:00:00.123456");
        assertThat(alone.rows().get("reservations").toString()).contains("email=bert@example.com")
                .contains("status=approved").contains("session_id=uuid#");
    }

    @Test
    @DisplayName("each adapter alone leaves the same rows as the other")
    void sameRowsAlone() throws Exception {
        Run jdbi = run(Adapter.JDBI, Adapter.JDBI);
        Run jooq = run(Adapter.JOOQ, Adapter.JOOQ);

        jooq.rows().forEach((table, rows) -> assertThat(rows).as(table).isEqualTo(jdbi.rows().get(table)));
    }
}
