package io.libres.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The shared PostgreSQL server")
class PostgresServerTest {

    private final PostgresServer server = PostgresServer.shared();

    @Test
    @DisplayName("is one server per JVM, at least PostgreSQL 13, and says where it comes from")
    void isSharedAndAnnounced() {
        assertThat(PostgresServer.shared().maintenanceJdbcUrl()).isEqualTo(server.maintenanceJdbcUrl());
        assertThat(server.versionNumber()).isGreaterThanOrEqualTo(130000);
        assertThat(server.version()).startsWith("PostgreSQL ");
        assertThat(server.announcement())
                .contains(server.source().description())
                .contains(server.version());
    }

    @Test
    @DisplayName("hands out databases that really differ: rows in one are not in the other")
    void databasesAreSeparate() throws Exception {
        TestDatabase first = server.createDatabase("first");
        TestDatabase second = server.createDatabase("second");
        try {
            DataSource firstData = first.dataSource();
            DataSource secondData = second.dataSource();
            assertThat(first.databaseName()).isNotEqualTo(second.databaseName());
            assertThat(Sql.single(firstData, "SELECT current_database()")).isEqualTo(first.databaseName());
            assertThat(Sql.single(secondData, "SELECT current_database()")).isEqualTo(second.databaseName());

            Sql.execute(firstData, "CREATE TABLE booking (id int PRIMARY KEY)");
            Sql.execute(firstData, "INSERT INTO booking VALUES (1)");

            assertThat(Sql.single(firstData, "SELECT count(*) FROM booking")).isEqualTo("1");
            assertThat(Sql.tableExists(secondData, "booking")).isFalse();
        } finally {
            server.dropDatabase(first);
            server.dropDatabase(second);
        }
    }

    @Test
    @DisplayName("drops a database even while a session is still open on it")
    void dropsDatabases() throws Exception {
        TestDatabase database = server.createDatabase("dropped");
        try (var openSession = database.dataSource().getConnection()) {
            server.dropDatabase(database);
            DataSource maintenance = new TestDatabase(database.source(), server.maintenanceJdbcUrl(), database.user(),
                    database.password(), "maintenance", database.serverVersion(), database.serverVersionNumber())
                    .dataSource();
            assertThat(Sql.single(maintenance, "SELECT count(*) FROM pg_database WHERE datname = '"
                    + database.databaseName() + "'")).isEqualTo("0");
            assertThat(openSession.isValid(2)).isFalse();
        }
    }

    @Test
    @DisplayName("refuses to drop a database it did not create")
    void refusesForeignDatabases() {
        TestDatabase foreign = new TestDatabase(server.source(), server.maintenanceJdbcUrl(), "postgres", "",
                "postgres", "18", 180000);

        assertThatThrownBy(() -> server.dropDatabase(foreign))
                .isInstanceOf(TestDatabaseException.class)
                .hasMessageContaining("not a database this kit created")
                .hasMessageContaining("'postgres'");
    }

    @Test
    @DisplayName("rejects a database description with a missing part, naming the part")
    void rejectsMissingParts() {
        assertThatThrownBy(() -> new TestDatabase(PostgresSource.EMBEDDED, "jdbc:postgresql://db/x", "app", null,
                "libres_test_x", "18.2", 180002))
                .isInstanceOf(TestDatabaseException.class)
                .hasMessageContaining("needs a password, but it was null");
    }

    @Test
    @DisplayName("keeps the password out of a database's description")
    void hidesPassword() {
        TestDatabase database = new TestDatabase(PostgresSource.EXTERNAL_URL, "jdbc:postgresql://db:5432/x", "app",
                "s3cret", "libres_test_x", "18.2", 180002);

        assertThat(database.toString()).contains("libres_test_x", "app").doesNotContain("s3cret");
    }
}
