package io.libres.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The version of a PostgreSQL server, and the check that libres for Java supports it.
 *
 * @param versionNumber the server's {@code server_version_num}, for example {@code 150018}
 * @param version the server's {@code server_version}, for example {@code "15.18 (Debian 15.18-0+deb12u1)"}
 */
public record PostgresServer(int versionNumber, String version) {

    /** The oldest PostgreSQL major version libres for Java runs on. */
    public static final int MINIMUM_MAJOR_VERSION = 13;

    /**
     * Asks the server on the other end of a connection for its version.
     *
     * @param connection an open connection; it is neither committed nor closed
     * @return the server's version
     * @throws SQLException if the server cannot be asked
     */
    public static PostgresServer of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT current_setting('server_version_num')::int, current_setting('server_version')")) {
            result.next();
            return new PostgresServer(result.getInt(1), result.getString(2));
        }
    }

    /**
     * The major version, for example {@code 15}.
     *
     * @return the major version
     */
    public int majorVersion() {
        return versionNumber / 10_000;
    }

    /**
     * Refuses servers older than {@value #MINIMUM_MAJOR_VERSION}.
     *
     * @return this server, for chaining
     * @throws UnsupportedPostgresVersion if the server is older than the minimum
     */
    public PostgresServer requireSupported() {
        if (majorVersion() < MINIMUM_MAJOR_VERSION) {
            throw new UnsupportedPostgresVersion("PostgreSQL " + version + " is not supported: libres for Java needs "
                    + "PostgreSQL " + MINIMUM_MAJOR_VERSION + " or newer.");
        }
        return this;
    }
}
