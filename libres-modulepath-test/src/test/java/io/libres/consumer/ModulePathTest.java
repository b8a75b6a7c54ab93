package io.libres.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.db.Scheduler;
import io.libres.testkit.postgres.PostgresServer;
import io.libres.testkit.postgres.TestDatabase;
import java.util.List;
import java.util.Map;
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

    @Test
    @DisplayName("finds every published libres jar named, none automatic, with their providers declared")
    void everyPublishedModuleNamed() {
        Map<String, Module> modules = Map.of(
                "io.libres.postgres", io.libres.postgres.LibresSchema.class.getModule(),
                "io.libres.jooq", io.libres.jooq.JooqStorage.class.getModule(),
                "io.libres.json.jackson", io.libres.json.jackson.JacksonJsonCodec.class.getModule(),
                "io.libres.json.jackson3", io.libres.json.jackson3.Jackson3JsonCodec.class.getModule(),
                "io.libres.json.gson", io.libres.json.gson.GsonJsonCodec.class.getModule(),
                "io.libres.flyway", io.libres.flyway.LibresFlyway.class.getModule(),
                "io.libres.liquibase", io.libres.liquibase.LibresLiquibase.class.getModule(),
                "io.libres.micrometer", io.libres.micrometer.LibresMetrics.class.getModule());
        modules.forEach((name, module) -> {
            assertThat(module.getName()).isEqualTo(name);
            assertThat(module.getDescriptor().isAutomatic()).as(name).isFalse();
            assertThat(module.getDescriptor().exports()).as(name)
                    .noneSatisfy(e -> assertThat(e.source()).endsWith(".internal"));
        });
        assertThat(modules.get("io.libres.jooq").getDescriptor().provides())
                .anySatisfy(p -> assertThat(p.service()).isEqualTo("io.libres.spi.StorageProvider"));
        for (String json : List.of("io.libres.json.jackson", "io.libres.json.jackson3", "io.libres.json.gson")) {
            assertThat(modules.get(json).getDescriptor().provides()).as(json)
                    .anySatisfy(p -> assertThat(p.service()).isEqualTo("io.libres.spi.JsonCodecProvider"));
        }
    }

    @Test
    @DisplayName("loads the three JSON codecs from their modules' provides, each writing and reading JSON back")
    void jsonCodecsProvided() {
        assertThat(EveryModule.jsonCodecs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "gson", "io.libres.json.gson true",
                "jackson", "io.libres.json.jackson true",
                "jackson3", "io.libres.json.jackson3 true"));
    }

    @Test
    @DisplayName("creates the schema with Flyway, books through jOOQ and Gson, and Micrometer counts it, on real PostgreSQL")
    void flywayJooqGsonMicrometer() {
        TestDatabase database = PostgresServer.shared().createDatabase("modular-flyway");
        try {
            assertThat(EveryModule.flywayJooqGsonMicrometer(database.dataSource(), dsn(database)))
                    .containsExactly("io.libres.jooq", "io.libres.json.gson", "true", "true", "1");
        } finally {
            PostgresServer.shared().dropDatabase(database);
        }
    }

    @Test
    @DisplayName("creates the schema with Liquibase, checks it, books through JDBI and Jackson 3, on real PostgreSQL")
    void liquibaseJdbiJackson3() throws Exception {
        TestDatabase database = PostgresServer.shared().createDatabase("modular-liquibase");
        try {
            assertThat(EveryModule.liquibaseJdbiJackson3(database.dataSource(), dsn(database)))
                    .containsExactly("true", "io.libres.jdbi", "io.libres.json.jackson3", "true");
        } finally {
            PostgresServer.shared().dropDatabase(database);
        }
    }

    private static String dsn(TestDatabase database) {
        String url = database.jdbcUrl();
        return url + (url.contains("?") ? "&" : "?") + "user=" + database.user()
                + (database.password().isEmpty() ? "" : "&password=" + database.password());
    }
}
