package io.libres.testkit.contract;

import io.libres.Libres;
import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.db.Session;
import io.libres.db.Work;
import io.libres.db.WritePosition;
import io.libres.errors.ModifiedReadOnlySession;
import io.libres.errors.UnitOfWorkMisused;
import io.libres.spi.ReplicaStatistics;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.testkit.postgres.ReplicatedPostgres;
import io.libres.testkit.postgres.internal.DataSources;
import io.libres.time.DateRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of read replicas, for a SQL storage that routes read-only units of work to
 * PostgreSQL standbys: extend it and build the storage from a primary, replicas and the bounds.
 * The kit starts a real primary and a streaming standby ({@link ReplicatedPostgres}, PostgreSQL's
 * own replication) once per class and shows that reads land on the standby
 * ({@code pg_is_in_recovery()}), writes and the reads of writing units of work on the primary, a
 * read-only scope is one snapshot that refuses writes, read-your-writes holds after a booking (in
 * the context, and with a carried token), a stopped or unreachable replica is skipped, and a
 * standby paused with {@code pg_wal_replay_pause()} makes reads fall back to the primary.
 *
 * <pre>{@code
 * class JdbiReplicaTest extends ReplicaContractTest {
 *     protected Storage newStorage(DataSource primary, List<DataSource> replicas, Duration wait, Duration maxLag) {
 *         return JdbiStorage.builder().dataSource(primary).replicas(replicas.toArray(DataSource[]::new))
 *                 .replicaWait(wait).replicaMaxLag(maxLag).build();
 *     }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReplicaContractTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Zurich");
    private static final LocalDate DAY = LocalDate.of(2027, 3, 1);

    private ReplicatedPostgres pair;
    private final List<Storage> storages = new ArrayList<>();

    /**
     * Builds the storage under test.
     *
     * @param primary the primary's data source (count its connections through it, not around it)
     * @param replicas the replicas' data sources, in order
     * @param wait how long a read waits for a replica to replay a commit it must see
     * @param maxLag the most a replica may lag to be read
     * @return the storage; the kit sets up the schema and stops the storage after the test
     */
    protected abstract Storage newStorage(DataSource primary, List<DataSource> replicas, Duration wait,
            Duration maxLag);

    /** Starts the primary and the standby for the class. */
    @BeforeAll
    void startPair() {
        pair = ReplicatedPostgres.start();
    }

    /** Stops both servers. */
    @AfterAll
    void stopPair() {
        if (pair != null) {
            pair.close();
        }
    }

    /** Stops the test's storages. */
    @AfterEach
    void stopStorages() throws Exception {
        for (Storage storage : storages) {
            if (storage instanceof io.libres.context.StoppableService) {
                ((io.libres.context.StoppableService) storage).stopService();
            } else if (storage instanceof AutoCloseable) {
                ((AutoCloseable) storage).close();
            }
        }
        storages.clear();
    }

    @Test
    @DisplayName("reads outside a unit of work and read-only scopes land on the standby; writes on the primary")
    void readsLandOnTheStandby() {
        Servers servers = servers(Duration.ofSeconds(5), Duration.ofSeconds(30));
        Scheduler room = room(servers, "blue");
        room.transaction(() -> room.allocate(hours(8, 18)));
        assertThat(servers.primary.connections()).isPositive();
        assertThat(servers.primary.inRecovery).containsOnly(false);
        pair.awaitReplayed();
        servers.reset();

        assertThat(room.managedAllocations().count()).isEqualTo(1);
        assertThat(room.readOnly(() -> room.availability(hours(8, 18)))).isEqualTo(100.0);
        try (Work reads = room.beginReadOnly()) {
            assertThat(room.managedAllocations().list()).hasSize(1);
            reads.commit();
        }

        assertThat(servers.standby.connections()).isEqualTo(3);
        assertThat(servers.standby.inRecovery).containsOnly(true);
        assertThat(servers.primary.connections()).isZero();
        assertThat(servers.statistics().replicaReads()).isEqualTo(3);
        assertThat(servers.statistics().primaryReads()).isZero();
    }

    @Test
    @DisplayName("the reads of a writing unit of work run on the primary and see its writes")
    void writingUnitsReadOnThePrimary() {
        Servers servers = servers(Duration.ofSeconds(5), Duration.ofSeconds(30));
        Scheduler room = room(servers, "green");
        servers.reset();
        try (Work work = room.begin()) {
            room.allocate(hours(8, 12));
            assertThat(room.managedAllocations().count()).isEqualTo(1);
            assertThat(room.readOnly(() -> room.managedAllocations().count())).isEqualTo(1);
            work.commit();
        }
        assertThat(servers.standby.connections()).isZero();
        assertThat(servers.primary.inRecovery).isNotEmpty().containsOnly(false);
    }

    @Test
    @DisplayName("a read-only scope on the standby reads one snapshot and refuses writes with a typed error")
    void readOnlyScopeIsOneSnapshot() {
        Servers servers = servers(Duration.ofSeconds(5), Duration.ofSeconds(30));
        Scheduler room = room(servers, "red");
        room.transaction(() -> room.allocate(hours(8, 10)));
        pair.awaitReplayed();
        Context elsewhere = sameContextElsewhere(room, servers.storage);
        Scheduler sameRoomElsewhere = Libres.newScheduler(elsewhere, "red", ZONE);
        try (Work reads = room.beginReadOnly()) {
            assertThat(room.managedAllocations().count()).isEqualTo(1);
            // commits elsewhere while the scope reads: replayed on the standby, invisible to its snapshot
            Thread writer = new Thread(() -> sameRoomElsewhere.transaction(() -> sameRoomElsewhere.allocate(hours(12, 14))));
            writer.start();
            join(writer);
            pair.awaitReplayed();
            assertThat(room.managedAllocations().count()).isEqualTo(1);
            assertThatThrownBy(() -> room.allocate(hours(16, 17))).isInstanceOf(ModifiedReadOnlySession.class)
                    .hasMessageContaining("read-only");
            assertThatThrownBy(room::begin).isInstanceOf(UnitOfWorkMisused.class);
            reads.commit();
        }
        assertThat(room.managedAllocations().count()).isEqualTo(2);
        assertThat(servers.standby.inRecovery).containsOnly(true);
    }

    @Test
    @DisplayName("read-your-writes: a read right after a booking sees it, on the standby, in the same context")
    void readYourWritesAfterBooking() {
        Servers servers = servers(Duration.ofSeconds(5), Duration.ofSeconds(30));
        Scheduler room = room(servers, "yellow");
        room.transaction(() -> room.allocate(hours(8, 18), AllocateOptions.builder().partlyAvailable(true).build()));
        for (int i = 0; i < 5; i++) {
            int hour = 8 + i;
            UUID token = room.transaction(() -> {
                UUID t = room.reserve("guest" + hour + "@example.org", hours(hour, hour + 1));
                room.approveReservations(t);
                return t;
            });
            // no waiting in the test: the library waits until the standby has replayed the booking
            assertThat(room.managedReservations().list()).extracting(r -> r.token()).contains(token);
            assertThat(room.managedReservedSlots().count()).isEqualTo(12L * (i + 1));
        }
        assertThat(Session.of(room.context()).lastCommit()).isPresent();
        ReplicaStatistics statistics = servers.statistics();
        assertThat(statistics.replicaReads()).isEqualTo(10);
        assertThat(statistics.primaryReads()).isZero();
    }

    @Test
    @DisplayName("a standby paused with pg_wal_replay_pause() is stale without a token, waited for and then skipped"
            + " with one, and skipped beyond the lag bound")
    void pausedStandbyFallsBackToThePrimary() throws InterruptedException {
        Servers servers = servers(Duration.ofMillis(300), Duration.ofSeconds(1));
        Scheduler room = room(servers, "violet");
        Context reader = sameContextElsewhere(room, servers.storage);
        Scheduler readerRoom = Libres.newScheduler(reader, "violet", ZONE);
        pair.awaitReplayed();
        pair.pauseReplay();
        try {
            room.transaction(() -> room.allocate(hours(8, 18)));
            WritePosition booked = Session.of(room.context()).lastCommit().orElseThrow();
            WritePosition carried = WritePosition.parse(booked.token());

            // another context without the token reads the paused standby: the allocation is not there yet
            assertThat(readerRoom.managedAllocations().count()).isZero();
            assertThat(servers.statistics().replicaReads()).isEqualTo(1);
            // with the token it waits the bound, then reads on the primary
            assertThat(Session.of(reader).readOnly(carried, () -> readerRoom.managedAllocations().count())).isEqualTo(1);
            // in the context that wrote, too
            assertThat(room.managedAllocations().count()).isEqualTo(1);
            ReplicaStatistics waited = servers.statistics();
            assertThat(waited.waits()).isEqualTo(2);
            assertThat(waited.primaryReads()).isEqualTo(2);
            assertThat(waited.skippedLagging()).isEqualTo(2);

            // beyond the lag bound even a read without a position skips the standby
            Thread.sleep(1_200);
            assertThat(readerRoom.managedAllocations().count()).isEqualTo(1);
            assertThat(servers.statistics().primaryReads()).isEqualTo(3);
            assertThat(servers.statistics().skippedLagging()).isEqualTo(3);
        } finally {
            pair.resumeReplay();
        }
        assertThat(readerRoom.managedAllocations().count()).isEqualTo(1);
        assertThat(servers.statistics().replicaReads()).isEqualTo(2);
    }

    @Test
    @DisplayName("a stopped standby is skipped: reads go to the primary, and it is not asked again on every read")
    void stoppedStandbyIsSkipped() {
        Servers servers = servers(Duration.ofSeconds(5), Duration.ofSeconds(30));
        Scheduler room = room(servers, "black");
        room.transaction(() -> room.allocate(hours(8, 18)));
        pair.stopStandby();
        try {
            servers.reset();
            for (int i = 0; i < 3; i++) {
                assertThat(room.managedAllocations().count()).isEqualTo(1);
            }
            assertThat(servers.standby.attempts.get()).isEqualTo(1);
            assertThat(servers.statistics().primaryReads()).isEqualTo(3);
            assertThat(servers.statistics().skippedDown()).isEqualTo(3);
            assertThat(servers.primary.inRecovery).containsOnly(false);
        } finally {
            pair.startStandby();
        }
    }

    @Test
    @DisplayName("with several replicas an unreachable one is skipped and the reads go to the one that answers")
    void unreachableReplicaAmongSeveral() {
        Recording dead = new Recording(DataSources.simple("jdbc:postgresql://127.0.0.1:1/postgres", "postgres", ""));
        Servers servers = servers(Duration.ofSeconds(5), Duration.ofSeconds(30), dead);
        Scheduler room = room(servers, "white");
        room.transaction(() -> room.allocate(hours(8, 18)));
        servers.reset();
        for (int i = 0; i < 4; i++) {
            assertThat(room.managedAllocations().count()).isEqualTo(1);
        }
        assertThat(dead.attempts.get()).isEqualTo(1);
        assertThat(servers.standby.connections()).isEqualTo(4);
        assertThat(servers.primary.connections()).isZero();
        assertThat(servers.statistics().replicaReads()).isEqualTo(4);
        assertThat(servers.statistics().skippedDown()).isPositive();
    }

    // ------------------------------------------------------------------ fixtures

    private Servers servers(Duration wait, Duration maxLag, Recording... before) {
        Recording primary = new Recording(pair.primary());
        Recording standby = new Recording(pair.standby());
        List<DataSource> replicas = new ArrayList<>(List.of(before));
        replicas.add(standby);
        Storage storage = newStorage(primary, replicas, wait, maxLag);
        storages.add(storage);
        storage.setupDatabase();
        pair.awaitReplayed();
        return new Servers(storage, primary, standby);
    }

    private Scheduler room(Servers servers, String name) {
        return Libres.newScheduler(context(servers.storage), name, ZONE);
    }

    private static Context context(Storage storage) {
        return context(storage, "replica-" + UUID.randomUUID());
    }

    /** A context of the same name in another registry: the same resources, another session (another process). */
    private static Context sameContextElsewhere(Scheduler room, Storage storage) {
        return context(storage, room.context().name());
    }

    private static Context context(Storage storage, String name) {
        Context context = Registry.createDefault().registerContext(name);
        context.setService(StoragePorts.STORAGE.key(), ctx -> storage, true);
        return context;
    }

    private static DateRange hours(int from, int to) {
        return DateRange.of(DAY.atTime(from, 0), DAY.atTime(to, 0));
    }

    private static void join(Thread thread) {
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The storage and the recorded servers of one test. */
    private static final class Servers {

        final Storage storage;
        final Recording primary;
        final Recording standby;

        Servers(Storage storage, Recording primary, Recording standby) {
            this.storage = storage;
            this.primary = primary;
            this.standby = standby;
        }

        void reset() {
            primary.reset();
            standby.reset();
        }

        ReplicaStatistics statistics() {
            return storage.replicaStatistics().orElseThrow(() -> new AssertionError(
                    "a storage with replicas reports replicaStatistics(); got none"));
        }
    }

    /** A data source that records each connection handed out and whether its server is in recovery. */
    private static final class Recording implements DataSource {

        private final DataSource delegate;
        final AtomicInteger attempts = new AtomicInteger();
        final List<Boolean> inRecovery = java.util.Collections.synchronizedList(new ArrayList<>());

        Recording(DataSource delegate) {
            this.delegate = delegate;
        }

        int connections() {
            return inRecovery.size();
        }

        void reset() {
            attempts.set(0);
            inRecovery.clear();
        }

        @Override
        public Connection getConnection() throws SQLException {
            attempts.incrementAndGet();
            Connection connection = delegate.getConnection();
            inRecovery.add(ReplicatedPostgres.inRecovery(connection));
            return connection;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the kit's data sources connect as the test user only");
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            return delegate.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || delegate.isWrapperFor(type);
        }
    }
}
