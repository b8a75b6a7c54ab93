package io.libres.json.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value sits in a tree, for error messages: {@code $} is the root, {@code .key} or
 * {@code ['odd key']} a map member, {@code [2]} a list element. Mutable; follows a walk.
 */
public final class JsonPath {

    private static final int SHOWN_AT_EACH_END = 8;

    private final List<Object> segments = new ArrayList<>();

    /**
     * Steps into the member of a map.
     *
     * @param key the member's key
     */
    public void enterKey(String key) {
        segments.add(key);
    }

    /**
     * Steps into the element of a list.
     *
     * @param index the element's position
     */
    public void enterIndex(int index) {
        segments.add(index);
    }

    /** Steps back out of the last member or element entered. */
    public void leave() {
        segments.remove(segments.size() - 1);
    }

    /**
     * How many steps the path has below the root.
     *
     * @return the number of segments
     */
    public int length() {
        return segments.size();
    }

    /**
     * Renders the path; a very deep path shows its first and last steps around {@code ...}.
     *
     * @return the path, for example {@code $.guests[2]}
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("$");
        int size = segments.size();
        for (int i = 0; i < size; i++) {
            if (size > 2 * SHOWN_AT_EACH_END && i == SHOWN_AT_EACH_END) {
                text.append("...");
                i = size - SHOWN_AT_EACH_END;
            }
            append(text, segments.get(i));
        }
        return text.toString();
    }

    private static void append(StringBuilder text, Object segment) {
        if (segment instanceof Integer index) {
            text.append('[').append(index).append(']');
        } else if (isIdentifier((String) segment)) {
            text.append('.').append(segment);
        } else {
            text.append("['");
            String key = (String) segment;
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c == '\'' || c == '\\') {
                    text.append('\\');
                }
                text.append(c);
            }
            text.append("']");
        }
    }

    private static boolean isIdentifier(String key) {
        if (key.isEmpty() || !Character.isJavaIdentifierStart(key.charAt(0)) || key.charAt(0) == '$') {
            return false;
        }
        return key.chars().allMatch(c -> c < 128 && Character.isJavaIdentifierPart(c) && c != '$');
    }
}
