package io.libres.examples.quickstart;

import io.libres.context.Context;
import io.libres.testkit.postgres.PostgresServer;
import io.libres.testkit.postgres.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * Chooses the PostgreSQL server of the story and points the context at it: the server named by
 * {@code LIBRES_JDBC_URL} if set, else a fresh database on an embedded PostgreSQL (started from
 * binaries on Maven Central by the testkit's provisioning).
 */
final class Database {

    /** The environment variable naming a PostgreSQL server to use instead of the embedded one. */
    static final String URL_VARIABLE = "LIBRES_JDBC_URL";

    private Database() {
    }

    /**
     * Points the context at the story's database, through the adapter named.
     *
     * @param adapter {@code "jdbi"} or {@code "jooq"}: both adapters are on this module's class path,
     *     so the context's {@code storage} setting chooses (without it, discovery would fail with
     *     AmbiguousProviders)
     */
    static void connect(Context context, String adapter, Console console, String url) {
        context.setSetting("storage", adapter);
        String through = adapter.equals("jooq") ? "jOOQ" : "JDBI";
        if (url != null && !url.isBlank()) {
            console.say("Storage: PostgreSQL %s at %s (from %s), through %s.", versionOf(url), withoutPassword(url),
                    URL_VARIABLE, through);
            // resources derive from the namespace: a fresh one per run lets the story play again on this server
            context.setSetting("uuid_namespace", UUID.randomUUID());
            context.setSetting("dsn", url);
            return;
        }
        console.say("Starting PostgreSQL (the first run unpacks its binaries, which takes a few seconds)...");
        PostgresServer server = PostgresServer.shared();
        TestDatabase database = server.createDatabase("quickstart");
        console.say("Storage: PostgreSQL %s (%s), through %s (set %s to use your own server).",
                server.version().split(" ")[1], server.source().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                through, URL_VARIABLE);
        context.setSetting("dsn", database.jdbcUrl()
                + (database.jdbcUrl().contains("?") ? "&" : "?")
                + "user=" + encode(database.user()) + "&password=" + encode(database.password()));
    }

    private static String versionOf(String url) {
        try (Connection connection = DriverManager.getConnection(url)) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            // the story reports the failure itself on its first unit of work, with libres' typed error
            return "(version unknown: " + e.getSQLState() + ")";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
