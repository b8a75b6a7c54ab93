package io.libres.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.Scheduler;
import io.libres.spi.Storage;
import io.libres.testkit.postgres.Isolation;
import io.libres.testkit.postgres.WithPostgres;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@DisplayName("@LibresTest keeps tests apart")
class LibresTestIsolationTest {

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    /** What one sample test found when it began. */
    record Seen(Registry registry, Context context, Storage storage, long allocationsAtStart, String dsn) {
    }

    @Test
    @DisplayName("with the in-memory storage: a new registry, context and storage per test, none of the other's records")
    void inMemory() {
        List<Seen> seen = runTwice(InMemorySample.class);

        assertThat(seen.get(0).registry()).isNotSameAs(seen.get(1).registry());
        assertThat(seen.get(0).context()).isNotSameAs(seen.get(1).context());
        assertThat(seen.get(0).storage()).isNotSameAs(seen.get(1).storage());
        assertThat(seen).extracting(Seen::allocationsAtStart).containsExactly(0L, 0L);
    }

    @Test
    @DisplayName("on a database shared by the class: the scheduler's committed records are removed after each test")
    void sharedDatabase() {
        List<Seen> seen = runTwice(SharedDatabaseSample.class);

        assertThat(seen.get(0).dsn()).isNotEmpty().isEqualTo(seen.get(1).dsn());
        assertThat(seen.get(0).registry()).isNotSameAs(seen.get(1).registry());
        assertThat(seen).extracting(Seen::allocationsAtStart).containsExactly(0L, 0L);
    }

    @Test
    @DisplayName("with @WithPostgres(isolation = PER_TEST): a database per test")
    void databasePerTest() {
        List<Seen> seen = runTwice(DatabasePerTestSample.class);

        assertThat(seen.get(0).dsn()).isNotEqualTo(seen.get(1).dsn());
        assertThat(seen).extracting(Seen::allocationsAtStart).containsExactly(0L, 0L);
    }

    @Test
    @DisplayName("on a database: cleans up and closes the storage while its database still exists")
    void closesBeforeDrop() {
        for (Class<?> sample : List.of(SharedDatabaseSample.class, DatabasePerTestSample.class,
                LibresFirstDatabasePerTestSample.class)) {
            ProbeStorageProvider.CLOSED.clear();

            List<Seen> seen = runTwice(sample);

            assertThat(ProbeStorageProvider.CLOSED).as(sample.getSimpleName())
                    .containsExactlyInAnyOrder(seen.get(0).dsn() + " reachable", seen.get(1).dsn() + " reachable");
        }
    }

    private static List<Seen> runTwice(Class<?> sample) {
        SEEN.clear();
        EngineExecutionResults results = Samples.run(sample);
        assertThat(Samples.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(SEEN).hasSize(2);
        return List.copyOf(SEEN);
    }

    /** Records what it finds, then allocates and commits, so the other test would see it if it leaked. */
    abstract static class WritingSample {

        Registry registry;
        Context context;
        Storage storage;
        Scheduler scheduler;

        @Test
        void first() {
            seeAndWrite(LocalDate.of(2026, 6, 1));
        }

        @Test
        void second() {
            seeAndWrite(LocalDate.of(2026, 6, 2));
        }

        private void seeAndWrite(LocalDate day) {
            SEEN.add(new Seen(registry, context, storage, scheduler.managedAllocations().count(),
                    context.dsn().orElse("")));
            scheduler.allocate(Days.between(day, LocalTime.of(8, 0), LocalTime.of(12, 0), scheduler.zone()));
            scheduler.commit();
        }
    }

    @LibresTest
    static class InMemorySample extends WritingSample {
    }

    @LibresTest(storageProvider = ProbeStorageProvider.class)
    static class SharedDatabaseSample extends WritingSample {
    }

    @WithPostgres(isolation = Isolation.PER_TEST)
    @LibresTest(storageProvider = ProbeStorageProvider.class)
    static class DatabasePerTestSample extends WritingSample {
    }

    /** The same, with the extensions registered the other way round, so @LibresTest's runs first. */
    @LibresTest(storageProvider = ProbeStorageProvider.class)
    @WithPostgres(isolation = Isolation.PER_TEST)
    static class LibresFirstDatabasePerTestSample extends WritingSample {
    }
}
