package io.libres.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.libres.spi.Storage;
import io.libres.testkit.contract.StorageContractTest;
import io.libres.testkit.kit.SchedulerBehaviourKit;
import io.libres.testkit.memory.InMemoryStorage;
import io.libres.testkit.postgres.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A misconfigured kit subclass fails once with what to change: the class itself when the mistake
 * is in its declaration, else its first test, the remaining tests then reported as not run with
 * that reason. Each misconfigured subclass is run through the JUnit engine here.
 */
@DisplayName("a misconfigured kit subclass fails once, saying what to change")
class KitPreflightTest {

    /** Forgot @WithPostgres: the field stays null. */
    static class ContractWithoutWithPostgres extends StorageContractTest {
        TestDatabase database;

        @Override
        protected Storage newStorage() {
            database.dataSource();
            return InMemoryStorage.create();
        }
    }

    /** The same mistake on the behaviour kit, with a DataSource field. */
    static class BehaviourWithoutWithPostgres extends SchedulerBehaviourKit {
        DataSource dataSource;

        @Override
        protected Storage newStorage() {
            return InMemoryStorage.create();
        }
    }

    /** Gives its database but leaves the flag at false. */
    static class DataSourceWithoutFlag extends StorageContractTest {
        @Override
        protected Storage newStorage() {
            return InMemoryStorage.create();
        }

        @Override
        protected DataSource dataSource() {
            return null;
        }
    }

    /** Says it is a real database but gives none. */
    static class FlagWithoutDataSource extends StorageContractTest {
        static final CountedStorage.Counts COUNTS = new CountedStorage.Counts();

        @Override
        protected Storage newStorage() {
            return CountedStorage.working(COUNTS);
        }

        @Override
        protected boolean supportsRealDatabase() {
            return true;
        }
    }

    /** Reads a database some other way, which is not there: a NullPointerException in newStorage(). */
    static class NullPointerInNewStorage extends SchedulerBehaviourKit {
        static DataSource shared;

        @Override
        protected Storage newStorage() {
            try {
                shared.getConnection().close();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return InMemoryStorage.create();
        }
    }

    /** Returns no storage. */
    static class NullStorage extends StorageContractTest {
        @Override
        protected Storage newStorage() {
            return null;
        }
    }

    private static EngineExecutionResults run(Class<?> kit) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(kit)).execute();
    }

    private static long discoveredTests(Class<?> kit) {
        return LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(kit)).build()).countTestIdentifiers(TestIdentifier::isTest);
    }

    private static Throwable failure(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    /** The class fails before any test: one failed container, no test started. */
    private static String failsTheClass(Class<?> kit) {
        EngineExecutionResults results = run(kit);
        assertThat(results.testEvents().started().count()).as("tests started").isZero();
        List<Event> failed = results.containerEvents().failed().list();
        assertThat(failed).as("failed containers").hasSize(1);
        assertThat(failed.get(0).getTestDescriptor().getDisplayName()).endsWith(kit.getSimpleName());
        Throwable error = failure(failed.get(0));
        assertThat(error).isInstanceOf(KitMisconfigured.class);
        return error.getMessage();
    }

    /** The first test fails, every other is reported as not run because of it. */
    private static String failsTheFirstTestOnly(Class<?> kit) {
        EngineExecutionResults results = run(kit);
        List<Event> failed = results.testEvents().failed().list();
        assertThat(failed).as("failed tests").hasSize(1);
        assertThat(results.testEvents().started().count()).as("tests started").isEqualTo(1);
        assertThat(results.containerEvents().failed().count()).as("failed containers").isZero();
        long tests = discoveredTests(kit);
        assertThat(tests).isGreaterThan(20);
        long notRun = results.allEvents().skipped().stream().map(Event::getTestDescriptor)
                .mapToLong(d -> d.isTest() ? 1 : d.getDescendants().stream().filter(t -> t.isTest()).count()).sum();
        assertThat(notRun).as("tests not run (alone or in a group not run)").isEqualTo(tests - 1);
        Throwable error = failure(failed.get(0));
        assertThat(error).isInstanceOf(KitMisconfigured.class);
        List<Optional<String>> reasons = results.allEvents().skipped().map(e -> e.getPayload(String.class)).distinct()
                .collect(java.util.stream.Collectors.toList());
        assertThat(reasons).as("reasons of the tests not run").containsExactly(Optional.of("not run: an earlier test"
                + " of this kit failed because the kit subclass is misconfigured: " + error.getMessage()));
        return error.getMessage();
    }

    @Test
    @DisplayName("a TestDatabase field without @WithPostgres fails the contract kit subclass once, before any test")
    void contractWithoutWithPostgres() {
        assertThat(failsTheClass(ContractWithoutWithPostgres.class)).contains("'database'")
                .contains("annotate the class with @WithPostgres");
    }

    @Test
    @DisplayName("a DataSource field without @WithPostgres fails the behaviour kit subclass once, before any test")
    void behaviourWithoutWithPostgres() {
        assertThat(failsTheClass(BehaviourWithoutWithPostgres.class)).contains("'dataSource'")
                .contains("annotate the class with @WithPostgres");
    }

    @Test
    @DisplayName("dataSource() overridden without supportsRealDatabase() fails the class once")
    void dataSourceWithoutFlag() {
        assertThat(failsTheClass(DataSourceWithoutFlag.class)).contains("overrides dataSource() but not"
                + " supportsRealDatabase()").contains("override supportsRealDatabase() to return true");
    }

    @Test
    @DisplayName("supportsRealDatabase() without a dataSource() fails the first test; the rest are not run, and"
            + " the storage made for it is stopped")
    void flagWithoutDataSource() {
        FlagWithoutDataSource.COUNTS.reset();
        assertThat(failsTheFirstTestOnly(FlagWithoutDataSource.class))
                .contains("supportsRealDatabase() is true but dataSource() returned null").contains("override"
                        + " dataSource()");
        assertThat(FlagWithoutDataSource.COUNTS.made).hasValue(1);
        assertThat(FlagWithoutDataSource.COUNTS.stopped).hasValue(1);
    }

    @Test
    @DisplayName("a NullPointerException in newStorage() fails the first test with a hint at @WithPostgres; the"
            + " rest are not run")
    void nullPointerInNewStorage() {
        assertThat(failsTheFirstTestOnly(NullPointerInNewStorage.class))
                .contains("newStorage() failed with a NullPointerException").contains("@WithPostgres");
    }

    @Test
    @DisplayName("newStorage() returning null fails the first test; the rest are not run")
    void nullStorage() {
        assertThat(failsTheFirstTestOnly(NullStorage.class)).contains("newStorage() returned null");
    }
}
