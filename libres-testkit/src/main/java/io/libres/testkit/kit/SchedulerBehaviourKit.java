package io.libres.testkit.kit;

import io.libres.spi.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The scheduler's behaviour, for any storage: extend this class and implement
 * {@link #newStorage()}.
 *
 * <pre>{@code
 * class InMemorySchedulerBehaviourTest extends SchedulerBehaviourKit {
 *     protected Storage newStorage() {
 *         return InMemoryStorage.create();
 *     }
 * }
 * }</pre>
 *
 * <p>Every test gets a fresh registry, a context with the storage installed, and a scheduler in
 * Europe/Zurich; afterwards its records are rolled back and removed, so a storage on a shared
 * database may hand out the same database to every test.
 */
public abstract class SchedulerBehaviourKit {

    private KitFixture fixture;

    /**
     * The storage under test, for one test. Called once before each test.
     *
     * @return a storage; it may be shared between tests as long as they do not see each other's
     *     records (each test uses its own resources)
     */
    protected abstract Storage newStorage();

    @BeforeEach
    void setUpFixture() {
        fixture = new KitFixture(newStorage());
    }

    @AfterEach
    void tearDownFixture() {
        if (fixture != null) {
            fixture.cleanUp();
        }
    }

    private KitFixture fixture() {
        return fixture;
    }

    /** Allocating. */
    @Nested
    @DisplayName("allocating")
    class Allocating extends AllocatingBehaviour {
        Allocating() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Reserving and approving. */
    @Nested
    @DisplayName("reserving")
    class Reserving extends ReservingBehaviour {
        Reserving() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }
}
