package io.libres.context;

import org.jspecify.annotations.Nullable;

import java.util.regex.Pattern;

/**
 * Takes passwords out of text before it reaches a message, a {@code toString()} or a log line:
 * the one place every part of libres for Java (the SQL adapters included) redacts a {@code dsn}.
 *
 * <p>Recognised, in any position within the text and case-insensitively:
 * <ul>
 *   <li>the password of a URL's user information, as libres 1.2, libpq and SQLAlchemy write it:
 *       {@code postgresql://user:secret@host/db}, {@code postgresql+psycopg2://user:secret@host/db},
 *       {@code jdbc:postgresql://user:secret@host/db};</li>
 *   <li>a {@code password} (or {@code sslpassword}) parameter or keyword: {@code ?password=secret},
 *       {@code &password=secret}, {@code password=secret} (libpq's keyword form, quoted or not),
 *       {@code {password=secret}} (a {@link java.util.Properties}), {@code "password":"secret"}.</li>
 * </ul>
 * Each password becomes {@value #MASK}.
 */
public final class Secrets {

    /** What a password is replaced with. */
    public static final String MASK = "***";

    private static final Pattern USER_INFO = Pattern.compile("(?i)(://[^:/@\\s]*:)\\S*@");
    private static final Pattern JSON_PASSWORD = Pattern.compile("(?i)(\"[a-z_]*password\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern QUOTED_PASSWORD = Pattern.compile("(?i)(password\\s*=\\s*)'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password\\s*+=\\s*+)(?!\\*\\*\\*)[^&;\\s,}\\])\"']*");

    private Secrets() {
    }

    /**
     * The text with every password in it replaced by {@value #MASK}.
     *
     * @param text any text, may be null
     * @return the redacted text; {@code "null"} for null
     */
    public static String redact(@Nullable String text) {
        if (text == null) {
            return "null";
        }
        String redacted = USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
        redacted = JSON_PASSWORD.matcher(redacted).replaceAll("$1" + MASK + "\"");
        redacted = QUOTED_PASSWORD.matcher(redacted).replaceAll("$1" + MASK);
        return PASSWORD.matcher(redacted).replaceAll("$1" + MASK);
    }
}
