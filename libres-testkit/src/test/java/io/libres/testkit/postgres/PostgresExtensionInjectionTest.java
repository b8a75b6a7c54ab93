package io.libres.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@WithPostgres
@DisplayName("@WithPostgres with the default isolation, one database per class")
class PostgresExtensionInjectionTest {

    static TestDatabase classDatabase;

    DataSource dataSource;
    TestDatabase database;

    @BeforeAll
    static void createSchema(DataSource dataSource) throws Exception {
        Sql.execute(dataSource, "CREATE TABLE guest (name text)");
        Sql.execute(dataSource, "INSERT INTO guest VALUES ('Ada')");
    }

    @Test
    @DisplayName("injects a working DataSource into fields, on a server of version 13 or newer")
    void injectsFields() throws Exception {
        assertThat(Sql.single(dataSource, "SELECT 1")).isEqualTo("1");
        assertThat(Integer.parseInt(Sql.single(dataSource, "SHOW server_version_num")))
                .isGreaterThanOrEqualTo(130000)
                .isEqualTo(database.serverVersionNumber());
        assertThat(Sql.single(dataSource, "SELECT current_database()")).isEqualTo(database.databaseName());
    }

    @Test
    @DisplayName("injects the same class database into parameters, static fields and instance fields")
    void injectsParameters(DataSource parameterDataSource, TestDatabase parameterDatabase) throws Exception {
        assertThat(parameterDatabase).isEqualTo(database).isEqualTo(classDatabase);
        assertThat(Sql.single(parameterDataSource, "SELECT name FROM guest")).isEqualTo("Ada");
    }

    @Test
    @DisplayName("describes the database: URL, user, name and version")
    void describesDatabase() throws Exception {
        assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://").contains("/" + database.databaseName());
        assertThat(database.databaseName()).startsWith("libres_test_");
        assertThat(Sql.single(dataSource, "SELECT current_user")).isEqualTo(database.user());
        assertThat(Sql.single(dataSource, "SHOW server_version")).isEqualTo(database.serverVersion());
        assertThat(database.source()).isEqualTo(PostgresServer.shared().source());
    }

    @Nested
    @DisplayName("a nested class")
    class NestedClass {

        DataSource nestedDataSource;

        @Test
        @DisplayName("shares the database of its enclosing class")
        void sharesEnclosingDatabase(TestDatabase nestedDatabase) throws Exception {
            assertThat(nestedDatabase).isEqualTo(classDatabase).isEqualTo(database);
            assertThat(Sql.single(nestedDataSource, "SELECT name FROM guest")).isEqualTo("Ada");
        }
    }
}
