package io.libres.db.internal;

/**
 * Checks and shows caller text: PostgreSQL stores neither NUL characters nor unpaired
 * surrogates, and a message must not carry a caller's line breaks into a log line.
 */
public final class Texts {

    private static final int SHOWN = 80;

    private Texts() {
    }

    /**
     * Finds what PostgreSQL cannot store in a text column.
     *
     * @param text the text, not null
     * @return a description such as {@code "a NUL character (U+0000) at index 3"}, or null if the
     *     text can be stored
     */
    public static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "a NUL character (U+0000) at index " + i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("an unpaired surrogate (U+%04X) at index %d", (int) c, i);
            }
        }
        return null;
    }

    /**
     * The text as it may appear in a message: control characters escaped, long text cut.
     *
     * @param text the text, may be null
     * @return the quoted, escaped text, or {@code null}
     */
    public static String show(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder("'");
        int end = Math.min(text.length(), SHOWN);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                shown.append(String.format("\\u%04X", (int) c));
            } else {
                shown.append(c);
            }
        }
        shown.append('\'');
        if (text.length() > SHOWN) {
            shown.append("... (").append(text.length()).append(" characters)");
        }
        return shown.toString();
    }
}
