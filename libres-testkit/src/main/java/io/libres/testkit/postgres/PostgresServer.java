package io.libres.testkit.postgres;

import io.libres.testkit.postgres.internal.ProvisionedServer;
import io.libres.testkit.postgres.internal.SharedServer;

/**
 * The PostgreSQL server of this JVM: provisioned on first use (external URL, then
 * Testcontainers, then embedded binaries), stopped when the JVM exits. Hands out fresh
 * databases; most tests get theirs through {@link PostgresExtension} instead.
 */
public final class PostgresServer {

    private final ProvisionedServer server;

    private PostgresServer(ProvisionedServer server) {
        this.server = server;
    }

    /**
     * Gives the JVM's server, provisioning it on the first call; safe from any thread.
     *
     * @return the server every test of this JVM shares
     * @throws PostgresUnavailableException if no server could be provided; the message lists every
     *     attempt and what to set, and later calls fail the same way without trying again
     */
    public static PostgresServer shared() {
        return new PostgresServer(SharedServer.get());
    }

    /**
     * Tells where the server comes from.
     *
     * @return the strategy that provided it
     */
    public PostgresSource source() {
        return server.source();
    }

    /**
     * Gives the server's own description.
     *
     * @return the result of {@code SELECT version()}
     */
    public String version() {
        return server.version();
    }

    /**
     * Gives the server's version number.
     *
     * @return {@code server_version_num}, for example {@code 180002}
     */
    public int versionNumber() {
        return server.versionNumber();
    }

    /**
     * Gives the line that was logged when the server was provisioned.
     *
     * @return which source, where, and which version
     */
    public String announcement() {
        return server.announcement();
    }

    /**
     * Gives the URL of the server's maintenance database ({@code postgres}, or the database of
     * {@code LIBRES_TEST_JDBC_URL}); tests should not write there.
     *
     * @return a {@code jdbc:postgresql://} URL
     */
    public String maintenanceJdbcUrl() {
        return server.maintenanceJdbcUrl();
    }

    /**
     * Tells whether {@link #restart()} can restart the server: only the embedded server, which
     * the testkit started itself.
     *
     * @return true for the embedded server
     */
    public boolean canRestart() {
        return server.canRestart();
    }

    /**
     * Restarts the server on the same address and data, for fault tests: a fast shutdown that ends
     * every session of every database, then a start; returns once the server accepts connections.
     * Pools in front of it lose their connections and must make new ones.
     *
     * @throws UnsupportedOperationException if the testkit did not start the server (an external
     *     URL or a container)
     */
    public void restart() {
        server.restart();
    }

    /**
     * Creates a fresh, empty database. The caller drops it with {@link #dropDatabase}.
     *
     * @param label a hint for the name, such as the test class's name; it is sanitised and shortened
     * @return the new database
     * @throws TestDatabaseException if the server refuses to create it
     */
    public TestDatabase createDatabase(String label) {
        return server.createDatabase(label);
    }

    /**
     * Drops a database made by {@link #createDatabase}, ending its open sessions first.
     *
     * @param database the database to drop
     * @throws TestDatabaseException if the server refuses, or the name is not one this kit makes
     */
    public void dropDatabase(TestDatabase database) {
        server.dropDatabase(database.databaseName());
    }
}
