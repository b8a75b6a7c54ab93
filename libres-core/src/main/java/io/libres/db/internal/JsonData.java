package io.libres.db.internal;

import io.libres.db.Limits;
import io.libres.errors.DataNotSerializable;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that the caller's {@code data} is a JSON object in Java form that PostgreSQL can store,
 * within {@link Limits}, before anything is written, so a value no JSON codec or database can
 * take fails early with a clear message (and a cycle or a deep tree never exhausts the stack).
 */
public final class JsonData {

    private final Set<Object> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    private long characters;

    private JsonData() {
    }

    /**
     * Checks and copies a data object.
     *
     * @param data the data, or null for none
     * @return an unmodifiable copy, empty for none
     * @throws DataNotSerializable if a key is not a string or a value is not null, a string, a
     *     boolean, a number, a list or a map of such values, if it contains itself, nests deeper
     *     than {@link Limits#MAX_DATA_DEPTH}, is longer than {@link Limits#MAX_DATA_CHARACTERS},
     *     or a text holds a NUL character or an unpaired surrogate; the message names the path
     */
    public static Map<String, Object> requireObject(Map<String, Object> data) {
        if (data == null) {
            return Map.of();
        }
        new JsonData().check(data, "data", 1);
        return Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    private void check(Object value, String path, int depth) {
        if (value == null || value instanceof Boolean) {
            count(value == null ? 4 : 5, path);
            return;
        }
        if (value instanceof String) {
            checkText((String) value, path, "");
            count(((String) value).length() + 2L, path);
            return;
        }
        if (value instanceof Number) {
            if (value instanceof Double && !Double.isFinite((Double) value)
                    || value instanceof Float && !Float.isFinite((Float) value)) {
                throw new DataNotSerializable(path + " is " + value + ", which JSON cannot hold; expected a finite number");
            }
            count(value.toString().length(), path);
            return;
        }
        if (value instanceof Map || value instanceof List) {
            enter(value, path, depth);
            if (value instanceof Map) {
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    if (!(entry.getKey() instanceof String)) {
                        throw new DataNotSerializable(path + " has a key of type "
                                + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName())
                                + "; expected string keys only");
                    }
                    String key = (String) entry.getKey();
                    checkText(key, path, " key");
                    count(key.length() + 4L, path);
                    check(entry.getValue(), path + "." + key, depth + 1);
                }
            } else {
                List<?> list = (List<?>) value;
                for (int i = 0; i < list.size(); i++) {
                    count(1, path);
                    check(list.get(i), path + "[" + i + "]", depth + 1);
                }
            }
            onPath.remove(value);
            return;
        }
        throw new DataNotSerializable(path + " is a " + value.getClass().getName()
                + "; expected null, a string, a boolean, a number, a list or a map (a JSON value)");
    }

    private void enter(Object container, String path, int depth) {
        if (!onPath.add(container)) {
            throw new DataNotSerializable(path + " is a " + container.getClass().getName()
                    + " that contains itself; expected a tree of JSON values without cycles");
        }
        if (depth > Limits.MAX_DATA_DEPTH) {
            throw new DataNotSerializable("data nests lists and maps more than " + Limits.MAX_DATA_DEPTH
                    + " levels deep (at " + shorten(path) + "); expected at most " + Limits.MAX_DATA_DEPTH + " levels");
        }
        count(2, path);
    }

    private void checkText(String text, String path, String what) {
        String problem = Texts.unstorable(text);
        if (problem != null) {
            throw new DataNotSerializable(path + what + " holds " + problem
                    + ", which PostgreSQL cannot store; expected text without NUL characters and well-formed Unicode");
        }
    }

    private void count(long more, String path) {
        characters += more;
        if (characters > Limits.MAX_DATA_CHARACTERS) {
            throw new DataNotSerializable("data is longer than " + Limits.MAX_DATA_CHARACTERS
                    + " characters of JSON text (reached at " + shorten(path) + "); expected at most "
                    + Limits.MAX_DATA_CHARACTERS + " characters");
        }
    }

    private static String shorten(String path) {
        return path.length() <= 120 ? path : path.substring(0, 60) + "..." + path.substring(path.length() - 40);
    }
}
