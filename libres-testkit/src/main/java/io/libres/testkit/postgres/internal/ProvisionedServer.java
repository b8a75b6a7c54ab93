package io.libres.testkit.postgres.internal;

import io.libres.testkit.postgres.PostgresSource;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.TestDatabaseException;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

/**
 * A server that answered, with its version, and the databases made on it for tests:
 * each is a copy of one empty template database that belongs to this JVM.
 */
public final class ProvisionedServer {

    /** The oldest server this kit accepts: it drops databases with {@code WITH (FORCE)}. */
    public static final int MINIMUM_VERSION_NUMBER = 130000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerHandle handle;
    private final List<Attempt> attempts;
    private final String version;
    private final String shortVersion;
    private final int versionNumber;
    private final String template;
    private final DataSource maintenance;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private ProvisionedServer(ServerHandle handle, List<Attempt> attempts, String version, String shortVersion,
            int versionNumber, String template) {
        this.handle = handle;
        this.attempts = List.copyOf(attempts);
        this.version = version;
        this.shortVersion = shortVersion;
        this.versionNumber = versionNumber;
        this.template = template;
        this.maintenance = DataSources.simple(handle.jdbcUrl(), handle.user(), handle.password());
    }

    /**
     * Asks the server for its version and prepares the template database.
     *
     * @param handle how to reach the server
     * @param attempts what the provisioner tried, this server's attempt last
     * @return the server, ready to hand out databases
     * @throws SQLException if the server cannot be queried or the template cannot be created
     * @throws IllegalStateException if the server is older than PostgreSQL 13
     */
    static ProvisionedServer open(ServerHandle handle, List<Attempt> attempts) throws SQLException {
        DataSource dataSource = DataSources.simple(handle.jdbcUrl(), handle.user(), handle.password());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String version = single(statement, "SELECT version()");
            String shortVersion = single(statement, "SHOW server_version");
            int versionNumber = Integer.parseInt(single(statement, "SHOW server_version_num"));
            if (versionNumber < MINIMUM_VERSION_NUMBER) {
                throw new IllegalStateException("the server runs " + version
                        + ", but the testkit needs PostgreSQL 13 or newer");
            }
            String template = "libres_template_" + randomSuffix();
            statement.execute("CREATE DATABASE " + template
                    + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
            return new ProvisionedServer(handle, attempts, version, shortVersion, versionNumber, template);
        }
    }

    /**
     * Tells where the server comes from.
     *
     * @return the strategy that provided it
     */
    public PostgresSource source() {
        return handle.source();
    }

    /**
     * Gives the server's own description.
     *
     * @return the result of {@code SELECT version()}
     */
    public String version() {
        return version;
    }

    /**
     * Gives the server's version number.
     *
     * @return {@code server_version_num}, for example {@code 180002}
     */
    public int versionNumber() {
        return versionNumber;
    }

    /**
     * Lists what the provisioner tried before this server was found.
     *
     * @return the attempts in order, this server's last
     */
    public List<Attempt> attempts() {
        return attempts;
    }

    /**
     * Tells whether {@link #restart()} can restart this server.
     *
     * @return true for a server this kit started (the embedded one)
     */
    public boolean canRestart() {
        return handle.restarter() != null;
    }

    /**
     * Restarts the server on the same address; every open connection is lost.
     *
     * @throws UnsupportedOperationException if this kit did not start the server
     */
    public void restart() {
        if (handle.restarter() == null) {
            throw new UnsupportedOperationException("the testkit cannot restart a server it did not start ("
                    + handle.source().description() + "); expected the embedded PostgreSQL");
        }
        handle.restarter().run();
    }

    /**
     * Gives the URL of the maintenance database that databases are created from.
     *
     * @return a {@code jdbc:postgresql://} URL
     */
    public String maintenanceJdbcUrl() {
        return handle.jdbcUrl();
    }

    /**
     * Says which of the three ways provided the server, where, and which version runs.
     *
     * @return the line the provisioner logs
     */
    public String announcement() {
        return "libres-testkit uses PostgreSQL " + shortVersion + " from " + handle.source().description()
                + " (" + handle.details() + "): " + version;
    }

    /**
     * Creates a fresh, empty database as a copy of the template.
     *
     * @param label a hint for the database's name, such as the test class; sanitised and shortened
     * @return the new database
     * @throws TestDatabaseException if the server refuses to create it
     */
    public TestDatabase createDatabase(String label) {
        String name = "libres_test_" + sanitise(label) + "_" + randomSuffix();
        execute("CREATE DATABASE " + name + " TEMPLATE " + template, "create database " + name);
        return new TestDatabase(handle.source(), JdbcUrls.withDatabase(handle.jdbcUrl(), name), handle.user(),
                handle.password(), name, shortVersion, versionNumber);
    }

    /**
     * Drops a database made by {@link #createDatabase}, ending its open sessions first.
     *
     * @param databaseName the database's name
     * @throws TestDatabaseException if the server refuses to drop it
     */
    public void dropDatabase(String databaseName) {
        if (!databaseName.matches("libres_(test|template)_[a-z0-9_]+")) {
            throw new TestDatabaseException("not a database this kit created: '" + databaseName + "'");
        }
        execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)", "drop database " + databaseName);
    }

    /** Drops the template and stops the server if this kit started it; later calls do nothing. */
    public void stop() {
        if (stopped.getAndSet(true)) {
            return;
        }
        try {
            dropDatabase(template);
        } catch (TestDatabaseException e) {
            // The server may already be going down with the JVM; an embedded one takes its data along.
        } finally {
            handle.stopper().run();
        }
    }

    private void execute(String sql, String what) {
        try (Connection connection = maintenance.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new TestDatabaseException("could not " + what + " on " + handle.jdbcUrl() + " as "
                    + handle.user() + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static String sanitise(String label) {
        String name = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return name.length() > 30 ? name.substring(name.length() - 30) : name;
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
