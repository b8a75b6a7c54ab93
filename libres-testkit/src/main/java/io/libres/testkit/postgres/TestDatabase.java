package io.libres.testkit.postgres;

import io.libres.testkit.postgres.internal.DataSources;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

/**
 * One database made for a test class or a test: empty when handed out, dropped afterwards,
 * invisible to every other test.
 *
 * @param source where the server comes from
 * @param jdbcUrl the URL of this database, without user and password unless the configured URL had them
 * @param user the user to connect as; it owns the database
 * @param password the password, empty when the server needs none
 * @param databaseName the database's name
 * @param serverVersion the server's version, for example {@code "18.2"}
 * @param serverVersionNumber the server's {@code server_version_num}, for example {@code 180002}
 */
public record TestDatabase(PostgresSource source, String jdbcUrl, String user, String password, String databaseName,
        String serverVersion, int serverVersionNumber) {

    /**
     * Checks that every part is present.
     *
     * @param source where the server comes from
     * @param jdbcUrl the URL of this database, without user and password unless the configured URL had them
     * @param user the user to connect as; it owns the database
     * @param password the password, empty when the server needs none
     * @param databaseName the database's name
     * @param serverVersion the server's version, for example {@code "18.2"}
     * @param serverVersionNumber the server's {@code server_version_num}, for example {@code 180002}
     * @throws TestDatabaseException if a part is null, naming the part
     */
    public TestDatabase {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("source", source);
        parts.put("jdbcUrl", jdbcUrl);
        parts.put("user", user);
        parts.put("password", password);
        parts.put("databaseName", databaseName);
        parts.put("serverVersion", serverVersion);
        parts.forEach((name, value) -> {
            if (value == null) {
                throw new TestDatabaseException("a TestDatabase needs a " + name
                        + ", but it was null (use \"\" for no password)");
            }
        });
    }

    /**
     * Creates a data source for this database. It does not pool: every
     * {@code getConnection()} opens a new connection, so a test or an adapter may wrap it
     * in the pool of its choice.
     *
     * @return a new {@code org.postgresql} data source for this database
     */
    public DataSource dataSource() {
        return DataSources.simple(jdbcUrl, user, password);
    }

    /**
     * Leaves the password out, so the record may be logged.
     *
     * @return the parts without the password
     */
    @Override
    public String toString() {
        return "TestDatabase[" + databaseName + " at " + jdbcUrl + " as " + user + ", PostgreSQL " + serverVersion
                + " from " + source.description() + "]";
    }
}
