package io.libres.testkit.contract;

import org.jspecify.annotations.Nullable;

import io.libres.spi.Storage;
import io.libres.testkit.internal.KitPreflight;
import io.libres.testkit.internal.KitSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;

/**
 * The contract of the storage ports, for any storage: extend this class and implement
 * {@link #newStorage()}.
 *
 * <pre>{@code
 * class InMemoryStorageContractTest extends StorageContractTest {
 *     protected Storage newStorage() {
 *         return InMemoryStorage.create();
 *     }
 * }
 * }</pre>
 *
 * <p>Every test works on resources of its own and removes its records afterwards, so a storage on
 * a shared database may be handed out to every test. After each test the kit stops the storage
 * ({@link io.libres.context.StoppableService} or {@link AutoCloseable}), as {@code @LibresTest}
 * does: a storage handed out to every test must survive that, which one on a data source the test
 * class owns does (stopping leaves a caller's data source open). Where a real database
 * legitimately behaves otherwise than memory (where a conflict surfaces, SQLSTATEs of refused
 * statements), the capability flags choose which behaviour the kit expects; nothing is skipped, and
 * the group "capability flags" reports what each flag enabled.
 *
 * <p>Hooks: {@link #newStorage()} (required), {@link #supportsRealDatabase()} with
 * {@link #dataSource()} (a SQL storage: rows are then also read back raw),
 * {@link #statementCounter()} (required by the statement-count group), {@link #racers()}.
 *
 * <p>To run the kit alone: {@code ./mvnw test -Dtest='MyStorageContractTest*'} (the trailing
 * {@code *} takes in the nested groups; {@code -Dtest=MyStorageContractTest#someTest} finds nothing,
 * as surefire compares the kit's nested class with the pattern). One group or test:
 * {@code -Dtest='MyStorageContractTest*' -Dlibres.kit.only='Duplicates#twinSlots'} (any launcher,
 * see {@link io.libres.testkit.junit.KitSelection}), or with surefire alone
 * {@code -Dtest='MyStorageContractTest,StorageContractTest$Duplicates#twinSlots'}; in the IDE, from
 * the subclass's test tree.
 *
 * <p>A subclass that cannot work fails once with what to change, not in every test: a database
 * field without {@code @WithPostgres} or {@code dataSource()} without {@code supportsRealDatabase()}
 * fails the class before any test; a flag contradicting {@code dataSource()}, or
 * {@code newStorage()} returning null, fails the first test and the others are not run.
 */
@ExtendWith(KitPreflight.class)
public abstract class StorageContractTest {

    private ContractFixture fixture;

    /**
     * The storage under test, for one test. Called once before each test; the kit calls
     * {@link Storage#setupDatabase()} on it.
     *
     * @return a storage; it may be shared between tests
     */
    protected abstract Storage newStorage();

    /**
     * Says whether the storage is a real SQL database: then a refused statement reports the
     * SQLSTATE of the server, a conflict may surface at the write rather than at commit, and a
     * failed statement aborts the unit of work until it is rolled back.
     *
     * @return false unless overridden
     */
    protected boolean supportsRealDatabase() {
        return false;
    }

    /**
     * The database under the storage, for the checks that read rows as stored (empty data is
     * {@code {}}, not NULL). Required when {@link #supportsRealDatabase()} is true; must stay null
     * otherwise.
     *
     * @return null unless overridden
     */
    protected @Nullable DataSource dataSource() {
        return null;
    }

    /**
     * Counts the statements the storage sends, for the statement-count group: build the storage on
     * {@link CountingDataSource#wrap(DataSource)} and return that, or return a counter the adapter
     * keeps ({@code InMemoryStorage::statements} for the in-memory storage). Without it the group
     * fails, saying so.
     *
     * @return null unless overridden
     */
    protected @Nullable StatementCounter statementCounter() {
        return null;
    }

    /**
     * How many threads race for fewer spots in the concurrency tests.
     *
     * @return 16 unless overridden
     */
    protected int racers() {
        return 16;
    }

    @BeforeEach
    void setUpContractFixture() {
        Storage storage = KitSupport.newStorage(this, StorageContractTest.class, this::newStorage);
        KitSupport.checkRealDatabaseFlag(this, storage, supportsRealDatabase(), dataSource());
        fixture = new ContractFixture(storage, supportsRealDatabase(), racers(), dataSource(), statementCounter());
    }

    @AfterEach
    void tearDownContractFixture() {
        if (fixture != null) {
            try {
                fixture.cleanUp();
            } finally {
                fixture.stop();
            }
        }
    }

    private ContractFixture fixture() {
        return fixture;
    }

    /** The allocation store. */
    @Nested
    @DisplayName("allocation store")
    class Allocations extends AllocationStoreContract {
        Allocations() {
            super(StorageContractTest.this::fixture);
        }
    }

    /** The reserved slot store. */
    @Nested
    @DisplayName("reserved slot store")
    class Slots extends ReservedSlotStoreContract {
        Slots() {
            super(StorageContractTest.this::fixture);
        }
    }

    /** The reservation store. */
    @Nested
    @DisplayName("reservation store")
    class Reservations extends ReservationStoreContract {
        Reservations() {
            super(StorageContractTest.this::fixture);
        }
    }

    /** The blocker store. */
    @Nested
    @DisplayName("blocker store")
    class Blockers extends BlockerStoreContract {
        Blockers() {
            super(StorageContractTest.this::fixture);
        }
    }

    /** Units of work: commit, rollback, savepoints, isolation. */
    @Nested
    @DisplayName("units of work")
    class UnitsOfWork extends UnitOfWorkContract {
        UnitsOfWork() {
            super(StorageContractTest.this::fixture);
        }
    }

    /** Concurrency: serialization failures and races for slots. */
    @Nested
    @DisplayName("concurrency")
    class Concurrency extends ConcurrencyContract {
        Concurrency() {
            super(StorageContractTest.this::fixture);
        }
    }

    /** The stores as the scheduler relies on them. */
    @Nested
    @DisplayName("store semantics the scheduler relies on")
    class Semantics extends StoreSemanticsContract {
        Semantics() {
            super(StorageContractTest.this::fixture);
        }
    }

    /** Duplicates: visible, twins in a batch, and invisible concurrent ones, interleaved by latches. */
    @Nested
    @DisplayName("duplicates")
    class Duplicates extends DuplicatesContract {
        Duplicates() {
            super(StorageContractTest.this::fixture);
        }
    }

    /** Stored form: data, kept timestamps, orders, findUnused with mirrors, use after the end. */
    @Nested
    @DisplayName("stored form and settled semantics")
    class StoredForm extends StoredFormContract {
        StoredForm() {
            super(StorageContractTest.this::fixture);
        }
    }

    /** Statements per store method, whatever the number of rows. */
    @Nested
    @DisplayName("statement counts")
    class StatementCounts extends StatementCountContract {
        StatementCounts() {
            super(StorageContractTest.this::fixture);
        }
    }

    /** The capability flags and hooks, checked against the storage. */
    @Nested
    @DisplayName("capability flags")
    class Capabilities extends CapabilityContract {
        Capabilities() {
            super(StorageContractTest.this::fixture);
        }
    }
}
