package io.libres.testkit.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Settings, JDBC URLs and the process user")
class SupportTest {

    @Test
    @DisplayName("a system property wins over the environment, and blank values count as unset")
    void systemPropertyWins() {
        String name = "LIBRES_TEST_SETTINGS_PROBE_" + System.nanoTime();
        System.setProperty(name, "from-property");
        try {
            assertThat(Settings.fromSystem().get(name)).contains("from-property");
            System.setProperty(name, "   ");
            assertThat(Settings.fromSystem().get(name)).isEmpty();
        } finally {
            System.clearProperty(name);
        }
        assertThat(Settings.fromSystem().get("PATH")).contains(System.getenv("PATH").trim());
    }

    @Test
    @DisplayName("a URL is pointed at another database with its hosts and parameters kept")
    void rewritesUrls() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/postgres?ssl=true&user=a", "libres_test_x"))
                .isEqualTo("jdbc:postgresql://db:5432/libres_test_x?ssl=true&user=a");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h1:1,h2:2", "d")).isEqualTo("jdbc:postgresql://h1:1,h2:2/d");
        assertThat(JdbcUrls.isSupported("jdbc:postgresql:libres")).isFalse();
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://db/x", "d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://db/x");
    }

    @Test
    @DisplayName("a password in a URL is masked for the log")
    void masksPasswords() {
        assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://db/x?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=a&password=***&ssl=true");
    }

    @Test
    @DisplayName("as root, PostgreSQL runs as an unprivileged user; otherwise as the JVM's user")
    void choosesTheProcessUser() throws Exception {
        ProcessUser user = ProcessUser.forThisJvm(Settings.of(Map.of()));
        boolean root = "root".equals(System.getProperty("user.name"));

        if (root) {
            assertThat(user.description()).startsWith("user nobody (uid ").containsPattern("setpriv|runuser");
            assertThat(user.command(List.of("initdb"))).hasSizeGreaterThan(1).endsWith("initdb");
        } else {
            assertThat(user.description()).startsWith("the JVM's user");
            assertThat(user.command(List.of("initdb"))).containsExactly("initdb");
        }
    }

    @Test
    @DisplayName("as root, an unknown user to switch to is reported with the setting to change")
    void reportsAnUnknownUser() throws Exception {
        Settings settings = Settings.of(Map.of(Settings.EMBEDDED_OS_USER, "no_such_user_libres"));
        if ("root".equals(System.getProperty("user.name"))) {
            assertThatThrownBy(() -> ProcessUser.forThisJvm(settings))
                    .hasMessageContaining("no_such_user_libres")
                    .hasMessageContaining(Settings.EMBEDDED_OS_USER);
        } else {
            assertThat(ProcessUser.forThisJvm(settings).description()).startsWith("the JVM's user");
        }
    }

    @Test
    @DisplayName("as root, a directory the server's user cannot reach is reported with the setting to change")
    void reportsAnUnreachableDirectory(@TempDir Path temp) throws Exception {
        Path closed = Files.createDirectory(temp.resolve("closed"));
        Files.setPosixFilePermissions(closed,
                PosixFilePermissions.fromString("rwx------"));
        Path inside = Files.createDirectory(closed.resolve("postgres"));
        ProcessUser user = ProcessUser.forThisJvm(Settings.of(Map.of()));

        if ("root".equals(System.getProperty("user.name"))) {
            assertThatThrownBy(() -> user.checkReachable(inside))
                    .hasMessageContaining(closed + " is closed to other users")
                    .hasMessageContaining(Settings.EMBEDDED_DIRECTORY);
        } else {
            user.checkReachable(inside);
            assertThat(inside).isDirectory();
        }
    }
}
