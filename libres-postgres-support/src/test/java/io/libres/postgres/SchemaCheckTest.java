package io.libres.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.db.SchemaReport;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@WithPostgres
@DisplayName("The schema check")
class SchemaCheckTest {

    private static TestDatabase database;
    private static DataSource dataSource;

    @BeforeAll
    static void useTestDatabase(TestDatabase testDatabase) {
        database = testDatabase;
        dataSource = testDatabase.dataSource();
    }

    @Test
    @DisplayName("reads what it checks from the DDL: 4 types, 4 libres 1.2 tables of 52 columns and libres for Java's"
            + " table of 3, 7 constraints, 31 indexes")
    void modelComesFromTheDdl() {
        SchemaModel model = SchemaModel.parse(LibresSchema.ddl());
        assertThat(model.enums()).hasSize(4).containsEntry("reservation_status", java.util.List.of("pending", "approved"));
        assertThat(model.tables()).containsOnlyKeys("allocations", "reservation_blockers", "reservations", "reserved_slots",
                "libres_java_blocker_data");
        assertThat(model.tables().values().stream().mapToInt(java.util.List::size).sum())
                .isEqualTo(16 + 11 + 16 + 9 + 3);
        assertThat(SchemaModel.parse(LibresSchema.libresDdl()).tables())
                .containsOnlyKeys("allocations", "reservation_blockers", "reservations", "reserved_slots");
        assertThat(model.tables().get("reservations")).contains(
                new SchemaModel.Column("reservations", "email", "character varying(254)", true),
                new SchemaModel.Column("reservations", "end", "timestamp without time zone", false),
                new SchemaModel.Column("reservations", "id", "integer", true));
        assertThat(model.constraints()).hasSize(7).contains("reserved_slots.reserved_slots_allocation_id_fkey",
                "libres_java_blocker_data.libres_java_blocker_data_pkey");
        assertThat(model.indexes()).hasSize(31).contains("reserved_slots.start_end_tsrange_ix");
    }

    @Test
    @DisplayName("names everything missing in an empty schema, and passes once the schema is created")
    void emptyThenComplete() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            SchemaSnapshot.execute(connection, "DROP SCHEMA IF EXISTS fresh CASCADE; CREATE SCHEMA fresh; SET search_path TO fresh");
            SchemaReport empty = LibresSchema.validate(connection);
            assertThat(empty.schema()).isEqualTo("fresh");
            assertThat(empty.isComplete()).isFalse();
            assertThat(empty.problems()).hasSize(4 + 5 + 7 + 31)
                    .contains("table reservations is missing", "type reservation_status is missing",
                            "index reserved_slots.start_end_tsrange_ix is missing",
                            "table libres_java_blocker_data is missing");

            LibresSchema.create(connection);
            assertThat(LibresSchema.validate(connection)).isEqualTo(SchemaReport.complete("fresh"));
        }
    }

    @Test
    @DisplayName("accepts a database made by libres 1.2's own DDL as libres 1.2's schema; the whole check asks for"
            + " libres for Java's table only, which setup adds")
    void acceptsLibres12() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            SchemaSnapshot.execute(connection, "DROP SCHEMA IF EXISTS py CASCADE; CREATE SCHEMA py; SET search_path TO py; "
                    + reference().replace("public.", "py."));
            SchemaReport report = LibresSchema.validateLibres(connection);
            assertThat(report.problems()).isEmpty();
            assertThat(report.toString()).isEqualTo("schema py has everything libres needs");
            assertThat(LibresSchema.validate(connection).problems()).containsExactly(
                    "table libres_java_blocker_data is missing",
                    "constraint libres_java_blocker_data.libres_java_blocker_data_pkey is missing");

            LibresSchema.create(connection);
            assertThat(LibresSchema.validate(connection).isComplete()).isTrue();
        }
    }

    @Test
    @DisplayName("reports a changed column type, a nullable column, a dropped index and a missing label, and changes nothing")
    void reportsDifferences() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            SchemaSnapshot.execute(connection, "DROP SCHEMA IF EXISTS changed CASCADE; CREATE SCHEMA changed; SET search_path TO changed");
            LibresSchema.create(connection);
            SchemaSnapshot.execute(connection, "ALTER TABLE reservations ALTER COLUMN email TYPE character varying(100);"
                    + "ALTER TABLE allocations ALTER COLUMN quota DROP NOT NULL;"
                    + "DROP INDEX ix_reservations_token; ALTER TABLE reservations DROP COLUMN session_id;"
                    + "DROP TABLE reserved_slots");
            SchemaSnapshot before = SchemaSnapshot.of(connection, "changed");

            SchemaReport report = LibresSchema.validate(connection);

            assertThat(report.problems()).containsExactly(
                    "column allocations.quota allows null, expected NOT NULL",
                    "column reservations.email is character varying(100), expected character varying(254)",
                    "column reservations.session_id is missing",
                    "table reserved_slots is missing",
                    "constraint reserved_slots.reserved_slots_pkey is missing",
                    "constraint reserved_slots.reserved_slots_allocation_id_fkey is missing",
                    "index reservations.ix_reservations_session_id is missing",
                    "index reservations.ix_reservations_token is missing",
                    "index reserved_slots.ix_reserved_slots_allocation_id is missing",
                    "index reserved_slots.ix_reserved_slots_end is missing",
                    "index reserved_slots.ix_reserved_slots_source_id is missing",
                    "index reserved_slots.ix_reserved_slots_source_type is missing",
                    "index reserved_slots.reservation_resource_ix is missing",
                    "index reserved_slots.start_end_tsrange_ix is missing");
            assertThat(SchemaSnapshot.of(connection, "changed")).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("says so when the search_path names no existing schema")
    void noSchema() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            SchemaSnapshot.execute(connection, "SET search_path TO nowhere_at_all");
            SchemaReport report = LibresSchema.validate(connection);
            assertThat(report.isComplete()).isFalse();
            assertThat(report.problems()).singleElement().asString()
                    .contains("nowhere_at_all").contains("names no existing schema");
        }
    }

    @Test
    @DisplayName("lets a role that may only read and write the tables set up a prepared database (no DDL runs)")
    void dmlOnlyRole() throws Exception {
        try (Connection owner = dataSource.getConnection()) {
            SchemaSnapshot.execute(owner, "DROP SCHEMA IF EXISTS shared CASCADE; CREATE SCHEMA shared; SET search_path TO shared");
            LibresSchema.create(owner);
            SchemaSnapshot.execute(owner, """
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'libres_dml') THEN
                            CREATE ROLE libres_dml LOGIN PASSWORD 'dml-only';
                        END IF;
                    END $$;
                    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                    GRANT USAGE ON SCHEMA shared TO libres_dml;
                    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA shared TO libres_dml;
                    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA shared TO libres_dml""");
        }
        try (Connection dml = asDmlRole("shared")) {
            LibresSchema.create(dml);
            assertThat(LibresSchema.validate(dml).isComplete()).isTrue();
            SchemaSnapshot.execute(dml, "INSERT INTO reservation_blockers (token, target, target_type, resource, created)"
                    + " VALUES (gen_random_uuid(), gen_random_uuid(), 'group', gen_random_uuid(), now())");
        }
        try (Connection owner = dataSource.getConnection()) {
            SchemaSnapshot.execute(owner, "DROP INDEX shared.ix_reservations_token");
        }
        try (Connection dml = asDmlRole("shared")) {
            assertThatThrownBy(() -> LibresSchema.create(dml)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThat(dml.getAutoCommit()).isTrue();
        }
    }

    private static Connection asDmlRole(String schema) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "libres_dml");
        properties.setProperty("password", "dml-only");
        properties.setProperty("currentSchema", schema);
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }

    private static String reference() throws IOException {
        try (InputStream in = SchemaCheckTest.class.getResourceAsStream("libres-1.2-reference-schema.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
