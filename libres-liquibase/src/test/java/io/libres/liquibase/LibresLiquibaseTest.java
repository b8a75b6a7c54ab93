package io.libres.liquibase;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@WithPostgres
@DisplayName("The Liquibase changelog")
class LibresLiquibaseTest {

    private static TestDatabase database;

    @BeforeAll
    static void useTestDatabase(TestDatabase testDatabase) {
        database = testDatabase;
    }

    private static DataSource in(String schema) {
        return new UrlDataSource(database.jdbcUrl(), database.user(), database.password(), schema);
    }

    @Test
    @DisplayName("creates the whole schema in an empty schema, and the schema check passes; a second run does nothing")
    void fromEmpty() throws Exception {
        execute("DROP SCHEMA IF EXISTS lb_empty CASCADE; CREATE SCHEMA lb_empty");

        LibresLiquibase.update(in("lb_empty"));
        LibresLiquibase.update(in("lb_empty"));

        assertThat(complete("lb_empty")).isTrue();
        assertThat(changelog("lb_empty")).containsExactly("libres-1.2-schema libres EXECUTED",
                "libres-java-tables libres EXECUTED");
    }

    @Test
    @DisplayName("marks libres 1.2's changeset as run on a database libres 1.2 made, and adds libres for Java's tables only")
    void marksLibres12AsRun() throws Exception {
        execute("DROP SCHEMA IF EXISTS lb_py CASCADE; CREATE SCHEMA lb_py; SET search_path TO lb_py; "
                + Files.readString(Path.of("../libres-postgres-support/src/test/resources/io/libres/postgres/"
                        + "libres-1.2-reference-schema.sql")).replace("public.", "lb_py."));

        LibresLiquibase.update(in("lb_py"));

        assertThat(changelog("lb_py")).containsExactly("libres-1.2-schema libres MARK_RAN",
                "libres-java-tables libres EXECUTED");
        assertThat(complete("lb_py")).isTrue();
    }

    @Test
    @DisplayName("completes a schema that lacks part of libres' objects")
    void completesAPartialSchema() throws Exception {
        execute("DROP SCHEMA IF EXISTS lb_part CASCADE; CREATE SCHEMA lb_part");
        try (Connection connection = in("lb_part").getConnection()) {
            LibresSchema.create(connection);
        }
        execute("DROP INDEX lb_part.ix_reservations_token");
        assertThat(complete("lb_part")).isFalse();

        LibresLiquibase.update(in("lb_part"));

        assertThat(changelog("lb_part")).containsExactly("libres-1.2-schema libres EXECUTED",
                "libres-java-tables libres EXECUTED");
        assertThat(complete("lb_part")).isTrue();
    }

    private static boolean complete(String schema) throws Exception {
        try (Connection connection = in(schema).getConnection()) {
            return LibresSchema.validate(connection).isComplete();
        }
    }

    private static List<String> changelog(String schema) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = in(schema).getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id, author, exectype FROM " + schema
                        + ".databasechangelog ORDER BY orderexecuted")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3));
            }
        }
        return rows;
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    @DisplayName("a missing data source is InvalidArgument, saying what was expected")
    void missingDataSource() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LibresLiquibase.update(null))
                .isInstanceOf(io.libres.errors.InvalidArgument.class).hasMessageContaining("expected a DataSource");
    }
}
