package io.libres.testkit.postgres.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and rewrites PostgreSQL JDBC URLs of the form {@code jdbc:postgresql://hosts/database?params}. */
public final class JdbcUrls {

    private static final Pattern URL =
            Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$", Pattern.CASE_INSENSITIVE);

    private JdbcUrls() {
    }

    /**
     * Tells whether the URL has the form this kit can point at another database.
     *
     * @param url the URL to check
     * @return true for {@code jdbc:postgresql://host[:port][/database][?params]}
     */
    public static boolean isSupported(String url) {
        return URL.matcher(url).matches();
    }

    /**
     * Points the URL at another database on the same server, keeping hosts and parameters.
     *
     * @param url a URL for which {@link #isSupported} is true
     * @param database the database name
     * @return the URL of {@code database}
     * @throws IllegalArgumentException if the URL does not have the supported form
     */
    public static String withDatabase(String url, String database) {
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/database URL: " + url);
        }
        String parameters = matcher.group(3) == null ? "" : matcher.group(3);
        return matcher.group(1) + "/" + database + parameters;
    }

    /**
     * Masks a {@code password} parameter so the URL can be logged.
     *
     * @param url any URL
     * @return the URL with the password's value replaced by {@code ***}
     */
    public static String withoutPassword(String url) {
        return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }
}
