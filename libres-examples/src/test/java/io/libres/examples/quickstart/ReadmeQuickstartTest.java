package io.libres.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.Libres;
import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.db.Work;
import io.libres.errors.AlreadyReservedError;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import io.libres.time.DateRange;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The code of the README's quickstart section, kept compiling and working on a real PostgreSQL. */
@WithPostgres
@DisplayName("The README's quickstart code")
class ReadmeQuickstartTest {

    @Test
    @DisplayName("books alice, refuses bob's overlapping booking, and leaves four reserved quarter hours")
    void works(TestDatabase database) {
        Context context = Registry.createDefault().registerContext("my_app");
        context.setSetting("dsn", database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?")
                + "user=" + database.user() + "&password=" + database.password());
        // both SQL adapters are on this module's class path: the README's setup section shows this line
        context.setSetting("storage", "jdbi");

        // --- as in the README ---
        Scheduler room = Libres.newScheduler(context, "meeting-room-blue", ZoneId.of("Europe/Zurich"));
        room.setupDatabase();

        LocalDate day = LocalDate.of(2026, 12, 1);
        room.transaction(() -> room.allocate(DateRange.of(day.atTime(8, 0), day.atTime(18, 0)),
                AllocateOptions.builder().partlyAvailable(true).raster(15).build()));

        UUID token;
        try (Work work = room.begin()) {
            token = room.reserve("alice@example.org", DateRange.of(day.atTime(9, 0), day.atTime(10, 0)));
            room.approveReservations(token);
            work.commit();
        }

        boolean refused = false;
        try {
            room.transaction(() -> room.approveReservations(room.reserve("bob@example.org",
                    DateRange.of(day.atTime(9, 30), day.atTime(10, 30)))));
        } catch (AlreadyReservedError taken) {
            refused = true;
        }
        // --- end ---

        assertThat(refused).isTrue();
        assertThat(token).isNotNull();
        assertThat(room.managedReservedSlots().count()).isEqualTo(4);
        assertThat(room.managedReservations().list()).extracting(r -> r.email()).containsExactly("alice@example.org");
    }

    @Test
    @DisplayName("with both adapters on the class path and no storage setting, says how to choose")
    void ambiguousWithoutStorageSetting(TestDatabase database) {
        Context context = Registry.createDefault().registerContext("two_adapters");
        context.setSetting("dsn", database.jdbcUrl());

        assertThatThrownBy(() -> context.getService(io.libres.spi.StoragePorts.STORAGE))
                .isInstanceOf(io.libres.errors.AmbiguousProviders.class)
                .hasMessageContaining("jdbi (io.libres.jdbi.JdbiStorageProvider")
                .hasMessageContaining("jooq (io.libres.jooq.JooqStorageProvider")
                .hasMessageContaining("context.setSetting(\"storage\", \"");
    }
}
