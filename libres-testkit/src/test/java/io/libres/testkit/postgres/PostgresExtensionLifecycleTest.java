package io.libres.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

@DisplayName("The extension's lifecycle")
class PostgresExtensionLifecycleTest {

    static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    @Test
    @DisplayName("drops every database it created once its class or test has ended")
    void dropsDatabasesAfterwards() throws Exception {
        CREATED.clear();

        EngineExecutionResults results = run(PerClassSample.class, PerTestSample.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        assertThat(CREATED).hasSize(3);
        assertThat(databasesOnServer()).doesNotContainAnyElementsOf(CREATED);
    }

    @Test
    @DisplayName("explains that a per-test database cannot be injected into @BeforeAll")
    void perTestHasNoClassDatabase() {
        EngineExecutionResults results = run(PerTestInBeforeAllSample.class);

        results.containerEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(results.containerEvents().failed().stream()
                .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
                .map(result -> result.getThrowable().orElseThrow().getMessage()))
                .singleElement().asString()
                .contains("Isolation.PER_TEST")
                .contains("@BeforeAll")
                .contains("Isolation.PER_CLASS");
    }

    private static EngineExecutionResults run(Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(java.util.Arrays.stream(classes).map(c -> selectClass(c))
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    private static List<String> databasesOnServer() throws Exception {
        TestDatabase probe = PostgresServer.shared().createDatabase("lister");
        try {
            DataSource dataSource = probe.dataSource();
            String names = Sql.single(dataSource, "SELECT string_agg(datname, ',') FROM pg_database");
            return List.of(names.split(","));
        } finally {
            PostgresServer.shared().dropDatabase(probe);
        }
    }

    @WithPostgres
    static class PerClassSample {

        TestDatabase database;

        @Test
        void first() {
            CREATED.add(database.databaseName());
        }

        @Test
        void second() {
            CREATED.add(database.databaseName());
        }
    }

    @WithPostgres(isolation = Isolation.PER_TEST)
    static class PerTestSample {

        @BeforeEach
        void remember(TestDatabase database) {
            CREATED.add(database.databaseName());
        }

        @Test
        void first() {
            assertThat(CREATED).isNotEmpty();
        }

        @Test
        void second() {
            assertThat(CREATED).isNotEmpty();
        }
    }

    @WithPostgres(isolation = Isolation.PER_TEST)
    static class PerTestInBeforeAllSample {

        @BeforeAll
        static void wantsADatabase(DataSource dataSource) {
            CREATED.add("never");
        }

        @Test
        void neverRuns() {
            CREATED.add("never");
        }
    }
}
