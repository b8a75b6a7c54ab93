package io.libres.examples.quickstart;

import io.libres.context.Context;
import io.libres.testkit.postgres.PostgresServer;
import io.libres.testkit.postgres.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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
    static void connect(Context context, String adapter, Console console) {
        context.setSetting("storage", adapter);
        String through = adapter.equals("jooq") ? "jOOQ" : "JDBI";
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            console.say("Storage: PostgreSQL at %s (from %s), through %s.", withoutPassword(url), URL_VARIABLE, through);
            context.setSetting("dsn", url);
            return;
        }
        PostgresServer server = PostgresServer.shared();
        TestDatabase database = server.createDatabase("quickstart");
        console.say("Storage: PostgreSQL %s from %s,", server.version().split(" ")[0],
                server.source().description());
        console.say("         database %s, through %s (set %s to use your own server).",
                database.databaseName(), through, URL_VARIABLE);
        context.setSetting("dsn", database.jdbcUrl()
                + (database.jdbcUrl().contains("?") ? "&" : "?")
                + "user=" + encode(database.user()) + "&password=" + encode(database.password()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
