package io.libres.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import io.libres.context.Context;
import io.libres.db.Scheduler;
import io.libres.jdbi.JdbiStorage;
import io.libres.json.gson.GsonJsonCodec;
import io.libres.json.jackson.JacksonJsonCodec;
import io.libres.json.jackson3.Jackson3JsonCodec;
import io.libres.jooq.JooqStorage;
import io.libres.micrometer.LibresMetrics;
import io.libres.spi.JsonCodec;
import io.libres.spi.Ports;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.testkit.memory.InMemoryStorage;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@WithPostgres
@DisplayName("The libres auto-configuration")
class LibresAutoConfigurationTest {

    private static DataSource dataSource;

    @BeforeAll
    static void useTestDatabase(TestDatabase database) {
        dataSource = database.dataSource();
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LibresAutoConfiguration.class));

    @Test
    @DisplayName("builds the JDBI storage on the application's DataSource and a Context from libres.* properties")
    void jdbiOnTheDataSource() {
        UUID namespace = UUID.randomUUID();
        runner.withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("libres.context-name=shop", "libres.uuid-namespace=" + namespace,
                        "libres.zone=Europe/Zurich", "libres.setup-database=true")
                .run(app -> {
                    assertThat(app).hasNotFailed();
                    Context context = app.getBean(Context.class);
                    Schedulers schedulers = app.getBean(Schedulers.class);
                    Scheduler room = schedulers.get("room");
                    assertThat(app.getBean(Storage.class)).isInstanceOf(JdbiStorage.class);
                    assertThat(context.name()).isEqualTo("shop");
                    assertThat(context.getService(StoragePorts.STORAGE)).isSameAs(app.getBean(Storage.class));
                    assertThat(context.getSetting("uuid_namespace")).isEqualTo(namespace);
                    assertThat(room.context()).isSameAs(context);
                    assertThat(room.zone()).isEqualTo(ZoneId.of("Europe/Zurich"));
                    assertThat(schedulers.get("room")).isSameAs(room);
                    assertThat(room.validateSchema().isComplete()).isTrue();
                });
    }

    @Test
    @DisplayName("takes the jOOQ adapter where the application has a DSLContext, else the one libres.storage names")
    void jooqOrTheNamedOne() {
        runner.withBean(DataSource.class, () -> dataSource)
                .withBean(DSLContext.class, () -> DSL.using(dataSource, SQLDialect.POSTGRES))
                .run(app -> assertThat(app.getBean(Storage.class)).isInstanceOf(JooqStorage.class));
        runner.withBean(DataSource.class, () -> dataSource)
                .withBean(DSLContext.class, () -> DSL.using(dataSource, SQLDialect.POSTGRES))
                .withPropertyValues("libres.storage=jdbi")
                .run(app -> assertThat(app.getBean(Storage.class)).isInstanceOf(JdbiStorage.class));
        runner.withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("libres.storage=jooq")
                .run(app -> assertThat(app.getBean(Storage.class)).isInstanceOf(JooqStorage.class));
        runner.withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("libres.storage=hibernate")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .isInstanceOf(io.libres.errors.InvalidSetting.class).hasMessageContaining("expected jdbi or jooq"));
    }

    @Test
    @DisplayName("lets libres own its pool when libres.dsn is set, with the adapter libres.storage names and the libres.pool.* settings")
    void ownPoolFromDsn(TestDatabase database) {
        String url = database.jdbcUrl();
        String dsn = url + (url.contains("?") ? "&" : "?") + "user=" + database.user()
                + (database.password().isEmpty() ? "" : "&password=" + database.password());
        runner.withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("libres.dsn=" + dsn, "libres.storage=jooq", "libres.pool.size=3",
                        "libres.pool.connection-timeout=2s", "libres.pool.idle-timeout=2m")
                .run(app -> {
                    // the pool is the storage's own: a storage on the application's DataSource has none
                    Context context = app.getBean(Context.class);
                    Storage storage = context.getService(StoragePorts.STORAGE);
                    assertThat(storage).isInstanceOf(JooqStorage.class);
                    assertThat(storage.poolStatistics()).hasValueSatisfying(
                            pool -> assertThat(pool.maximumConnections()).isEqualTo(3));
                    assertThat(((JooqStorage) storage).poolConfig()).hasValueSatisfying(config -> {
                        assertThat(config.getConnectionTimeout()).isEqualTo(2_000);
                        assertThat(config.getIdleTimeout()).isEqualTo(120_000);
                    });
                    assertThat(context.getSetting(io.libres.context.Settings.POOL_SIZE)).isEqualTo(3);
                    assertThat(storage.validateSchema().schema()).isEqualTo("public");
                });
        runner.withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("libres.dsn=" + dsn, "libres.storage=jdbi", "libres.pool.size=0")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .isInstanceOf(io.libres.errors.InvalidSetting.class).hasMessageContaining("libres.pool.size is 0").hasMessageContaining("storage_pool_size"));
    }

    @Test
    @DisplayName("makes the JSON codec from the application's Jackson 3 JsonMapper, else its Jackson 2 ObjectMapper, else its Gson")
    void codecFromTheApplicationsMapper() {
        com.fasterxml.jackson.databind.ObjectMapper jackson2 = new com.fasterxml.jackson.databind.ObjectMapper();
        tools.jackson.databind.json.JsonMapper jackson3 = tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();
        Gson gson = new Gson();
        runner.withBean(DataSource.class, () -> dataSource).withBean(Gson.class, () -> gson).run(app -> {
            assertThat(app.getBean(JsonCodec.class)).isInstanceOf(GsonJsonCodec.class);
            assertThat(app.getBean(Context.class).getService(Ports.JSON)).isSameAs(app.getBean(JsonCodec.class));
        });
        runner.withBean(DataSource.class, () -> dataSource).withBean(Gson.class, () -> gson)
                .withBean(com.fasterxml.jackson.databind.ObjectMapper.class, () -> jackson2)
                .run(app -> assertThat(app.getBean(JsonCodec.class)).isInstanceOf(JacksonJsonCodec.class));
        runner.withBean(DataSource.class, () -> dataSource).withBean(Gson.class, () -> gson)
                .withBean(com.fasterxml.jackson.databind.ObjectMapper.class, () -> jackson2)
                .withBean(tools.jackson.databind.json.JsonMapper.class, () -> jackson3)
                .run(app -> {
                    JsonCodec codec = app.getBean(JsonCodec.class);
                    assertThat(codec).isInstanceOf(Jackson3JsonCodec.class);
                    // the application's mapper, not a default one: its escaping applies
                    assertThat(codec.toJson(Map.of("guest", "Zoë"))).isEqualTo("{\"guest\":\"Zo\\u00EB\"}");
                    assertThat(app.getBean(Context.class).getService(Ports.JSON)).isSameAs(codec);
                });
    }

    @Test
    @DisplayName("takes the JsonMapper Spring Boot 4's Jackson auto-configuration makes, with its spring.jackson.* settings")
    void codecFromBootsJsonMapper() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
                        LibresAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("spring.jackson.serialization.indent-output=true", "libres.setup-database=true",
                        "libres.context-name=jackson3", "libres.uuid-namespace=" + UUID.randomUUID())
                .run(app -> {
                    assertThat(app).hasNotFailed();
                    JsonCodec codec = app.getBean(JsonCodec.class);
                    assertThat(codec).isInstanceOf(Jackson3JsonCodec.class);
                    assertThat(codec.toJson(Map.of("a", 1))).isEqualTo("{\n  \"a\" : 1\n}");
                    // the data column goes through it on real PostgreSQL (JDBI storage on the DataSource)
                    assertThat(app.getBean(Storage.class)).isInstanceOf(JdbiStorage.class);
                    Scheduler room = app.getBean(Schedulers.class).get("room");
                    room.transaction(() -> room.allocate(io.libres.time.DateRange.of(
                            java.time.LocalDateTime.of(2031, 2, 3, 9, 0), java.time.LocalDateTime.of(2031, 2, 3, 10, 0)),
                            io.libres.db.AllocateOptions.builder().data(Map.of("floor", 3, "wing", "é")).build()));
                    assertThat(room.managedAllocations().one().data()).isEqualTo(Map.of("floor", 3, "wing", "é"));
                });
    }

    @Test
    @DisplayName("without any mapper bean leaves the codec to discovery, which prefers Jackson 3")
    void codecDiscoveredWithoutBeans() {
        runner.withBean(Storage.class, InMemoryStorage::create).run(app -> {
            assertThat(app.getBeanProvider(JsonCodec.class).getIfAvailable()).isNull();
            assertThat(app.getBean(Context.class).getService(Ports.JSON)).isInstanceOf(Jackson3JsonCodec.class);
        });
    }

    @Test
    @DisplayName("backs off for the application's own storage, and reports the schema in its health")
    void ownStorageAndHealth() {
        InMemoryStorage memory = InMemoryStorage.create();
        runner.withBean(Storage.class, () -> memory).run(app -> {
            assertThat(app.getBean(Storage.class)).isSameAs(memory);
            Health health = app.getBean(LibresHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    @DisplayName("is down, naming what is missing, on a database without the libres tables")
    void healthDown(TestDatabase database) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS empty_schema CASCADE; CREATE SCHEMA empty_schema");
        }
        org.postgresql.ds.PGSimpleDataSource empty = new org.postgresql.ds.PGSimpleDataSource();
        empty.setUrl(database.jdbcUrl());
        empty.setUser(database.user());
        empty.setPassword(database.password());
        empty.setCurrentSchema("empty_schema");
        runner.withBean(DataSource.class, () -> empty).run(app -> {
            Health health = app.getBean(LibresHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("schema", "empty_schema");
            assertThat(health.getDetails().get("problems")).asString().contains("table allocations is missing");
        });
    }

    @Test
    @DisplayName("is down, naming the cause and never the password, when the database cannot be reached")
    void healthDownWhenUnreachable() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:" + port + "/libres");
        nowhere.setUser("libres");
        nowhere.setPassword("s3cret-Pa55");
        runner.withBean(DataSource.class, () -> nowhere).run(app -> {
            assertThat(app).hasNotFailed();
            Health health = app.getBean(LibresHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("error")).asString()
                    .contains(io.libres.errors.DatabaseUnreachable.class.getName())
                    .doesNotContain("s3cret-Pa55");
        });
    }

    @Test
    @DisplayName("gauges the pool libres owns (libres.dsn) through the LibresMetrics bean: its size, and a connection busy while a scope is open")
    void poolGaugesOfTheOwnedPool(TestDatabase database) {
        String url = database.jdbcUrl();
        String dsn = url + (url.contains("?") ? "&" : "?") + "user=" + database.user()
                + (database.password().isEmpty() ? "" : "&password=" + database.password());
        for (String adapter : java.util.List.of("jdbi", "jooq")) {
            runner.withPropertyValues("libres.dsn=" + dsn, "libres.storage=" + adapter, "libres.pool.size=3",
                            "libres.context-name=pooled-" + adapter, "libres.setup-database=true")
                    .run(app -> {
                        assertThat(app).hasNotFailed();
                        SimpleMeterRegistry registry = new SimpleMeterRegistry();
                        app.getBean(LibresMetrics.class).bindTo(registry);
                        Scheduler room = app.getBean(Schedulers.class).get("room");
                        double busy;
                        try (io.libres.db.Work work = room.begin()) {
                            room.allocate(io.libres.time.DateRange.of(java.time.LocalDateTime.of(2031, 4, 1, 9, 0),
                                    java.time.LocalDateTime.of(2031, 4, 1, 10, 0)));
                            busy = registry.get(LibresMetrics.POOL)
                                    .tags("context", "pooled-" + adapter, "state", "active").gauge().value();
                        }
                        assertThat(busy).as(adapter).isEqualTo(1);
                        assertThat(registry.get(LibresMetrics.POOL).tags("state", "active").gauge().value())
                                .as(adapter).isZero();
                        assertThat(registry.get(LibresMetrics.POOL_MAX).gauge().value()).as(adapter).isEqualTo(3);
                    });
        }
    }

    @Test
    @DisplayName("offers LibresMetrics for Boot to bind to its registries")
    void metrics() {
        runner.withBean(Storage.class, InMemoryStorage::create).run(app -> {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            app.getBean(LibresMetrics.class).bindTo(registry);
            Scheduler room = app.getBean(Schedulers.class).get("room");
            room.allocate(io.libres.time.DateRange.of(java.time.LocalDateTime.of(2031, 1, 6, 9, 0),
                    java.time.LocalDateTime.of(2031, 1, 6, 10, 0)));
            room.commit();
            assertThat(registry.get(LibresMetrics.OPERATIONS).tags("context", "libres", "scheduler", "room",
                    "operation", "allocate").timer().count()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("ships configuration metadata, so IDEs complete the libres.* properties")
    void configurationMetadata() throws Exception {
        String metadata;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String property : Map.of("libres.context-name", 1, "libres.uuid-namespace", 2, "libres.storage", 3,
                "libres.zone", 4, "libres.setup-database", 5, "libres.dsn", 6, "libres.pool.size", 7,
                "libres.pool.connection-timeout", 8, "libres.pool.idle-timeout", 9).keySet()) {
            assertThat(metadata).contains("\"name\": \"" + property + "\"");
        }
        assertThat(metadata).contains("\"defaultValue\": \"libres\"");
        // values and defaults the processor cannot see, from additional-spring-configuration-metadata.json
        assertThat(metadata).contains("\"value\": \"jdbi\"").contains("\"value\": \"jooq\"")
                .contains("\"defaultValue\": 10").contains("\"defaultValue\": \"30s\"").contains("\"defaultValue\": \"10m\"");
    }
}
