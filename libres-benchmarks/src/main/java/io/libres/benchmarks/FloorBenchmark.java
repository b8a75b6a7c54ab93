package io.libres.benchmarks;

import io.libres.time.DateRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The floor of issue 13: plain JDBC doing W1's and W2's database effect on the same kind of
 * database, and nothing else: the same rows libres writes, in SERIALIZABLE transactions, with
 * prepared statements on one connection. W1: 2,000 allocation rows in one batch, commit. W2, per
 * reservation: insert the pending reservation, insert its reserved slot, mark it approved, commit.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class FloorBenchmark {

    private static final String INSERT_ALLOCATION = "INSERT INTO allocations (resource, type, mirror_of, \"group\","
            + " quota, quota_limit, partly_available, approve_manually, timezone, data, _start, _end, _raster, created)"
            + " VALUES (?, 'generic', ?, ?, 1, 0, false, false, 'Europe/Zurich', CAST('{}' AS jsonb), ?, ?, 60, ?)";
    private static final String INSERT_RESERVATION = "INSERT INTO reservations (token, target, target_type, type,"
            + " resource, start, \"end\", timezone, status, data, email, quota, created) VALUES (?, ?, 'allocation',"
            + " 'generic', ?, ?, ?, 'Europe/Zurich', 'pending', CAST('{}' AS jsonb), ?, 1, ?) RETURNING id";
    private static final String INSERT_SLOT = "INSERT INTO reserved_slots (resource, start, \"end\", allocation_id,"
            + " source_type, reservation_token, source_id, created) VALUES (?, ?, ?, ?, 'reservation', ?, ?, ?)";
    private static final String APPROVE = "UPDATE reservations SET status = 'approved', modified = ? WHERE id = ?";

    Backend backend;
    Connection connection;
    List<Timespan> w1Hours;
    List<Timespan> w2Hours;
    UUID resource;
    List<Integer> allocationIds;
    UUID w2Resource;

    private record Timespan(Timestamp start, Timestamp end) {
    }

    /**
     * Opens a fresh PostgreSQL database with libres' tables and one connection to it.
     *
     * @throws SQLException if the database cannot be reached
     */
    @Setup(Level.Trial)
    public void open() throws SQLException {
        backend = Backend.open(StorageKind.POSTGRESQL, "floor");
        connection = backend.connection();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        w1Hours = utc(Workloads.hours(2_000, Workloads.FIRST_HOUR));
        w2Hours = utc(Workloads.hours(W2ReserveBenchmark.RESERVATIONS, Workloads.FIRST_HOUR));
    }

    private static List<Timespan> utc(List<DateRange> ranges) {
        List<Timespan> spans = new ArrayList<>();
        for (DateRange range : ranges) {
            io.libres.time.Timespan span = range.resolve(Backend.ZONE);
            spans.add(new Timespan(timestamp(span.start()), timestamp(span.end().minusNanos(1_000))));
        }
        return spans;
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /**
     * A fresh resource per iteration, and W2's allocations on a resource of their own.
     *
     * @throws SQLException if the database fails
     */
    @Setup(Level.Iteration)
    public void freshResource() throws SQLException {
        resource = UUID.randomUUID();
        w2Resource = UUID.randomUUID();
        allocationIds = insertAllocations(w2Resource, w2Hours);
        connection.commit();
    }

    /**
     * Closes the connection and drops the database.
     *
     * @throws SQLException if the connection cannot be closed
     */
    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
        backend.close();
    }

    private List<Integer> insertAllocations(UUID target, List<Timespan> hours) throws SQLException {
        Timestamp now = timestamp(Instant.now());
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ALLOCATION, new String[] {"id"})) {
            for (Timespan hour : hours) {
                insert.setObject(1, target);
                insert.setObject(2, target);
                insert.setObject(3, UUID.randomUUID());
                insert.setTimestamp(4, hour.start());
                insert.setTimestamp(5, hour.end());
                insert.setTimestamp(6, now);
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getInt(1));
                }
            }
        }
        return ids;
    }

    /**
     * W1's database effect: 2,000 allocation rows, one batch, commit.
     *
     * @return the rows written
     * @throws SQLException if the database fails
     */
    @Benchmark
    public int w1Allocate2000AndCommit() throws SQLException {
        int rows = insertAllocations(resource, w1Hours).size();
        connection.commit();
        return rows;
    }

    /**
     * W2's database effect per reservation: two inserts, one update, commit; the score is per
     * reservation.
     *
     * @return the slots written
     * @throws SQLException if the database fails
     */
    @Benchmark
    @OperationsPerInvocation(W2ReserveBenchmark.RESERVATIONS)
    public int w2ReserveApproveCommit() throws SQLException {
        int slots = 0;
        try (PreparedStatement reserve = connection.prepareStatement(INSERT_RESERVATION);
                PreparedStatement slot = connection.prepareStatement(INSERT_SLOT);
                PreparedStatement approve = connection.prepareStatement(APPROVE)) {
            for (int i = 0; i < w2Hours.size(); i++) {
                Timespan hour = w2Hours.get(i);
                UUID token = UUID.randomUUID();
                Timestamp now = timestamp(Instant.now());
                reserve.setObject(1, token);
                reserve.setObject(2, UUID.randomUUID());
                reserve.setObject(3, w2Resource);
                reserve.setTimestamp(4, hour.start());
                reserve.setTimestamp(5, hour.end());
                reserve.setString(6, Workloads.EMAIL);
                reserve.setTimestamp(7, now);
                int id;
                try (ResultSet key = reserve.executeQuery()) {
                    key.next();
                    id = key.getInt(1);
                }
                slot.setObject(1, w2Resource);
                slot.setTimestamp(2, hour.start());
                slot.setTimestamp(3, hour.end());
                slot.setInt(4, allocationIds.get(i));
                slot.setObject(5, token);
                slot.setInt(6, id);
                slot.setTimestamp(7, now);
                slots += slot.executeUpdate();
                approve.setTimestamp(1, now);
                approve.setInt(2, id);
                approve.executeUpdate();
                connection.commit();
            }
        }
        return slots;
    }
}
