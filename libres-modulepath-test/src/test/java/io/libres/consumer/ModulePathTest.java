package io.libres.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.db.Scheduler;
import io.libres.testkit.postgres.PostgresServer;
import io.libres.testkit.postgres.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A consumer on the module path")
class ModulePathTest {

    @Test
    @DisplayName("runs as a named module, with libres' modules named and only their API and SPI exported")
    void namedModules() {
        Module core = Scheduler.class.getModule();

        assertThat(ModulePathTest.class.getModule().getName()).isEqualTo("io.libres.consumer");
        assertThat(core.getName()).isEqualTo("io.libres.core");
        assertThat(core.getDescriptor().isAutomatic()).isFalse();
        assertThat(core.isExported("io.libres.db")).isTrue();
        assertThat(core.isExported("io.libres.spi")).isTrue();
        assertThat(core.isExported("io.libres.db.internal")).isFalse();
        assertThat(core.isExported("io.libres.context.internal")).isFalse();
        assertThat(core.getDescriptor().uses()).contains("io.libres.spi.StorageProvider", "io.libres.spi.JsonCodecProvider");
        assertThat(io.libres.jdbi.JdbiStorage.class.getModule().getDescriptor().provides())
                .anySatisfy(p -> assertThat(p.service()).isEqualTo("io.libres.spi.StorageProvider"));
    }

    @Test
    @DisplayName("books on a real PostgreSQL through the storage and codec the modules provide")
    void booksThroughProvidedServices() {
        TestDatabase database = PostgresServer.shared().createDatabase("modular");
        try {
            String url = database.jdbcUrl();
            String dsn = url + (url.contains("?") ? "&" : "?") + "user=" + database.user()
                    + (database.password().isEmpty() ? "" : "&password=" + database.password());

            assertThat(Booking.bookOneHour(dsn))
                    .containsExactly("io.libres.core", "io.libres.jdbi", "io.libres.json.jackson", "1");
        } finally {
            PostgresServer.shared().dropDatabase(database);
        }
    }

    @Test
    @DisplayName("runs the Spring Boot starter as a named module: its auto-configuration books through the JDBI adapter")
    void starterOnTheModulePath() {
        Module starter = io.libres.spring.boot.LibresAutoConfiguration.class.getModule();
        assertThat(starter.getName()).isEqualTo("io.libres.spring.boot");
        assertThat(starter.getDescriptor().isAutomatic()).isFalse();
        assertThat(starter.isExported("io.libres.spring.boot")).isTrue();

        TestDatabase database = PostgresServer.shared().createDatabase("modular-spring");
        try {
            assertThat(SpringBooking.bookOneHour(database.dataSource()))
                    .containsExactly("io.libres.spring.boot", "io.libres.jdbi", "1");
        } finally {
            PostgresServer.shared().dropDatabase(database);
        }
    }
}
