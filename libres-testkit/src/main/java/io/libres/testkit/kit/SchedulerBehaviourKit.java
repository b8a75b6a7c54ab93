package io.libres.testkit.kit;

import io.libres.spi.Storage;
import io.libres.testkit.internal.KitPreflight;
import io.libres.testkit.internal.KitSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

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
 * database may hand out the same database to every test. Then the kit stops the storage
 * {@link #newStorage()} returned ({@link io.libres.context.StoppableService} or
 * {@link AutoCloseable}), as {@code @LibresTest} does: return a new storage per test, or one on a
 * data source the test class owns (stopping it leaves that data source open).
 *
 * <p>To run the kit alone: {@code ./mvnw test -Dtest='MyBehaviourTest*'} (the trailing {@code *}
 * takes in the nested groups). One group or test:
 * {@code -Dtest='MyBehaviourTest*' -Dlibres.kit.only='Reserving#someTest'} (any launcher, see
 * {@link io.libres.testkit.junit.KitSelection}), or with surefire alone
 * {@code -Dtest='MyBehaviourTest,SchedulerBehaviourKit$Reserving#someTest'} (the group as this kit
 * declares it); in the IDE, from the subclass's test tree.
 *
 * <p>A subclass that cannot work (a database field without {@code @WithPostgres},
 * {@code newStorage()} returning null) fails once with what to change, not in every test.
 */
@ExtendWith(KitPreflight.class)
public abstract class SchedulerBehaviourKit {

    private KitFixture fixture;

    /**
     * The storage under test, for one test. Called once before each test.
     *
     * @return a storage; it may be shared between tests as long as they do not see each other's
     *     records (each test uses its own resources)
     */
    protected abstract Storage newStorage();

    /**
     * A storage on the same database as {@link #newStorage()} whose units of work share a pool
     * of {@code connections} connections, waiting about a second at most for a free one before
     * failing with {@link io.libres.errors.ConnectionPoolExhausted}. The connection release group
     * uses it to show that reads, scopes and forgotten work give their connection back; the kit
     * stops it after the test if it is a {@link io.libres.context.StoppableService}.
     *
     * @param connections the pool's size
     * @return the storage
     * @throws UnsupportedOperationException unless overridden: the group's tests then fail, saying so
     */
    protected Storage newStorageWithConnections(int connections) {
        throw new UnsupportedOperationException("the kit's connection release group needs a storage on a pool of "
                + connections + " connections: override SchedulerBehaviourKit.newStorageWithConnections");
    }

    /**
     * The database of an SQL storage, so that the bad-input catalogue compares every row of the
     * libres tables before and after each refused call. Storages without one (the in-memory
     * storage) keep the default, and the catalogue compares the test's records instead.
     *
     * @return the database the storage writes to, empty by default
     */
    protected Optional<DataSource> database() {
        return Optional.empty();
    }

    @BeforeEach
    void setUpFixture() {
        Storage storage = KitSupport.newStorage(this, SchedulerBehaviourKit.class, this::newStorage);
        fixture = new KitFixture(storage, database().map(db -> (Supplier<Object>) () -> LibresTables.rows(db))
                .orElse(null), this::newStorageWithConnections).withDatabase(database().orElse(null));
    }

    /** Cleans up, then stops the storage newStorage() returned, as {@code @LibresTest} does. */
    @AfterEach
    void tearDownFixture() {
        if (fixture != null) {
            try {
                fixture.cleanUp();
            } finally {
                KitSupport.stop(fixture.storage());
            }
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

    /** Changing reservations. */
    @Nested
    @DisplayName("changing reservations")
    class ChangingReservations extends ChangingReservationsBehaviour {
        ChangingReservations() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Quotas and mirrors. */
    @Nested
    @DisplayName("quotas")
    class Quotas extends QuotaBehaviour {
        Quotas() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Moving and removing allocations. */
    @Nested
    @DisplayName("moving and removing allocations")
    class MovingAndRemoving extends MovingAndRemovingBehaviour {
        MovingAndRemoving() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Blockers. */
    @Nested
    @DisplayName("blockers")
    class Blockers extends BlockerBehaviour {
        Blockers() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Searching allocations. */
    @Nested
    @DisplayName("searching")
    class Searching extends SearchBehaviour {
        Searching() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Free slots and availability matrices across schedulers. */
    @Nested
    @DisplayName("free time across schedulers")
    class FreeTime extends FreeTimeBehaviour {
        FreeTime() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Availability. */
    @Nested
    @DisplayName("availability")
    class Availability extends AvailabilityBehaviour {
        Availability() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Browser sessions. */
    @Nested
    @DisplayName("sessions")
    class Sessions extends SessionBehaviour {
        Sessions() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Events. */
    @Nested
    @DisplayName("events")
    class EventsRaised extends EventBehaviour {
        EventsRaised() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Concurrent units of work. */
    @Nested
    @DisplayName("concurrency")
    class Concurrency extends ConcurrencyBehaviour {
        Concurrency() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Operation listeners: timings of scheduler operations, retries and give-ups of transactions. */
    @Nested
    @DisplayName("operation listeners")
    class OperationListeners extends OperationListenerBehaviour {
        OperationListeners() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Scoped units of work and the nesting rule. */
    @Nested
    @DisplayName("scoped units of work")
    class ScopedWork extends ScopedWorkBehaviour {
        ScopedWork() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Units of work give their connection back. */
    @Nested
    @DisplayName("connection release")
    class ConnectionRelease extends ConnectionReleaseBehaviour {
        ConnectionRelease() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Lookups by id, scoped to the scheduler's resource. */
    @Nested
    @DisplayName("lookups by id")
    class Lookups extends LookupBehaviour {
        Lookups() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Model methods on stored state, daylight-saving days and libres' defects. */
    @Nested
    @DisplayName("models, DST and libres defects")
    class Models extends ModelBehaviour {
        Models() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** One consistent public API: the same types, siblings and builders alike (issue 17). */
    @Nested
    @DisplayName("one consistent API")
    class ConsistentApi extends ConsistentApiBehaviour {
        ConsistentApi() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Zones and daylight-saving days. */
    @Nested
    @DisplayName("zones")
    class Zones extends ZoneBehaviour {
        Zones() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Recurring series of allocations, reservations and blockers (libres-recurrence). */
    @Nested
    @DisplayName("recurring series")
    class Recurrences extends RecurrenceBehaviour {
        Recurrences() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Bad input, refused with typed errors before anything is written. */
    @Nested
    @DisplayName("bad input")
    class BadInput extends BadInputBehaviour {
        BadInput() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** The bad-input catalogue: many refusals, each typed, explained and writing nothing. */
    @Nested
    @DisplayName("bad-input catalogue")
    class BadInputCatalogue extends BadInputCatalogueBehaviour {
        BadInputCatalogue() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** The integrity check: quiet on what libres writes, and catching every planted corruption. */
    @Nested
    @DisplayName("integrity check")
    class Integrity extends IntegrityBehaviour {
        Integrity() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }

    /** Two applications (contexts) on one database. */
    @Nested
    @DisplayName("tenant isolation")
    class TenantIsolation extends TenantIsolationBehaviour {
        TenantIsolation() {
            super(SchedulerBehaviourKit.this::fixture);
        }
    }
}
