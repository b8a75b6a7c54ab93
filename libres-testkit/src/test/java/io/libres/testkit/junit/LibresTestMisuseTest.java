package io.libres.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.db.Scheduler;
import io.libres.testkit.memory.InMemoryStorage;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@DisplayName("@LibresTest explains what cannot work")
class LibresTestMisuseTest {

    @Test
    @DisplayName("a zone that is no zone ID")
    void badZone() {
        assertThat(failuresOf(BadZoneSample.class)).singleElement().asString()
                .contains("Mars/Olympus").contains("is not a zone ID").contains("Europe/Zurich");
    }

    @Test
    @DisplayName("a blank scheduler name")
    void blankScheduler() {
        assertThat(failuresOf(BlankSchedulerSample.class)).singleElement().asString()
                .contains("scheduler").contains("is blank");
    }

    @Test
    @DisplayName("the master context's name")
    void masterContext() {
        assertThat(failuresOf(MasterContextSample.class)).singleElement().asString()
                .contains("context = \"master\"").contains("cannot be registered");
    }

    @Test
    @DisplayName("both a storage name and a provider class")
    void storageAndProvider() {
        assertThat(failuresOf(StorageAndProviderSample.class)).singleElement().asString()
                .contains("storage = \"discovered\"").contains("ProbeStorageProvider").contains("only one");
    }

    @Test
    @DisplayName("a data source with the in-memory storage and no @WithPostgres")
    void dataSourceInMemory() {
        assertThat(failuresOf(DataSourceInMemorySample.class)).singleElement().asString()
                .contains("wants a database").contains("in-memory").contains("@WithPostgres");
    }

    @Test
    @DisplayName("the in-memory storage when the test runs on a SQL storage")
    void inMemoryOnSql() {
        assertThat(failuresOf(InMemoryOnSqlSample.class)).singleElement().asString()
                .contains("wants the in-memory storage").contains("ProbeStorageProvider");
    }

    @Test
    @DisplayName("a static field, which all tests would share")
    void staticField() {
        assertThat(failuresOf(StaticFieldSample.class)).singleElement().asString()
                .contains("static field").contains("make it an instance field");
    }

    @Test
    @DisplayName("a scheduler in @BeforeAll, before any test")
    void beforeAll() {
        assertThat(failuresOf(BeforeAllSample.class)).singleElement().asString()
                .contains("outside a test").contains("@BeforeEach");
    }

    @Test
    @DisplayName("a provider name that no provider on the class path has")
    void unknownProvider() {
        assertThat(failuresOf(UnknownProviderSample.class)).singleElement().asString()
                .contains("storage = \"nosuch\"").contains("names no storage provider").contains("found none");
    }

    @Test
    @DisplayName("a discovered storage when no adapter is on the class path")
    void nothingDiscovered() {
        assertThat(failuresOf(NothingDiscoveredSample.class)).singleElement().asString()
                .contains("storage = \"discovered\"").contains("libres-jdbi-adapter");
    }

    private static List<String> failuresOf(Class<?> sample) {
        List<String> m = Samples.failureMessages(Samples.run(sample)); System.out.println("MSG " + m); return m;
    }

    @LibresTest(zone = "Mars/Olympus")
    static class BadZoneSample {
        @Test
        void test(Scheduler scheduler) {
        }
    }

    @LibresTest(scheduler = " ")
    static class BlankSchedulerSample {
        @Test
        void test(Scheduler scheduler) {
        }
    }

    @LibresTest(context = "master")
    static class MasterContextSample {
        @Test
        void test(Scheduler scheduler) {
        }
    }

    @LibresTest(storage = LibresTest.DISCOVERED, storageProvider = ProbeStorageProvider.class)
    static class StorageAndProviderSample {
        @Test
        void test(Scheduler scheduler) {
        }
    }

    @LibresTest
    static class DataSourceInMemorySample {
        @Test
        void test(DataSource dataSource) {
        }
    }

    @LibresTest(storageProvider = ProbeStorageProvider.class)
    static class InMemoryOnSqlSample {
        InMemoryStorage storage;

        @Test
        void test() {
        }
    }

    @LibresTest
    static class StaticFieldSample {
        static Scheduler scheduler;

        @Test
        void test() {
        }
    }

    @LibresTest
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class BeforeAllSample {
        @BeforeAll
        void setUp(Scheduler scheduler) {
        }

        @Test
        void test() {
        }
    }

    @LibresTest(storage = "nosuch")
    static class UnknownProviderSample {
        @Test
        void test(Scheduler scheduler) {
        }
    }

    @LibresTest(storage = LibresTest.DISCOVERED)
    static class NothingDiscoveredSample {
        @Test
        void test(Scheduler scheduler) {
        }
    }
}
