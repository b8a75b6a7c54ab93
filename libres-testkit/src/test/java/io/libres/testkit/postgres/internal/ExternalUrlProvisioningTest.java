package io.libres.testkit.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.testkit.postgres.PostgresServer;
import io.libres.testkit.postgres.PostgresSource;
import io.libres.testkit.postgres.PostgresUnavailableException;
import io.libres.testkit.postgres.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@DisplayName("Provisioning from LIBRES_TEST_JDBC_URL")
class ExternalUrlProvisioningTest {

    private static PostgresServer shared;
    private static TestDatabase credentials;

    @BeforeAll
    static void startTheSharedServer() {
        shared = PostgresServer.shared();
        credentials = shared.createDatabase("credentials");
    }

    @AfterAll
    static void dropCredentialsDatabase() {
        shared.dropDatabase(credentials);
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    @DisplayName("uses the server a LIBRES_TEST_JDBC_URL system property names, and says so")
    void usesTheUrlFromASystemProperty() throws Exception {
        List<String> announcements = new CopyOnWriteArrayList<>();
        Map<String, String> previous = setProperties(Map.of(
                Settings.JDBC_URL, shared.maintenanceJdbcUrl(),
                Settings.JDBC_USER, credentials.user(),
                Settings.JDBC_PASSWORD, credentials.password()));
        ProvisionedServer server;
        try {
            server = standardStrategies(Settings.fromSystem(), announcements).provision();
        } finally {
            restoreProperties(previous);
        }
        try {
            assertThat(server.source()).isEqualTo(PostgresSource.EXTERNAL_URL);
            assertThat(server.attempts()).hasSize(1);
            assertThat(server.attempts().get(0).outcome()).isEqualTo(Attempt.Outcome.USED);
            assertThat(announcements).singleElement().asString()
                    .contains("LIBRES_TEST_JDBC_URL=" + JdbcUrls.withoutPassword(shared.maintenanceJdbcUrl()))
                    .contains(server.version())
                    .contains(shared.version());

            TestDatabase database = server.createDatabase("external");
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT current_database()")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo(database.databaseName());
                assertThat(database.source()).isEqualTo(PostgresSource.EXTERNAL_URL);
            } finally {
                server.dropDatabase(database.databaseName());
            }
        } finally {
            server.stop();
        }
        TestDatabase afterwards = shared.createDatabase("still_running");
        shared.dropDatabase(afterwards);
        assertThat(afterwards.databaseName()).startsWith("libres_test_still_running_");
    }

    @Test
    @DisplayName("takes the user and password from the URL when no separate setting names them")
    void readsCredentialsFromTheUrl() {
        String url = shared.maintenanceJdbcUrl() + (shared.maintenanceJdbcUrl().contains("?") ? "&" : "?")
                + "user=" + credentials.user() + "&password=" + credentials.password();
        ProvisionedServer server = standardStrategies(Settings.of(Map.of(Settings.JDBC_URL, url)), new ArrayList<>())
                .provision();
        try {
            assertThat(server.source()).isEqualTo(PostgresSource.EXTERNAL_URL);
            assertThat(server.createDatabase("url_credentials").user()).isEqualTo(credentials.user());
        } finally {
            server.stop();
        }
    }

    @Test
    @DisplayName("fails without trying Docker or embedded when the named server cannot be reached")
    void anUnreachableUrlIsFinal() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Settings settings = Settings.of(Map.of(Settings.JDBC_URL,
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres?user=nobody&password=hidden"));

        assertThatThrownBy(() -> standardStrategies(settings, new ArrayList<>()).provision())
                .isInstanceOfSatisfying(PostgresUnavailableException.class, e -> {
                    assertThat(e.attempts()).singleElement().asString().startsWith("LIBRES_TEST_JDBC_URL: failed: ");
                    assertThat(e.getSuppressed()).hasSize(1);
                })
                .hasMessageContaining("Tried, in this order")
                .hasMessageContaining("Set LIBRES_TEST_JDBC_URL");
    }

    @Test
    @DisplayName("rejects a URL that does not name host and database, saying what it expects")
    void rejectsAnUnsupportedUrl() {
        Settings settings = Settings.of(Map.of(Settings.JDBC_URL, "jdbc:postgresql:libres"));

        assertThatThrownBy(() -> standardStrategies(settings, new ArrayList<>()).provision())
                .isInstanceOf(PostgresUnavailableException.class)
                .hasMessageContaining("must look like jdbc:postgresql://host:port/database")
                .hasMessageContaining("jdbc:postgresql:libres");
    }

    @Test
    @DisplayName("asks for a user when neither the URL nor LIBRES_TEST_JDBC_USER gives one")
    void requiresAUser() {
        Settings settings = Settings.of(Map.of(Settings.JDBC_URL, "jdbc:postgresql://127.0.0.1:5432/postgres"));

        assertThatThrownBy(() -> standardStrategies(settings, new ArrayList<>()).provision())
                .isInstanceOf(PostgresUnavailableException.class)
                .hasMessageContaining("no user for jdbc:postgresql://127.0.0.1:5432/postgres")
                .hasMessageContaining(Settings.JDBC_USER);
    }

    private static PostgresProvisioner standardStrategies(Settings settings, List<String> announcements) {
        return new PostgresProvisioner(settings,
                List.of(new ExternalServerStrategy(), new DockerStrategy(), new EmbeddedPostgresStrategy()),
                announcements::add);
    }

    private static Map<String, String> setProperties(Map<String, String> values) {
        Map<String, String> previous = new java.util.HashMap<>();
        values.forEach((name, value) -> {
            previous.put(name, System.getProperty(name));
            System.setProperty(name, value);
        });
        return previous;
    }

    private static void restoreProperties(Map<String, String> previous) {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }
}
