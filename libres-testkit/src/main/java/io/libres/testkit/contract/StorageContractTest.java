package io.libres.testkit.contract;

import io.libres.spi.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

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
 * a shared database may be handed out to every test. Where a real database legitimately behaves
 * otherwise than memory (where a conflict surfaces, SQLSTATEs of refused statements), the
 * capability flags choose which behaviour the kit expects; nothing is skipped.
 */
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
     * How many threads race for fewer spots in the concurrency tests.
     *
     * @return 16 unless overridden
     */
    protected int racers() {
        return 16;
    }

    @BeforeEach
    void setUpContractFixture() {
        fixture = new ContractFixture(newStorage(), supportsRealDatabase(), racers());
    }

    @AfterEach
    void tearDownContractFixture() {
        if (fixture != null) {
            fixture.cleanUp();
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
}
