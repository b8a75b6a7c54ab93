package io.libres.testkit.stress;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.IntegrityCheck;
import io.libres.db.Scheduler;
import io.libres.errors.CommitOutcomeUnknown;
import io.libres.errors.ConnectionLost;
import io.libres.events.OperationListener;
import io.libres.events.Subscription;
import io.libres.time.DateRange;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.testkit.internal.KitSupport;
import io.libres.testkit.postgres.PostgresServer;
import io.libres.testkit.postgres.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stress and fault runs for an SQL storage on the testkit's PostgreSQL: extend this class and
 * implement {@link #storage(TestDatabase, int)}.
 *
 * <pre>{@code
 * class JdbiStressTest extends StressKit {
 *     protected Storage storage(TestDatabase database, int connections) {
 *         return JdbiStorage.builder().dsn(dsnOf(database)).poolSize(connections).build();
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>mixed load</b>: {@value #THREADS} threads over a pool of {@value #POOL} connections run a
 *       bounded random mix ({@link StressRun}) with the library's default retry policy;</li>
 *   <li><b>race</b>: issue 13's W5, 8 threads making 400 attempts at one allocation of quota 50,
 *       quota limit 1;</li>
 *   <li><b>faults</b>: the mix again while backends are terminated at random (one every 4 to 16 operations) and the
 *       server is restarted once.</li>
 * </ul>
 * Each prints its figures (operations, conflicts retried, give-ups, typed errors by class,
 * untyped exceptions, integrity violations) and asserts no give-ups, no untyped exception and no
 * violation. Each test gets a database of its own, dropped afterwards.
 *
 * <p>The soak is the mixed load (and the fault run) for a duration instead of a number of
 * operations: set the system property {@value #SOAK_PROPERTY} to an ISO-8601 duration such as
 * {@code PT10M}; see the testkit's README for the command.
 */
public abstract class StressKit {

    /** Threads of the mixed load and the fault run. */
    public static final int THREADS = 16;

    /** Connections of the storage's pool, fewer than the threads. */
    public static final int POOL = 8;

    /** The system property that turns the mix into a soak of that duration (ISO-8601, {@code PT10M}). */
    public static final String SOAK_PROPERTY = "libres.stress.soak";

    /** The system property that changes the number of operations of the bounded runs. */
    public static final String OPERATIONS_PROPERTY = "libres.stress.operations";

    private static final long DEFAULT_OPERATIONS = 1200;

    private TestDatabase database;
    private Storage storage;
    private Context context;

    /**
     * The storage under test on a database, its units of work sharing a pool of
     * {@code connections} connections (waiting for a free one as long as the pool's default, at
     * least several seconds: a fault run restarts the server). The kit stops it after the test
     * ({@link io.libres.context.StoppableService} or {@link AutoCloseable}), which must close the pool.
     *
     * @param database the test database (its tables are set up by the kit)
     * @param connections the pool's size
     * @return the storage
     */
    protected abstract Storage storage(TestDatabase database, int connections);

    /**
     * The integrity check run after each run ({@link IntegrityCheck#checkStorage}, on the test's own
     * database): one line per violation found.
     *
     * @param context the context the run used, with the storage under test installed
     * @return the violations, empty if the records hold together
     */
    protected List<String> violations(Context context) {
        return IntegrityCheck.checkStorage(context).stream().map(v -> v.kind() + ": " + v.message()).toList();
    }

    @BeforeEach
    void openDatabase() {
        database = PostgresServer.shared().createDatabase("stress-" + getClass().getSimpleName());
        storage = storage(database, POOL);
        context = Registry.createDefault().registerContext("stress-" + UUID.randomUUID());
        Storage installed = storage;
        context.setService(StoragePorts.STORAGE.key(), ctx -> installed, true);
        storage.setupDatabase();
    }

    @AfterEach
    void dropDatabase() {
        try {
            if (storage != null) {
                KitSupport.stop(storage);
            }
        } finally {
            PostgresServer.shared().dropDatabase(database);
        }
    }

    private static long operations() {
        return Long.getLong(OPERATIONS_PROPERTY, DEFAULT_OPERATIONS);
    }

    private static Optional<Duration> soak() {
        return Optional.ofNullable(System.getProperty(SOAK_PROPERTY)).filter(s -> !s.isBlank()).map(Duration::parse);
    }

    private StressRun mix(long seed) {
        StressRun run = StressRun.of(context, THREADS, operations(), seed);
        return soak().map(run::lasting).orElse(run);
    }

    private static void assertClean(StressReport report) {
        assertThat(report.untyped()).as("untyped exceptions; the first ones:\n%s",
                String.join("\n", report.untypedSamples())).isZero();
        assertThat(report.violations()).as("integrity violations after the run").isEmpty();
        assertThat(report.gaveUp()).as("operations that gave up retrying").isZero();
        assertThat(report.operations()).isPositive();
    }

    @Test
    @DisplayName("16 threads over a pool of 8, a random mix: no give-up, no untyped exception, integrity holds")
    void mixedLoad() throws Exception {
        StressReport report = mix(11).run(this::violations);
        System.out.println(report.summary(getClass().getSimpleName() + " mixed load"));
        assertClean(report);
        assertThat(report.succeeded()).as("operations that committed").isGreaterThan(report.operations() / 2);
        assertThat(report.bookings()).as("reservations approved").isPositive();
    }

    @Test
    @DisplayName("W5: 8 threads, 400 attempts at one allocation of quota 50: exactly 50 succeed, none gives up")
    void raceForOneAllocation() throws Exception {
        StressReport report = StressRun.race(context, 8, 400, 50);
        System.out.println(report.summary(getClass().getSimpleName() + " W5 race"));
        assertThat(report.untyped()).as("untyped exceptions; the first ones:\n%s",
                String.join("\n", report.untypedSamples())).isZero();
        assertThat(report.gaveUp()).as("attempts that gave up retrying").isZero();
        assertThat(report.bookings()).isEqualTo(50);
        assertThat(report.typedErrors()).containsOnlyKeys("NoFreeSpot");
        assertThat(report.typedErrors().get("NoFreeSpot")).isEqualTo(350);
    }

    private Scheduler scheduler() {
        Scheduler scheduler = new Scheduler(context, "loss-" + UUID.randomUUID(), StressRun.ZURICH);
        scheduler.transaction(() -> scheduler.allocate(HOUR, AllocateOptions.builder().quota(2).build()));
        return scheduler;
    }

    private static final DateRange HOUR = DateRange.of(LocalDateTime.of(2031, 5, 5, 8, 0), LocalDateTime.of(2031, 5, 5, 9, 0));

    @Test
    @DisplayName("a connection lost before commit: a typed ConnectionLost, retried by transaction(...), the pool recovers")
    void lostBeforeCommit() {
        Scheduler scheduler = scheduler();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        List<Throwable> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Subscription ignored = scheduler.events().onOperations(new OperationListener() {
            @Override
            public void conflictRetried(Context ctx, int attempt) {
                retried.incrementAndGet();
            }
        })) {
            UUID token = scheduler.transaction(() -> {
                UUID made = scheduler.reserve("lost@example.org", HOUR);
                if (attempts.incrementAndGet() == 1) {
                    assertThat(DatabaseFaults.on(database).terminateBackendsInTransaction()).isEqualTo(1);
                    try {
                        scheduler.approveReservations(made);
                    } catch (RuntimeException e) {
                        seen.add(e);
                        throw e;
                    }
                }
                scheduler.approveReservations(made);
                return made;
            });
            assertThat(seen).singleElement().isInstanceOf(ConnectionLost.class);
            assertThat(((ConnectionLost) seen.get(0)).isRetryable()).isTrue();
            assertThat(seen.get(0)).hasMessageContaining("lost").hasMessageContaining("nothing of the unit of work was committed");
            assertThat(attempts).hasValue(2);
            assertThat(retried).hasValue(1);
            assertThat(scheduler.reservedSlotsByReservation(token).count()).isEqualTo(1);
            assertThat(scheduler.managedReservations().count()).isEqualTo(1);
        }
        assertThat(scheduler.checkIntegrity()).isEmpty();
    }

    @Test
    @DisplayName("a connection lost during commit: a distinct CommitOutcomeUnknown, not retried; the token tells what happened")
    void lostDuringCommit() {
        Scheduler scheduler = scheduler();
        AtomicInteger attempts = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<UUID> token = new java.util.concurrent.atomic.AtomicReference<>();
        assertThatThrownBy(() -> scheduler.transaction(() -> {
            attempts.incrementAndGet();
            token.set(scheduler.reserve("unknown@example.org", HOUR));
            scheduler.approveReservations(token.get());
            // the commit is the next thing this unit of work sends
            DatabaseFaults.on(database).terminateBackendsInTransaction();
        })).isInstanceOf(CommitOutcomeUnknown.class).isNotInstanceOf(ConnectionLost.class)
                .hasMessageContaining("may or may not have committed");
        assertThat(attempts).hasValue(1);
        // the pool hands out a working connection again, and the lookup the Javadoc names answers
        assertThatThrownBy(() -> scheduler.reservationsByToken(token.get()).count())
                .isInstanceOf(io.libres.errors.InvalidReservationToken.class);
        assertThat(scheduler.managedReservedSlots().count()).isZero();
        assertThat(scheduler.checkIntegrity()).isEmpty();
    }

    @Test
    @DisplayName("a connection lost in an inner scope: its savepoint rollback keeps the original failure, the whole runs again")
    void lostInInnerScope() {
        Scheduler scheduler = scheduler();
        AtomicInteger attempts = new AtomicInteger();
        List<Throwable> inner = new java.util.concurrent.CopyOnWriteArrayList<>();
        scheduler.transaction(() -> {
            scheduler.approveReservations(scheduler.reserve("outer@example.org", HOUR));
            try {
                scheduler.transaction(() -> {
                    if (attempts.incrementAndGet() == 1) {
                        DatabaseFaults.on(database).terminateBackendsInTransaction();
                    }
                    scheduler.approveReservations(scheduler.reserve("inner@example.org", HOUR));
                });
            } catch (RuntimeException e) {
                inner.add(e);
                throw e;
            }
        });
        assertThat(inner).singleElement().isInstanceOf(ConnectionLost.class);
        assertThat(inner.get(0).getMessage()).doesNotContain("savepoint");
        assertThat(attempts).hasValue(2);
        assertThat(scheduler.managedReservedSlots().count()).isEqualTo(2);
        assertThat(scheduler.checkIntegrity()).isEmpty();
    }

    @Test
    @DisplayName("the mix while backends are terminated and the server restarts once: typed errors only, integrity holds")
    void faults() throws Exception {
        StressReport report = mix(23).withFaults(DatabaseFaults.on(database)).run(this::violations);
        System.out.println(report.summary(getClass().getSimpleName() + " fault run"));
        assertClean(report);
        assertThat(report.faults()).contains("1 server restart(s)").doesNotStartWith("0 backends");
        assertThat(report.succeeded()).as("operations that committed").isGreaterThan(report.operations() / 3);
    }
}
