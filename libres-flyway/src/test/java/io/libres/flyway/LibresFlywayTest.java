package io.libres.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.postgres.LibresSchema;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@WithPostgres
@DisplayName("The Flyway migration")
class LibresFlywayTest {

    private static DataSource dataSource;

    @BeforeAll
    static void useTestDatabase(TestDatabase database) {
        dataSource = database.dataSource();
    }

    @Test
    @DisplayName("creates the whole schema in an empty schema, and the schema check passes; a second run does nothing")
    void fromEmpty() throws Exception {
        MigrateResult first = LibresFlyway.configure(dataSource, "fw_empty").load().migrate();
        MigrateResult second = LibresFlyway.configure(dataSource, "fw_empty").load().migrate();

        assertThat(first.migrationsExecuted).isEqualTo(2);
        assertThat(first.targetSchemaVersion).isEqualTo("2");
        assertThat(second.migrationsExecuted).isZero();
        assertThat(complete("fw_empty")).isTrue();
        assertThat(history("fw_empty")).containsExactly("null SCHEMA << Flyway Schema Creation >> true",
                "1 JDBC libres 1.2 schema true", "2 JDBC libres for Java tables true");
    }

    @Test
    @DisplayName("baselines a database libres 1.2 made, without running its DDL, and adds only libres for Java's tables")
    void baselinesLibres12() throws Exception {
        execute("DROP SCHEMA IF EXISTS fw_py CASCADE; CREATE SCHEMA fw_py; SET search_path TO fw_py; "
                + Files.readString(Path.of("../libres-postgres-support/src/test/resources/io/libres/postgres/"
                        + "libres-1.2-reference-schema.sql")).replace("public.", "fw_py."));

        MigrateResult result = LibresFlyway.configure(dataSource, "fw_py").load().migrate();

        assertThat(result.migrationsExecuted).isEqualTo(1);
        assertThat(history("fw_py")).containsExactly("1 BASELINE libres 1.2 schema, made before Flyway true",
                "2 JDBC libres for Java tables true");
        assertThat(complete("fw_py")).isTrue();
    }

    @Test
    @DisplayName("runs version 1 in a schema that holds the application's tables but not libres'")
    void besideOtherTables() throws Exception {
        execute("DROP SCHEMA IF EXISTS fw_app CASCADE; CREATE SCHEMA fw_app; CREATE TABLE fw_app.orders (id int)");

        MigrateResult result = LibresFlyway.configure(dataSource, "fw_app").load().migrate();

        assertThat(result.migrationsExecuted).isEqualTo(2);
        assertThat(history("fw_app")).containsExactly("0 BASELINE before libres true", "1 JDBC libres 1.2 schema true",
                "2 JDBC libres for Java tables true");
        assertThat(complete("fw_app")).isTrue();
    }

    @Test
    @DisplayName("works in the data source's current schema without naming one")
    void currentSchema(TestDatabase database) throws Exception {
        execute("DROP SCHEMA IF EXISTS fw_current CASCADE; CREATE SCHEMA fw_current");
        DataSource current = new UrlDataSource(database.jdbcUrl(), database.user(), database.password(), "fw_current");

        assertThat(LibresFlyway.migrate(current).migrationsExecuted).isEqualTo(2);
        assertThat(complete("fw_current")).isTrue();
    }

    @Test
    @DisplayName("each version's checksum is its DDL's, so a changed DDL is noticed")
    void checksum() {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(LibresSchema.libresDdl().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(new LibresMigration().getChecksum()).isEqualTo((int) crc.getValue()).isNotZero();
        java.util.zip.CRC32 javaCrc = new java.util.zip.CRC32();
        javaCrc.update(LibresSchema.javaDdl().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(new LibresJavaMigration().getChecksum()).isEqualTo((int) javaCrc.getValue())
                .isNotEqualTo(new LibresMigration().getChecksum());
    }

    private static boolean complete(String schema) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setSchema(schema);
            return LibresSchema.validate(connection).isComplete();
        }
    }

    private static List<String> history(String schema) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT version, type, description, success FROM " + schema
                        + "." + LibresFlyway.HISTORY_TABLE + " ORDER BY installed_rank")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3) + " "
                        + result.getBoolean(4));
            }
        }
        return rows;
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    @DisplayName("a missing data source is InvalidArgument, saying what was expected")
    void missingDataSource() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LibresFlyway.configure(null))
                .isInstanceOf(io.libres.errors.InvalidArgument.class).hasMessageContaining("expected a DataSource");
    }
}
