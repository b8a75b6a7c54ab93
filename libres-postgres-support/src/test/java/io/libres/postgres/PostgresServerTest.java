package io.libres.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@WithPostgres
@DisplayName("The PostgreSQL version check")
class PostgresServerTest {

    @Test
    @DisplayName("reads the version of a real server and accepts it")
    void readsAndAcceptsTheTestServer(TestDatabase database) throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            PostgresServer server = PostgresServer.of(connection);

            assertThat(server.majorVersion()).isGreaterThanOrEqualTo(PostgresServer.MINIMUM_MAJOR_VERSION);
            assertThat(server.version()).startsWith(Integer.toString(server.majorVersion()));
            assertThat(server.requireSupported()).isSameAs(server);
        }
    }

    @Test
    @DisplayName("refuses PostgreSQL 12, naming the version found and the one needed")
    void refusesOlderServers() {
        PostgresServer old = new PostgresServer(120_017, "12.17");

        assertThat(old.majorVersion()).isEqualTo(12);
        assertThatThrownBy(old::requireSupported)
                .isInstanceOf(UnsupportedPostgresVersion.class)
                .hasMessageContaining("12.17")
                .hasMessageContaining("PostgreSQL 13 or newer");
    }

    @Test
    @DisplayName("accepts PostgreSQL 13.0, the oldest supported release")
    void acceptsTheMinimum() {
        assertThat(new PostgresServer(130_000, "13.0").requireSupported().majorVersion()).isEqualTo(13);
    }
}
