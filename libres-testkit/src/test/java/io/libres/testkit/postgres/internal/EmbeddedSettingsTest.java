package io.libres.testkit.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the embedded server's settings")
class EmbeddedSettingsTest {

    @Test
    @DisplayName("tests run without waiting for the disk; durable commits keep PostgreSQL's defaults")
    void durableCommitsKeepTheDefaults() {
        assertThat(EmbeddedServer.settings(false))
                .contains("fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=300");
        assertThat(EmbeddedServer.settings(true))
                .contains("listen_addresses=127.0.0.1", "max_connections=300")
                .noneMatch(setting -> setting.startsWith("fsync") || setting.startsWith("synchronous_commit")
                        || setting.startsWith("full_page_writes"));
    }
}
