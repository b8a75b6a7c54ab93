package io.libres.testkit.postgres.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The child JVM of {@link EmbeddedServerWatchdogTest}: starts an embedded server, prints
 * {@code READY <postmaster pid> <data directory>} and waits to be killed.
 */
public final class WatchdogChild {

    private WatchdogChild() {
    }

    /**
     * Starts the server and waits.
     *
     * @param args none
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        ServerHandle handle = new EmbeddedPostgresStrategy().start(Settings.fromSystem());
        String data;
        try (Connection connection = DataSources.simple(handle.jdbcUrl(), handle.user(), handle.password()).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT setting FROM pg_settings WHERE name = 'data_directory'")) {
            rows.next();
            data = rows.getString(1);
        }
        String pid = Files.readAllLines(Path.of(data, "postmaster.pid"), StandardCharsets.US_ASCII).get(0).trim();
        System.out.println("READY " + pid + " " + data);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
