package io.libres.postgres;

import io.libres.context.Secrets;
import io.libres.errors.InvalidSetting;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code dsn} read once for every SQL adapter: the JDBC URL to connect to, and the user and
 * password taken out of it, so that no pool, driver or message ever sees the password inside a
 * URL.
 *
 * <p>Accepted forms:
 * <ul>
 *   <li>a PostgreSQL JDBC URL: {@code jdbc:postgresql://host:port/db?user=app&password=secret}
 *       (also {@code jdbc:postgresql://app:secret@host/db});</li>
 *   <li>the libpq URL libres 1.2 takes: {@code postgresql://app:secret@host:port/db?sslmode=require}
 *       or {@code postgres://...};</li>
 *   <li>an SQLAlchemy URL with a driver: {@code postgresql+psycopg2://app:secret@host/db},
 *       {@code postgresql+psycopg://...}, {@code postgresql+asyncpg://...}; the driver part is ignored.</li>
 * </ul>
 * User, password and database name may be percent-encoded, as in libpq. Host defaults to
 * {@code localhost}, several hosts ({@code h1:5432,h2:5433}) are kept. libpq's
 * {@code application_name} and {@code connect_timeout} parameters become the JDBC driver's
 * {@code ApplicationName} and {@code connectTimeout}; other parameters are passed on unchanged.
 *
 * <p>{@link #toString()} shows the URL and the user, never the password. Immutable.
 */
public final class PostgresDsn {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";
    private static final Pattern URL = Pattern.compile(
            "(?i)(?<scheme>[a-z][a-z0-9.\\-]*)(?:\\+(?<driver>[a-z0-9_.\\-]+))?://(?:(?<userinfo>[^/?]*)@)?"
                    + "(?<hosts>[^/?@]*)(?:/(?<database>[^?]*))?(?:\\?(?<query>.*))?");
    private static final String EXPECTED = "expected a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db?user=app)"
            + " or a libpq/SQLAlchemy URL (postgresql://user:password@host:5432/db, postgresql+psycopg2://...)";

    private final String jdbcUrl;
    private final String user;
    private final String password;

    private PostgresDsn(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /**
     * Reads a dsn in any accepted form.
     *
     * @param dsn the dsn
     * @return the parsed dsn
     * @throws InvalidSetting if the dsn is missing, blank or in no accepted form; the message
     *     shows the dsn with its password redacted
     */
    public static PostgresDsn parse(String dsn) {
        if (dsn == null || dsn.isBlank()) {
            throw new InvalidSetting("the dsn is " + (dsn == null ? "missing" : "blank") + "; " + EXPECTED);
        }
        String text = dsn.strip();
        boolean jdbc = text.regionMatches(true, 0, JDBC_PREFIX, 0, JDBC_PREFIX.length());
        if (jdbc && !text.regionMatches(true, 0, JDBC_PREFIX + "//", 0, JDBC_PREFIX.length() + 2)) {
            // jdbc:postgresql:db (no host): the driver reads it as it is
            return fromQuery(JDBC_PREFIX, text.substring(JDBC_PREFIX.length()), dsn, true);
        }
        Matcher m = URL.matcher(jdbc ? text.substring("jdbc:".length()) : text);
        if (!m.matches() || !isPostgres(m.group("scheme"))) {
            throw new InvalidSetting("the dsn '" + Secrets.redact(dsn) + "' is not a PostgreSQL dsn; " + EXPECTED);
        }
        if (jdbc && m.group("driver") != null) {
            throw new InvalidSetting("the dsn '" + Secrets.redact(dsn) + "' names a driver ('+" + m.group("driver")
                    + "') in a JDBC URL; " + EXPECTED);
        }
        String userInfo = m.group("userinfo");
        String userFromUrl = null;
        String passwordFromUrl = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            userFromUrl = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), dsn);
            passwordFromUrl = colon < 0 ? null : decode(userInfo.substring(colon + 1), dsn);
        }
        String hosts = m.group("hosts").isEmpty() ? "localhost" : m.group("hosts");
        String database = m.group("database") == null ? "" : decode(m.group("database"), dsn);
        String base = "jdbc:postgresql://" + hosts + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8)
                .replace("+", "%20");
        PostgresDsn parsed = fromQuery(base, m.group("query") == null ? "" : "?" + m.group("query"), dsn, jdbc);
        return new PostgresDsn(parsed.jdbcUrl, userFromUrl != null ? userFromUrl : parsed.user,
                passwordFromUrl != null ? passwordFromUrl : parsed.password);
    }

    private static boolean isPostgres(String scheme) {
        return scheme.equalsIgnoreCase("postgresql") || scheme.equalsIgnoreCase("postgres");
    }

    /** Takes user and password out of the query, maps libpq's parameter names, keeps the rest. */
    private static PostgresDsn fromQuery(String base, String rest, String dsn, boolean jdbc) {
        int question = rest.indexOf('?');
        String path = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : rest.substring(question + 1);
        Map<String, String> kept = new LinkedHashMap<>();
        String user = null;
        String password = null;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals), dsn);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), dsn);
            if (key.equalsIgnoreCase("user")) {
                user = value;
            } else if (key.equalsIgnoreCase("password")) {
                password = value;
            } else if (!jdbc && key.equals("application_name")) {
                kept.put("ApplicationName", value);
            } else if (!jdbc && key.equals("connect_timeout")) {
                kept.put("connectTimeout", value);
            } else if (!jdbc && key.equals("host")) {
                throw new InvalidSetting("the dsn '" + Secrets.redact(dsn) + "' names a host parameter (a Unix socket"
                        + " directory), which the JDBC driver cannot reach; expected the host in the URL,"
                        + " postgresql://user:password@host:5432/db");
            } else {
                kept.put(key, value);
            }
        }
        StringBuilder url = new StringBuilder(base).append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : kept.entrySet()) {
            url.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return new PostgresDsn(url.toString(), user, password);
    }

    private static String decode(String text, String dsn) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting("the dsn '" + Secrets.redact(dsn) + "' holds a malformed percent-escape; "
                    + EXPECTED);
        }
    }

    /**
     * The JDBC URL to connect to, without user and password.
     *
     * @return for example {@code jdbc:postgresql://localhost:5432/libres?sslmode=require}
     */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * The user the dsn names.
     *
     * @return the user, empty if the dsn names none (the driver then uses its default)
     */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /**
     * The password the dsn holds; hand it to the pool or driver, never to a message.
     *
     * @return the password, empty if the dsn holds none
     */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /**
     * Shows the dsn without its password.
     *
     * @return for example {@code jdbc:postgresql://localhost:5432/libres (user app, password ***)}
     */
    @Override
    public String toString() {
        return jdbcUrl + " (user " + (user == null ? "by default" : user)
                + (password == null ? ", no password)" : ", password " + Secrets.MASK + ")");
    }
}
