package io.libres.testkit.stress;

import io.libres.testkit.postgres.PostgresServer;
import io.libres.testkit.postgres.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;

/**
 * {@link Faults} on a test database of the testkit's server: backends are terminated with
 * {@code pg_terminate_backend} over a connection of its own, the server is restarted with
 * {@link PostgresServer#restart()} (the embedded server: a fast shutdown and a start on the same
 * port and data). A server the testkit did not start cannot be restarted; then every backend of
 * the database is terminated at once instead, which is what a restart looks like to a client.
 */
public final class DatabaseFaults implements Faults {

    private final TestDatabase database;
    private final PostgresServer server;

    private DatabaseFaults(TestDatabase database, PostgresServer server) {
        this.database = database;
        this.server = server;
    }

    /**
     * Faults on a database of the JVM's shared server.
     *
     * @param database the database under test
     * @return the faults
     */
    public static DatabaseFaults on(TestDatabase database) {
        return new DatabaseFaults(database, PostgresServer.shared());
    }

    @Override
    public int terminateRandomBackend(Random random) {
        // busy backends first: a unit of work cut off in the middle is the interesting case
        String sql = "SELECT pg_terminate_backend(pid) FROM (SELECT pid FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
                + " ORDER BY state = 'idle', (hashtext(pid::text) # ?) LIMIT 1) victim";
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, random.nextInt());
            int terminated = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    terminated += rows.getBoolean(1) ? 1 : 0;
                }
            }
            return terminated;
        } catch (SQLException e) {
            throw new IllegalStateException("could not terminate a backend of " + database.databaseName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Terminates every backend of the database that is inside a transaction (a unit of work that
     * has run a statement and not yet committed) and waits until they are gone, so that the next
     * statement of that unit of work finds its connection lost.
     *
     * @return how many backends were terminated
     */
    public int terminateBackendsInTransaction() {
        String victims = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                + " AND state LIKE 'idle in transaction%'";
        try (Connection connection = connect()) {
            java.util.List<Integer> pids = new java.util.ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(victims); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
            for (int pid : pids) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
                    statement.setInt(1, pid);
                    statement.executeQuery().close();
                }
            }
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            for (int pid : pids) {
                while (System.nanoTime() < deadline && alive(connection, pid)) {
                    Thread.sleep(10);
                }
            }
            return pids.size();
        } catch (SQLException e) {
            throw new IllegalStateException("could not terminate the backends of " + database.databaseName() + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while terminating backends", e);
        }
    }

    private static boolean alive(Connection connection, int pid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_stat_activity WHERE pid = ?")) {
            statement.setInt(1, pid);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void restartServer() {
        if (server.canRestart()) {
            server.restart();
            return;
        }
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid()")) {
            statement.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not terminate the backends of " + database.databaseName() + ": "
                    + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
