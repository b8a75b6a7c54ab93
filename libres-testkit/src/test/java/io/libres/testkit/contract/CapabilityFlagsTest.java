package io.libres.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.libres.spi.Storage;
import io.libres.testkit.junit.KitSelection;
import io.libres.testkit.memory.InMemoryStorage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The contract kit's hooks change what it checks, visibly: without {@code statementCounter()} the
 * statement-count group fails saying what to override (it is never silently passed), with it the
 * same tests pass on the in-memory storage; {@code supportsRealDatabase()} is reported by the
 * capability group. (On PostgreSQL, {@code JdbiCapabilityFlagsTest} shows the flag turning on the
 * raw read that catches NULL data.)
 */
@DisplayName("the contract kit's capability hooks visibly turn checks on")
class CapabilityFlagsTest {

    /** The in-memory storage without a statement counter. */
    static class WithoutCounter extends StorageContractTest {
        @Override
        protected Storage newStorage() {
            return InMemoryStorage.create();
        }
    }

    private static EngineExecutionResults run(Class<?> kit, String selection) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(kit)).filters(KitSelection.of(selection))
                .execute();
    }

    @Test
    @DisplayName("without statementCounter() every statement-count test fails, naming the hook; with it they pass")
    void statementCounter() {
        EngineExecutionResults without = run(WithoutCounter.class, "StatementCounts,Capabilities#statementCounterCounts");
        long tests = without.testEvents().finished().count();
        assertThat(tests).isGreaterThan(3);
        List<Event> failed = without.testEvents().failed().list();
        assertThat(failed).hasSize((int) tests);
        assertThat(failed).allSatisfy(e -> assertThat(e.getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow()).hasMessageContaining("override StorageContractTest#statementCounter()"));

        EngineExecutionResults with = run(InMemoryStorageContractTest.class,
                "StatementCounts,Capabilities#statementCounterCounts");
        assertThat(with.testEvents().finished().count()).isEqualTo(tests);
        assertThat(with.testEvents().failed().count()).isZero();
    }

    @Test
    @DisplayName("the capability group reports what each flag turned on")
    void reported() {
        EngineExecutionResults results = run(InMemoryStorageContractTest.class, "Capabilities");
        assertThat(results.testEvents().failed().count()).isZero();
        List<String> entries = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().toString())
                .collect(Collectors.toList());
        assertThat(entries).anySatisfy(e -> assertThat(e).contains("supportsRealDatabase=false: conflicts expected at"
                + " commit, no raw reads"));
        assertThat(entries).anySatisfy(e -> assertThat(e).contains("statementCounter="));
    }
}
