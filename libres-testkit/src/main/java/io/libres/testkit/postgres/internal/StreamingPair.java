package io.libres.testkit.postgres.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A primary and a streaming standby made from the embedded binaries alone ({@code initdb},
 * {@code pg_ctl}, {@code postgres}; no {@code pg_basebackup} needed): the primary is initialised,
 * given a physical replication slot and stopped cleanly; its data directory is copied (a base
 * backup of a cleanly shut down cluster) and marked as a standby; then both start, and the standby
 * streams the primary's WAL through the slot. Commits on the primary wait for the local flush
 * ({@code synchronous_commit=on}, cheap with {@code fsync=off}), so that they reach the standby at
 * once rather than at the WAL writer's next round.
 */
public final class StreamingPair {

    /** The replication slot, and the standby's application name. */
    static final String SLOT = "libres_standby";

    private static final List<String> PRIMARY = List.of("synchronous_commit=on", "max_wal_senders=4",
            "wal_level=replica");
    private static final List<String> STANDBY = List.of("hot_standby=on", "wal_receiver_status_interval=1s",
            "max_standby_streaming_delay=-1");
    private static final long TIMEOUT_MILLIS = 30_000;

    private final EmbeddedServer primary;
    private volatile EmbeddedServer standby;

    private StreamingPair(EmbeddedServer primary, EmbeddedServer standby) {
        this.primary = primary;
        this.standby = standby;
    }

    /**
     * Starts a primary and a standby streaming from it.
     *
     * @return the running pair, the standby streaming
     * @throws IOException if the binaries are missing or a server fails to start
     */
    public static StreamingPair start() throws IOException {
        Settings settings = Settings.fromSystem();
        EmbeddedPostgresStrategy strategy = new EmbeddedPostgresStrategy();
        if (strategy.skipReason(settings).isPresent()) {
            throw new IOException(strategy.skipReason(settings).get());
        }
        EmbeddedPostgresStrategy.Installation installation = strategy.install(settings);
        EmbeddedServer initial = EmbeddedServer.start(installation.binaries(), installation.home(), installation.user(),
                PRIMARY);
        EmbeddedServer primary = null;
        EmbeddedServer standby = null;
        try {
            execute(initial, "SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
            initial.stopKeepingData();
            EmbeddedServer copy = initial.copyAsStandby(installation.home(), SLOT, STANDBY);
            primary = initial.restart(PRIMARY);
            standby = copy.restart(STANDBY);
            StreamingPair pair = new StreamingPair(primary, standby);
            pair.awaitStreaming();
            return pair;
        } catch (IOException | RuntimeException e) {
            if (standby != null) {
                standby.stop();
            }
            (primary != null ? primary : initial).stop();
            throw e;
        }
    }

    /** @return the primary's JDBC URL (user postgres, no password) */
    public String primaryUrl() {
        return primary.jdbcUrl();
    }

    /** @return the standby's JDBC URL (user postgres, no password) */
    public String standbyUrl() {
        return standby.jdbcUrl();
    }

    /** @return a data source of the primary, unpooled */
    public DataSource primaryDataSource() {
        return DataSources.simple(primary.jdbcUrl(), EmbeddedServer.SUPERUSER, "");
    }

    /** @return a data source of the standby, unpooled */
    public DataSource standbyDataSource() {
        return DataSources.simple(standby.jdbcUrl(), EmbeddedServer.SUPERUSER, "");
    }

    /** Stops the standby cleanly, keeping its data, so that it can start again. */
    public void stopStandby() {
        standby.stopKeepingData();
    }

    /**
     * Starts the stopped standby again on its port, and waits until it streams.
     *
     * @throws IOException if it does not start or stream in time
     */
    public void startStandby() throws IOException {
        standby = standby.restart(STANDBY);
        awaitStreaming();
    }

    /**
     * Waits until the standby has replayed everything the primary has written so far.
     *
     * @throws IOException if it does not within 30 s
     */
    public void awaitReplayed() throws IOException {
        long target = Long.parseLong(query(primary, "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint"));
        awaitOnStandby("COALESCE(pg_last_wal_replay_lsn() - '0/0'::pg_lsn, 0)::bigint >= " + target,
                "replay the primary's position " + target);
    }

    private void awaitStreaming() throws IOException {
        awaitOnStandby("EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming')",
                "stream from the primary");
        awaitReplayed();
    }

    private void awaitOnStandby(String condition, String what) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            if ("t".equals(query(standby, "SELECT " + condition)) || "true".equals(query(standby, "SELECT " + condition))) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the standby to " + what, e);
            }
        }
        throw new IOException("the standby did not " + what + " within " + TIMEOUT_MILLIS + " ms");
    }

    /** Stops both servers and removes their data. */
    public void stop() {
        standby.stop();
        primary.stop();
    }

    private static void execute(EmbeddedServer server, String sql) throws IOException {
        query(server, sql);
    }

    private static String query(EmbeddedServer server, String sql) throws IOException {
        try (Connection connection = DataSources.simple(server.jdbcUrl(), EmbeddedServer.SUPERUSER, "").getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IOException("could not run '" + sql + "' on " + server.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }
}
