package io.libres.postgres;

import org.jspecify.annotations.Nullable;

import io.libres.context.Secrets;
import io.libres.db.WritePosition;
import io.libres.errors.InvalidSetting;
import io.libres.spi.ReplicaStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Routes read-only units of work to PostgreSQL streaming replicas (hot standbys), the same way for
 * every SQL adapter: round robin over the replicas that answer, each asked in one statement how far
 * it has replayed the primary's write-ahead log and how far behind it is.
 *
 * <ul>
 *   <li><b>Read-your-writes.</b> A read that must see a commit ({@link WritePosition}, the primary's
 *       WAL insert position after it, {@link #positionAfterCommit(Connection)}) runs on a replica
 *       only once {@code pg_last_wal_replay_lsn()} has passed it; the replica is asked again every
 *       {@value #POLL_MILLIS} ms up to the wait bound, then the next replica, then the primary.</li>
 *   <li><b>Staleness.</b> A replica whose replay lags more than the lag bound (the time since the
 *       last transaction it replayed, while it has received WAL it has not replayed: a paused or
 *       overloaded standby) is skipped.</li>
 *   <li><b>Failure.</b> A replica that cannot be reached is skipped for the retry interval; that it
 *       went down, lags, or came back is logged once per change, not per read.</li>
 * </ul>
 *
 * <p>The connection it hands out is set for a REPEATABLE READ READ ONLY transaction, not begun yet:
 * its snapshot is taken by its first statement, after the replica was found far enough. A standby
 * refuses SERIALIZABLE; one snapshot is what REPEATABLE READ gives. Thread-safe.
 */
public final class ReplicaReads {

    /** How often a replica is asked again while a read waits for it to replay a position. */
    public static final long POLL_MILLIS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaReads.class);

    private static final String STATE = "SELECT pg_is_in_recovery(),"
            + " COALESCE(pg_last_wal_replay_lsn() - '0/0'::pg_lsn, 0)::bigint,"
            + " CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn()"
            + " OR pg_last_xact_replay_timestamp() IS NULL THEN 0"
            + " ELSE (EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::bigint END";

    private final List<Replica> replicas;
    private final long waitNanos;
    private final long maxLagMillis;
    private final long retryNanos;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong replicaReads = new AtomicLong();
    private final AtomicLong primaryReads = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong skippedDown = new AtomicLong();
    private final AtomicLong skippedLagging = new AtomicLong();

    /**
     * Routes over replicas.
     *
     * @param replicas the replicas' data sources (pooled, ideally), with their names for the log
     *     (never with a password), in the order they are tried first
     * @param wait how long a read waits, over all replicas together, for one to replay the position
     *     it must see before it falls back to the primary
     * @param maxLag the most a replica may lag behind to be read at all
     * @param retry how long an unreachable replica is left alone before it is tried again
     * @throws InvalidSetting if a data source is missing or a duration negative
     */
    public ReplicaReads(List<Named> replicas, Duration wait, Duration maxLag, Duration retry) {
        if (replicas == null || replicas.contains(null)) {
            throw new InvalidSetting("the read replicas are missing or hold a missing one; expected data sources");
        }
        for (Duration d : new Duration[] {wait, maxLag, retry}) {
            if (d == null || d.isNegative()) {
                throw new InvalidSetting("a replica bound is missing or negative (" + d + "); expected zero or more");
            }
        }
        List<Replica> list = new ArrayList<>();
        for (Named named : replicas) {
            list.add(new Replica(named));
        }
        this.replicas = List.copyOf(list);
        this.waitNanos = wait.toNanos();
        this.maxLagMillis = maxLag.toMillis();
        this.retryNanos = retry.toNanos();
    }

    /**
     * A replica's data source and the name the log gives it.
     *
     * @param dataSource connections to the replica
     * @param name for the log, for example the dsn without its password
     */
    public record Named(DataSource dataSource, String name) {
    }

    /**
     * Reads the {@code replica_dsns} setting: dsns separated by spaces.
     *
     * @param setting the setting's value; null or blank for none
     * @return the dsns, in their order
     * @throws InvalidSetting if one is in no form {@link PostgresDsn} reads
     */
    public static List<PostgresDsn> parseDsns(@Nullable String setting) {
        List<PostgresDsn> dsns = new ArrayList<>();
        if (setting != null) {
            for (String dsn : setting.trim().split("\\s+")) {
                if (!dsn.isEmpty()) {
                    dsns.add(PostgresDsn.parse(dsn));
                }
            }
        }
        return List.copyOf(dsns);
    }

    /**
     * Tells whether there are replicas to route to.
     *
     * @return false when every read goes to the primary
     */
    public boolean isEmpty() {
        return replicas.isEmpty();
    }

    /**
     * A connection on a replica that has replayed {@code after} and lags no more than the bound,
     * with REPEATABLE READ and read-only set (auto-commit still on: the adapter begins the
     * transaction); the caller runs the read-only unit of
     * work on it and closes it. Empty when no replica qualifies: the read goes to the primary.
     *
     * @param after the position the read must see; null for none
     * @return the connection, or empty for the primary
     */
    public Optional<Connection> open(@Nullable WritePosition after) {
        if (replicas.isEmpty()) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + waitNanos;
        int first = Math.floorMod(next.getAndIncrement(), replicas.size());
        for (int i = 0; i < replicas.size(); i++) {
            Replica replica = replicas.get((first + i) % replicas.size());
            Optional<Connection> connection = replica.open(after, deadline);
            if (connection.isPresent()) {
                replicaReads.incrementAndGet();
                return connection;
            }
        }
        primaryReads.incrementAndGet();
        return Optional.empty();
    }

    /**
     * The primary's WAL insert position, asked right after a commit on the same connection: at or
     * past the commit record, so a replica that has replayed it shows the commit. One statement.
     *
     * @param connection a connection to the primary, outside a transaction
     * @return the position
     * @throws SQLException if the server cannot be asked
     */
    public static WritePosition positionAfterCommit(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint")) {
            row.next();
            return WritePosition.of(row.getLong(1));
        }
    }

    /**
     * The counts so far.
     *
     * @return reads on replicas and on the primary, waits and skips
     */
    public ReplicaStatistics statistics() {
        return new ReplicaStatistics(replicaReads.get(), primaryReads.get(), waits.get(), skippedDown.get(),
                skippedLagging.get());
    }

    /** One replica and what the router last learnt of it. */
    private final class Replica {

        private final DataSource dataSource;
        private final String name;
        private volatile long downUntil = System.nanoTime();
        private volatile boolean down;
        private volatile boolean lagging;

        Replica(Named named) {
            this.dataSource = named.dataSource();
            this.name = named.name();
        }

        Optional<Connection> open(WritePosition after, long deadline) {
            if (down && System.nanoTime() - downUntil < 0) {
                skippedDown.incrementAndGet();
                return Optional.empty();
            }
            Connection connection;
            try {
                connection = dataSource.getConnection();
            } catch (SQLException | RuntimeException e) {
                markDown(e instanceof SQLException ? SqlErrors.translateConnection(name, (SQLException) e) : e);
                return Optional.empty();
            }
            try {
                if (qualifies(connection, after, deadline)) {
                    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    connection.setReadOnly(true);
                    markUp();
                    return Optional.of(connection);
                }
            } catch (SQLException | RuntimeException e) {
                markDown(e instanceof SQLException ? SqlErrors.translateConnection(name, (SQLException) e) : e);
            }
            closeQuietly(connection);
            return Optional.empty();
        }

        private boolean qualifies(Connection connection, WritePosition after, long deadline) throws SQLException {
            connection.setAutoCommit(true);
            boolean waited = false;
            try (Statement statement = connection.createStatement()) {
                while (true) {
                    boolean inRecovery;
                    long replayed;
                    long lagMillis;
                    try (ResultSet row = statement.executeQuery(STATE)) {
                        row.next();
                        inRecovery = row.getBoolean(1);
                        replayed = row.getLong(2);
                        lagMillis = row.getLong(3);
                    }
                    if (!inRecovery) {
                        // promoted, or no standby at all: its history may not be the primary's
                        markDown(new IllegalStateException("it is not in recovery (pg_is_in_recovery() is false):"
                                + " not a standby of the primary, or promoted"));
                        return false;
                    }
                    if (after == null || replayed >= after.value()) {
                        if (lagMillis > maxLagMillis) {
                            markLagging("it lags " + lagMillis + " ms behind, more than the bound of " + maxLagMillis
                                    + " ms");
                            return false;
                        }
                        return true;
                    }
                    if (!waited) {
                        waited = true;
                        waits.incrementAndGet();
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        markLagging("it had not replayed the position a read had to see (" + after.token() + ", replayed "
                                + WritePosition.of(replayed).token() + ") within the wait bound");
                        return false;
                    }
                    try {
                        TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
            }
        }

        private void markDown(Throwable why) {
            skippedDown.incrementAndGet();
            downUntil = System.nanoTime() + retryNanos;
            if (!down) {
                down = true;
                LOG.warn("libres: read replica {} is skipped: {}; reads go to another replica or the primary, and it is"
                        + " tried again every {} ms", name, Secrets.redact(String.valueOf(why.getMessage())),
                        TimeUnit.NANOSECONDS.toMillis(retryNanos));
            }
        }

        private void markLagging(String why) {
            skippedLagging.incrementAndGet();
            if (!lagging) {
                lagging = true;
                LOG.warn("libres: read replica {} is skipped: {}; reads go to another replica or the primary until it"
                        + " catches up", name, why);
            }
        }

        private void markUp() {
            if (down || lagging) {
                LOG.info("libres: read replica {} serves reads again", name);
                down = false;
                lagging = false;
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // the replica is skipped either way
        }
    }
}
