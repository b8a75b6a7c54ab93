package io.libres.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.libres.spi.Storage;
import io.libres.testkit.contract.StatementCounter;
import io.libres.testkit.contract.StorageContractTest;
import io.libres.testkit.junit.KitSelection;
import io.libres.testkit.kit.SchedulerBehaviourKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Both kits stop every storage their subclass's {@code newStorage()} returned, after its test and
 * before the next one begins, whether the test passed or failed (78 storages made and none stopped
 * exhausted an outside adapter's database before).
 */
@DisplayName("the kits stop every storage newStorage() returned, after each test, passed or failed")
class KitStopsStoragesTest {

    /** The contract kit on counted storages. */
    static class ContractKit extends StorageContractTest {
        static final CountedStorage.Counts COUNTS = new CountedStorage.Counts();
        static boolean broken;
        private CountedStorage storage;

        @Override
        protected Storage newStorage() {
            storage = broken ? CountedStorage.broken(COUNTS) : CountedStorage.working(COUNTS);
            return storage;
        }

        @Override
        protected StatementCounter statementCounter() {
            return storage::statements;
        }
    }

    /** The behaviour kit on counted storages. */
    static class BehaviourKit extends SchedulerBehaviourKit {
        static final CountedStorage.Counts COUNTS = new CountedStorage.Counts();
        static boolean broken;

        @Override
        protected Storage newStorage() {
            return broken ? CountedStorage.broken(COUNTS) : CountedStorage.working(COUNTS);
        }
    }

    private static EngineExecutionResults run(Class<?> kit, String selection) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(kit))
                .filters(KitSelection.of(selection)).execute();
    }

    private static void assertEveryStorageStopped(CountedStorage.Counts counts, EngineExecutionResults results) {
        long tests = results.testEvents().finished().count();
        assertThat(tests).as("tests run").isGreaterThan(3);
        assertThat(counts.made).as("storages made, one per test").hasValue((int) tests);
        assertThat(counts.stopped).as("storages stopped").hasValue((int) tests);
        assertThat(counts.mostOpen).as("storages open at once: each is stopped before the next test").hasValue(1);
    }

    @Test
    @DisplayName("the contract kit: one storage per test, each stopped before the next begins")
    void contractKit() {
        ContractKit.COUNTS.reset();
        ContractKit.broken = false;
        EngineExecutionResults results = run(ContractKit.class, "Duplicates,StoredForm");
        assertThat(results.testEvents().failed().count()).isZero();
        assertEveryStorageStopped(ContractKit.COUNTS, results);
    }

    @Test
    @DisplayName("the contract kit stops the storage of a failed test too")
    void contractKitFailing() {
        ContractKit.COUNTS.reset();
        ContractKit.broken = true;
        try {
            EngineExecutionResults results = run(ContractKit.class, "Duplicates");
            assertThat(results.testEvents().failed().count()).isEqualTo(results.testEvents().finished().count());
            assertEveryStorageStopped(ContractKit.COUNTS, results);
        } finally {
            ContractKit.broken = false;
        }
    }

    @Test
    @DisplayName("the behaviour kit: one storage per test, each stopped before the next begins")
    void behaviourKit() {
        BehaviourKit.COUNTS.reset();
        BehaviourKit.broken = false;
        EngineExecutionResults results = run(BehaviourKit.class, "Reserving,Sessions");
        assertThat(results.testEvents().failed().count()).isZero();
        assertEveryStorageStopped(BehaviourKit.COUNTS, results);
    }

    @Test
    @DisplayName("the behaviour kit stops the storage of a failed test too")
    void behaviourKitFailing() {
        BehaviourKit.COUNTS.reset();
        BehaviourKit.broken = true;
        try {
            EngineExecutionResults results = run(BehaviourKit.class, "Sessions");
            assertThat(results.testEvents().failed().count()).isEqualTo(results.testEvents().finished().count());
            assertEveryStorageStopped(BehaviourKit.COUNTS, results);
        } finally {
            BehaviourKit.broken = false;
        }
    }
}
