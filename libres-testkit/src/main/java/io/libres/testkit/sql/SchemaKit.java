package io.libres.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.context.Settings;
import io.libres.db.SchemaReport;
import io.libres.db.Scheduler;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import io.libres.time.DateRange;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Where the storage's tables live and who may use them: the schema a {@code dsn}'s
 * {@code currentSchema} names, a role that may only read and write the tables, and the schema
 * without the optional GiST index (setting {@code schema_gist_index} false, for engines without
 * GiST). The storage is the one a context discovers from the {@code dsn} (the adapter's
 * {@code StorageProvider}).
 */
@WithPostgres
@DisplayName("the storage's schema")
public abstract class SchemaKit {

    private static final DateRange MORNING = DateRange.of(LocalDateTime.of(2031, 9, 1, 8, 0),
            LocalDateTime.of(2031, 9, 1, 12, 0));

    /** Creates the group. */
    protected SchemaKit() {
    }

    /** A role of this group's own: roles are the server's, and other adapters' runs may share it. */
    private String appRole() {
        return "libres_app_" + getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static String dsn(TestDatabase database, String user, String password, String schema) {
        String url = database.jdbcUrl();
        return url + (url.contains("?") ? "&" : "?") + "user=" + user + (password.isEmpty() ? "" : "&password=" + password)
                + "&currentSchema=" + schema;
    }

    private static void execute(TestDatabase database, String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Scheduler scheduler(String dsn) {
        return scheduler(dsn, true);
    }

    private static Scheduler scheduler(String dsn, boolean gistIndex) {
        Context context = Registry.createDefault().registerContext("schema-" + UUID.randomUUID());
        context.setSetting("dsn", dsn);
        if (!gistIndex) {
            context.setSetting(Settings.SCHEMA_GIST_INDEX, false);
        }
        return new Scheduler(context, "Room", ZoneId.of("Europe/Zurich"));
    }

    private static List<String> indexes(TestDatabase database, String schema) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                var statement = connection.prepareStatement(
                        "SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = 'reserved_slots'")) {
            statement.setString(1, schema);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
        }
        return names;
    }

    @Test
    @DisplayName("without the GiST index (schema_gist_index false): setupDatabase leaves it out, validateSchema"
            + " accepts its absence, booking works; the default still asks for it")
    void withoutGistIndex(TestDatabase database) throws Exception {
        execute(database, "DROP SCHEMA IF EXISTS nogist CASCADE; CREATE SCHEMA nogist");
        String dsn = dsn(database, database.user(), database.password(), "nogist");
        Scheduler plain = scheduler(dsn, false);

        plain.setupDatabase();
        List<String> created = indexes(database, "nogist");
        SchemaReport withoutIndex = plain.validateSchema();
        plain.allocate(MORNING);
        plain.commit();
        UUID token = plain.reserve("alice@example.org", MORNING);
        plain.approveReservations(token);
        plain.commit();
        double left = plain.availability(MORNING);
        Scheduler strict = scheduler(dsn);
        SchemaReport strictReport = strict.validateSchema();

        assertThat(created).isNotEmpty().doesNotContain("start_end_tsrange_ix").contains("reserved_slots_pkey");
        assertThat(withoutIndex.isComplete()).as(withoutIndex.problems().toString()).isTrue();
        assertThat(left).isZero();
        assertThat(plain.managedReservedSlots().count()).isPositive();
        assertThat(strictReport.problems()).containsExactly("index reserved_slots.start_end_tsrange_ix is missing");

        // the default setup adds the index; the check without it does not mind it there
        strict.setupDatabase();
        assertThat(indexes(database, "nogist")).contains("start_end_tsrange_ix");
        assertThat(strict.validateSchema().isComplete()).isTrue();
        assertThat(plain.validateSchema().isComplete()).isTrue();
        plain.close();
        strict.close();
    }

    @Test
    @DisplayName("lives in the schema currentSchema names: validateSchema reports it missing, setupDatabase creates it there")
    void chosenSchema(TestDatabase database) throws Exception {
        execute(database, "DROP SCHEMA IF EXISTS booking CASCADE; CREATE SCHEMA booking");
        Scheduler scheduler = scheduler(dsn(database, database.user(), database.password(), "booking"));

        SchemaReport before = scheduler.validateSchema();
        scheduler.setupDatabase();
        SchemaReport after = scheduler.validateSchema();
        scheduler.allocate(MORNING);
        scheduler.commit();

        assertThat(before.schema()).isEqualTo("booking");
        assertThat(before.problems()).contains("table allocations is missing");
        assertThat(after.isComplete()).isTrue();
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
                var result = statement.executeQuery("SELECT count(*) FROM booking.allocations")) {
            result.next();
            assertThat(result.getInt(1)).isEqualTo(1);
        }
        scheduler.close();
    }

    @Test
    @DisplayName("a role that may only read and write the tables calls setupDatabase and books")
    void dmlOnlyRole(TestDatabase database) throws Exception {
        String role = appRole();
        execute(database, """
                DROP SCHEMA IF EXISTS prepared CASCADE; CREATE SCHEMA prepared;
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'libres_app') THEN
                        CREATE ROLE libres_app LOGIN PASSWORD 'app-only';
                    END IF;
                END $$;
                REVOKE CREATE ON SCHEMA public FROM PUBLIC""".replace("libres_app", role));
        Scheduler owner = scheduler(dsn(database, database.user(), database.password(), "prepared"));
        owner.setupDatabase();
        owner.close();
        execute(database, """
                GRANT USAGE ON SCHEMA prepared TO libres_app;
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA prepared TO libres_app;
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA prepared TO libres_app""".replace("libres_app", role));

        Scheduler app = scheduler(dsn(database, role, "app-only", "prepared"));
        app.setupDatabase();
        app.allocate(MORNING);
        app.commit();
        UUID token = app.reserve("alice@example.org", MORNING);
        app.approveReservations(token);
        app.commit();

        assertThat(app.validateSchema().isComplete()).isTrue();
        assertThat(app.managedReservedSlots().count()).isPositive();
        app.close();
    }
}
