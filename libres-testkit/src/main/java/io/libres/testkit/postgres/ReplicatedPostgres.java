package io.libres.testkit.postgres;

import io.libres.testkit.postgres.internal.StreamingPair;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A PostgreSQL primary and a hot standby streaming from it, on PostgreSQL's own replication, for
 * tests of read replicas: made from the embedded binaries of the testkit alone (no
 * {@code pg_basebackup}, nothing installed): the primary is initialised, given a physical
 * replication slot and stopped cleanly, its data directory copied as the standby's (with
 * {@code standby.signal} and {@code primary_conninfo}), and both started. About two seconds.
 *
 * <pre>{@code
 * try (ReplicatedPostgres pair = ReplicatedPostgres.start()) {
 *     Storage storage = JdbiStorage.builder().dataSource(pair.primary()).replicas(pair.standby()).build();
 *     ...
 * }
 * }</pre>
 *
 * <p>The test can stop and start the standby, pause and resume its replay, and wait until it has
 * replayed the primary's writes. Both servers use the {@code postgres} database and user, without
 * password. Thread-safe for reading; one test drives it at a time.
 */
public final class ReplicatedPostgres implements AutoCloseable {

    private final StreamingPair pair;

    private ReplicatedPostgres(StreamingPair pair) {
        this.pair = pair;
    }

    /**
     * Starts a primary and a standby, and returns once the standby streams.
     *
     * @return the running pair; close it
     * @throws TestDatabaseException if the embedded binaries are missing or a server does not start
     */
    public static ReplicatedPostgres start() {
        try {
            return new ReplicatedPostgres(StreamingPair.start());
        } catch (IOException e) {
            throw new TestDatabaseException("could not start a replicated PostgreSQL pair (primary and streaming"
                    + " standby from the embedded binaries): " + e.getMessage(), e);
        }
    }

    /** @return an unpooled data source of the primary */
    public DataSource primary() {
        return pair.primaryDataSource();
    }

    /** @return an unpooled data source of the standby */
    public DataSource standby() {
        return pair.standbyDataSource();
    }

    /** @return the primary's JDBC URL, for example {@code jdbc:postgresql://127.0.0.1:5433/postgres?user=postgres} */
    public String primaryUrl() {
        return pair.primaryUrl() + "?user=postgres";
    }

    /** @return the standby's JDBC URL, for example {@code jdbc:postgresql://127.0.0.1:5434/postgres?user=postgres} */
    public String standbyUrl() {
        return pair.standbyUrl() + "?user=postgres";
    }

    /** Stops the standby cleanly (its port then refuses connections); {@link #startStandby()} brings it back. */
    public void stopStandby() {
        pair.stopStandby();
    }

    /**
     * Starts the stopped standby again and waits until it streams and has caught up.
     *
     * @throws TestDatabaseException if it does not within 30 seconds
     */
    public void startStandby() {
        try {
            pair.startStandby();
        } catch (IOException e) {
            throw new TestDatabaseException("the standby did not come back: " + e.getMessage(), e);
        }
    }

    /**
     * Pauses the standby's replay ({@code pg_wal_replay_pause()}): it keeps receiving the
     * primary's WAL but shows none of it, so it lags.
     *
     * @throws TestDatabaseException if the standby refuses
     */
    public void pauseReplay() {
        onStandby("SELECT pg_wal_replay_pause()");
    }

    /**
     * Resumes the standby's replay ({@code pg_wal_replay_resume()}) and waits until it has caught up.
     *
     * @throws TestDatabaseException if the standby refuses or does not catch up within 30 seconds
     */
    public void resumeReplay() {
        onStandby("SELECT pg_wal_replay_resume()");
        awaitReplayed();
    }

    /**
     * Waits until the standby has replayed everything the primary has written so far.
     *
     * @throws TestDatabaseException if it does not within 30 seconds
     */
    public void awaitReplayed() {
        try {
            pair.awaitReplayed();
        } catch (IOException e) {
            throw new TestDatabaseException(e.getMessage(), e);
        }
    }

    /**
     * Tells whether a data source reaches a server in recovery, that is, a standby
     * ({@code pg_is_in_recovery()}).
     *
     * @param dataSource a data source of either server
     * @return true for the standby, false for the primary
     * @throws TestDatabaseException if the server cannot be asked
     */
    public static boolean inRecovery(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return inRecovery(connection);
        } catch (SQLException e) {
            throw new TestDatabaseException("could not ask pg_is_in_recovery(): " + e.getMessage(), e);
        }
    }

    /**
     * Tells whether a connection is to a server in recovery ({@code pg_is_in_recovery()}).
     *
     * @param connection an open connection
     * @return true on the standby
     * @throws SQLException if the server cannot be asked
     */
    public static boolean inRecovery(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_is_in_recovery()")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private void onStandby(String sql) {
        try (Connection connection = standby().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new TestDatabaseException("the standby refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    /** Stops both servers and removes their data. */
    @Override
    public void close() {
        pair.stop();
    }
}
