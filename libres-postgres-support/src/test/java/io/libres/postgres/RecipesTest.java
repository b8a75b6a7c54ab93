package io.libres.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.db.models.Allocation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.OverlappingAllocationError;
import io.libres.errors.SerializationFailure;
import io.libres.testkit.contract.ContractFixture;
import io.libres.testkit.postgres.WithPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The recipes for the two unique keys on a real PostgreSQL, with two transactions interleaved
 * deterministically: a visible duplicate, a batch twin and an invisible concurrent duplicate each
 * give their own typed error.
 */
@WithPostgres
@DisplayName("PostgreSQL recipes for reserved slots and allocations")
class RecipesTest {

    private static final Instant NOW = Instant.parse("2031-01-01T08:00:00Z");

    DataSource dataSource;

    private final List<Connection> connections = new ArrayList<>();

    @BeforeEach
    void schema() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            LibresSchema.create(connection);
        }
    }

    @AfterEach
    void closeConnections() throws SQLException {
        for (Connection c : connections) {
            c.close();
        }
    }

    /** A SERIALIZABLE transaction, as every unit of work runs. */
    private Connection transaction() throws SQLException {
        Connection c = dataSource.getConnection();
        connections.add(c);
        c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        c.setAutoCommit(false);
        return c;
    }

    /** Takes the transaction's snapshot by reading something unrelated to the slots and allocations at stake. */
    private static void takeSnapshot(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM reservations WHERE id = -1").close();
        }
    }

    private static List<Allocation> allocate(Connection c, Allocation... allocations) {
        return AllocationInserts.insert(c, List.of(allocations), NOW, data -> "{\"k\": 1}", RecipesTest::read);
    }

    private static Allocation read(ResultSet row) throws SQLException {
        return Allocation.builder().id(row.getInt("id")).resource(row.getObject("resource", UUID.class))
                .mirrorOf(row.getObject("mirror_of", UUID.class)).group(row.getObject("group", UUID.class))
                .start(Jdbc.instant(row, "_start")).end(Jdbc.instant(row, "_end")).build();
    }

    private static ReservedSlot slot(Allocation allocation, int minutes) {
        Instant start = allocation.start().plus(Duration.ofMinutes(minutes));
        return new ReservedSlot(allocation.resource(), start, start.plus(Duration.ofMinutes(5)).minusNanos(1000),
                allocation.requireId(), SlotSource.RESERVATION, UUID.randomUUID(), 1, null, null);
    }

    private Allocation committedAllocation() throws SQLException {
        Connection c = transaction();
        Allocation a = allocate(c, ContractFixture.allocation(UUID.randomUUID(), ContractFixture.hour(0), 1)).get(0);
        c.commit();
        return a;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @DisplayName("a visible duplicate slot: AlreadyReservedError, nothing of the batch inserted, the transaction usable")
    void visibleDuplicate() throws SQLException {
        Allocation a = committedAllocation();
        Connection c = transaction();
        ReservedSlotInserts.insert(c, List.of(slot(a, 0)), NOW);

        assertThatThrownBy(() -> ReservedSlotInserts.insert(c, List.of(slot(a, 5), slot(a, 0)), NOW))
                .isInstanceOf(AlreadyReservedError.class).hasMessageContaining(a.resource().toString());

        assertThat(count(c, "SELECT count(*) FROM reserved_slots WHERE resource = '" + a.resource() + "'"))
                .isEqualTo(1);
        c.commit();
    }

    @Test
    @DisplayName("twins in one batch: AlreadyReservedError, nothing inserted")
    void batchTwins() throws SQLException {
        Allocation a = committedAllocation();
        Connection c = transaction();

        assertThatThrownBy(() -> ReservedSlotInserts.insert(c, List.of(slot(a, 0), slot(a, 5), slot(a, 0)), NOW))
                .isInstanceOf(AlreadyReservedError.class);

        assertThat(count(c, "SELECT count(*) FROM reserved_slots WHERE resource = '" + a.resource() + "'")).isZero();
    }

    @Test
    @DisplayName("a slot committed by a concurrent transaction after this one's snapshot: SerializationFailure, not"
            + " AlreadyReservedError")
    void invisibleCommittedDuplicate() throws SQLException {
        Allocation a = committedAllocation();
        Connection first = transaction();
        Connection second = transaction();
        takeSnapshot(second);
        ReservedSlotInserts.insert(first, List.of(slot(a, 0)), NOW);
        first.commit();

        assertThatThrownBy(() -> ReservedSlotInserts.insert(second, List.of(slot(a, 0)), NOW))
                .isInstanceOf(SerializationFailure.class)
                .satisfies(e -> assertThat(((SerializationFailure) e).isRetryable()).isTrue());
    }

    @Test
    @DisplayName("a slot held by a concurrent transaction still in progress: the insert waits, then fails with"
            + " SerializationFailure once the other commits")
    void invisibleInProgressDuplicate() throws Exception {
        Allocation a = committedAllocation();
        Connection first = transaction();
        Connection second = transaction();
        takeSnapshot(second);
        ReservedSlotInserts.insert(first, List.of(slot(a, 0)), NOW);
        CountDownLatch inserting = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            inserting.countDown();
            try {
                ReservedSlotInserts.insert(second, List.of(slot(a, 0)), NOW);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        assertThat(inserting.await(1, TimeUnit.MINUTES)).isTrue();
        first.commit();

        assertThat(outcome.get(1, TimeUnit.MINUTES)).isInstanceOf(SerializationFailure.class);
    }

    @Test
    @DisplayName("moved slots keep their created and get modified; a visible slot at a destination is AlreadyReservedError")
    void movedSlots() throws SQLException {
        Allocation a = committedAllocation();
        Connection c = transaction();
        Instant created = NOW.minus(Duration.ofDays(3));
        ReservedSlot moved = slot(a, 0);
        moved = new ReservedSlot(moved.resource(), moved.start(), moved.end(), moved.allocationId(), moved.source(),
                moved.reservationToken(), moved.sourceId(), created, null);
        ReservedSlotInserts.insertMoved(c, List.of(moved), NOW);

        assertThat(count(c, "SELECT count(*) FROM reserved_slots WHERE resource = '" + a.resource()
                + "' AND created = '2030-12-29 08:00' AND modified = '2031-01-01 08:00'")).isEqualTo(1);
        ReservedSlot again = moved;
        assertThatThrownBy(() -> ReservedSlotInserts.insertMoved(c, List.of(again), NOW))
                .isInstanceOf(AlreadyReservedError.class);
    }

    @Test
    @DisplayName("an allocation at a stored one's resource and start: OverlappingAllocationError naming the stored one")
    void visibleAllocation() throws SQLException {
        Allocation stored = committedAllocation();
        Connection c = transaction();
        Allocation again = ContractFixture.allocation(stored.resource(), stored.start(), 2);

        assertThatThrownBy(() -> allocate(c, again)).isInstanceOfSatisfying(OverlappingAllocationError.class,
                e -> assertThat(e.existing().id()).hasValue(stored.requireId()));
        assertThat(count(c, "SELECT count(*) FROM allocations WHERE resource = '" + stored.resource() + "'"))
                .as("the transaction is still usable").isEqualTo(1);
    }

    @Test
    @DisplayName("twin allocations in one batch: OverlappingAllocationError naming the earlier twin, never null")
    void twinAllocations() throws SQLException {
        Connection c = transaction();
        UUID resource = UUID.randomUUID();
        Allocation first = ContractFixture.allocation(resource, ContractFixture.hour(0), 1);
        Allocation twin = ContractFixture.allocation(resource, ContractFixture.hour(0), 2);

        assertThatThrownBy(() -> allocate(c, first, twin)).isInstanceOfSatisfying(OverlappingAllocationError.class,
                e -> {
                    assertThat(e.existing()).isSameAs(first);
                    assertThat(e.getMessage()).contains(resource.toString());
                });
    }

    @Test
    @DisplayName("an allocation committed concurrently, invisible to this transaction: SerializationFailure")
    void invisibleAllocation() throws SQLException {
        UUID resource = UUID.randomUUID();
        Connection first = transaction();
        Connection second = transaction();
        takeSnapshot(second);
        allocate(first, ContractFixture.allocation(resource, ContractFixture.hour(0), 1));
        first.commit();

        assertThatThrownBy(() -> allocate(second, ContractFixture.allocation(resource, ContractFixture.hour(0), 1)))
                .isInstanceOf(SerializationFailure.class);
    }

    @Test
    @DisplayName("empty data is stored as {} (never NULL); created is set, modified left NULL")
    void emptyData() throws SQLException {
        Connection c = transaction();
        Allocation a = ContractFixture.allocation(UUID.randomUUID(), ContractFixture.hour(0), 1);
        Allocation stored = AllocationInserts.insert(c, List.of(a), NOW, data -> "null", RecipesTest::read).get(0);

        assertThat(stored.id()).isPresent();
        assertThat(stored.created()).contains(NOW);
        assertThat(count(c, "SELECT count(*) FROM allocations WHERE id = " + stored.requireId()
                + " AND data IS NOT NULL AND data::text = '{}' AND modified IS NULL AND created = '2031-01-01 08:00'"))
                .isEqualTo(1);
        assertThat(AllocationInserts.dataText(Map.of(), data -> "null")).isEqualTo("{}");
        assertThat(AllocationInserts.dataText(null, data -> "x")).isEqualTo("{}");
        assertThat(AllocationInserts.dataText(Map.of("a", 1), data -> "null")).isEqualTo("{}");
    }
}
