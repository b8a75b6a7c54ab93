package io.libres.testkit.junit.internal;

import io.libres.testkit.postgres.TestDatabase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Makes a {@code dsn} setting that reaches a test database by itself, user and password included. */
public final class Dsn {

    private Dsn() {
    }

    /**
     * The JDBC URL of a test database with its user and password as URL parameters, unless the
     * URL names a user already.
     *
     * @param database the database
     * @return the URL, for example {@code jdbc:postgresql://127.0.0.1:5432/db?user=postgres}
     */
    public static String of(TestDatabase database) {
        String url = database.jdbcUrl();
        if (url.contains("?user=") || url.contains("&user=")) {
            return url;
        }
        StringBuilder dsn = new StringBuilder(url).append(url.contains("?") ? '&' : '?')
                .append("user=").append(encode(database.user()));
        if (!database.password().isEmpty()) {
            dsn.append("&password=").append(encode(database.password()));
        }
        return dsn.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
