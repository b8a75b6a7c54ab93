package io.libres.testkit.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.testkit.postgres.PostgresSource;
import io.libres.testkit.postgres.TestDatabase;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Without a Docker engine")
class DockerAbsentFallbackTest {

    private static final String NO_SOCKET = "unix:///nonexistent/libres/docker.sock";

    @Test
    @DisplayName("the probe reports that nothing answers at a DOCKER_HOST socket that does not exist")
    void probeFindsNoSocket() {
        DockerProbe.Result result = new DockerProbe(Settings.of(Map.of("DOCKER_HOST", NO_SOCKET))).probe();

        assertThat(result.answered()).isFalse();
        assertThat(result.detail()).contains("/nonexistent/libres/docker.sock").contains("no such socket");
    }

    @Test
    @DisplayName("the probe reports that nothing answers on a TCP DOCKER_HOST with no listener")
    void probeFindsNoListener() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DockerProbe.Result result =
                new DockerProbe(Settings.of(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + closedPort))).probe();

        assertThat(result.answered()).isFalse();
        assertThat(result.detail()).contains("tcp://127.0.0.1:" + closedPort);
    }

    @Test
    @DisplayName("the probe tells a socket that is not Docker's from an engine")
    void probeIgnoresAFileThatIsNoSocket(@TempDir Path home) throws Exception {
        Path notASocket = Files.createFile(home.resolve("docker.sock"));
        DockerProbe.Result result =
                new DockerProbe(Settings.of(Map.of("DOCKER_HOST", "unix://" + notASocket))).probe();

        assertThat(result.answered()).isFalse();
        assertThat(result.detail()).contains(notASocket.toString());
    }

    @Test
    @DisplayName("LIBRES_TEST_DOCKER=false skips Testcontainers without probing")
    void dockerCanBeSwitchedOff() {
        assertThat(new DockerStrategy().skipReason(Settings.of(Map.of(Settings.DOCKER_ENABLED, "false"))))
                .contains("LIBRES_TEST_DOCKER=false");
    }

    @Test
    @DisplayName("the provisioner skips Testcontainers and starts embedded PostgreSQL, never as root")
    void fallsBackToEmbedded() throws Exception {
        List<String> announcements = new ArrayList<>();
        Settings settings = Settings.of(Map.of("DOCKER_HOST", NO_SOCKET));
        ProvisionedServer server = new PostgresProvisioner(settings,
                List.of(new ExternalServerStrategy(), new DockerStrategy(), new EmbeddedPostgresStrategy()),
                announcements::add).provision();
        try {
            assertThat(server.source()).isEqualTo(PostgresSource.EMBEDDED);
            assertThat(server.attempts()).extracting(Attempt::outcome)
                    .containsExactly(Attempt.Outcome.SKIPPED, Attempt.Outcome.SKIPPED, Attempt.Outcome.USED);
            assertThat(server.attempts().get(1).detail()).contains("no Docker engine answered", NO_SOCKET);
            assertThat(announcements).singleElement().asString()
                    .contains("embedded binaries from Maven Central")
                    .contains(server.version());
            assertThat(server.versionNumber()).isGreaterThanOrEqualTo(130000);

            TestDatabase database = server.createDatabase("fallback");
            try (var connection = database.dataSource().getConnection();
                 var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT pg_backend_pid()")) {
                result.next();
                String serverUser = ProcessHandle.of(result.getLong(1)).orElseThrow().info().user().orElseThrow();
                if ("root".equals(System.getProperty("user.name"))) {
                    assertThat(serverUser).isEqualTo("nobody");
                    assertThat(announcements.get(0)).contains("running as user nobody", "switched from root");
                } else {
                    assertThat(serverUser).isEqualTo(System.getProperty("user.name"));
                    assertThat(announcements.get(0)).contains("running as the JVM's user");
                }
            } finally {
                server.dropDatabase(database.databaseName());
            }
        } finally {
            server.stop();
        }
    }
}
