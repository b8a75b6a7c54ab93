package io.libres.jooq;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.Scheduler;
import io.libres.errors.InvalidSetting;
import io.libres.errors.SchemaMissing;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.time.DateRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The jOOQ storage reads its dsn with the shared PostgresDsn: libres 1.2's forms, no password shown. */
@DisplayName("dsn forms and missing tables on PostgreSQL through jOOQ")
class JooqDsnTest {

    private static final DateRange MORNING = DateRange.of(LocalDateTime.of(2016, 5, 2, 8, 0),
            LocalDateTime.of(2016, 5, 2, 9, 0));

    @Test
    @DisplayName("postgresql+psycopg2://user:password@host:port/db connects; toString and refusals hide the password")
    void libpqForm() {
        TestDatabase database = Databases.create("jooq-dsn");
        URI uri = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        String user = URLEncoder.encode(database.user(), StandardCharsets.UTF_8);
        String secret = database.password().isEmpty() ? "" : URLEncoder.encode(database.password(), StandardCharsets.UTF_8);
        String dsn = "postgresql+psycopg2://" + user + (secret.isEmpty() ? "" : ":" + secret) + "@" + uri.getHost() + ":"
                + uri.getPort() + "/" + database.databaseName();
        JooqStorage storage = JooqStorage.connect(dsn);
        try {
            Context context = Registry.createDefault().registerContext("jooq-dsn-" + UUID.randomUUID());
            storage.install(context);
            Scheduler scheduler = new Scheduler(context, "room", ZoneId.of("Europe/Zurich"));
            assertThatThrownBy(() -> scheduler.allocate(MORNING)).isInstanceOf(SchemaMissing.class)
                    .hasMessageContaining("setupDatabase()");
            scheduler.rollback();
            scheduler.setupDatabase();
            assertThat(scheduler.allocate(MORNING)).hasSize(1);
            scheduler.commit();
            assertThat(storage.toString()).contains(database.databaseName()).contains(user);
            if (!secret.isEmpty()) {
                assertThat(storage.toString()).doesNotContain(secret);
            }
        } finally {
            storage.stopService();
            Databases.drop(database);
        }
        assertThatThrownBy(() -> JooqStorage.connect("mysql://app:Pa55-w0rd@db/libres")).isInstanceOf(InvalidSetting.class)
                .hasMessageNotContaining("Pa55-w0rd").hasMessageContaining("***");
        assertThat(JooqStorage.connect("postgresql://app:Pa55-w0rd@127.0.0.1:1/libres").toString())
                .doesNotContain("Pa55-w0rd").contains("***");
    }
}
