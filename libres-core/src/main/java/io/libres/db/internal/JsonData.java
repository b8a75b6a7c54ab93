package io.libres.db.internal;

import io.libres.errors.DataNotSerializable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that the caller's {@code data} is a JSON object in Java form before anything is written,
 * so a value no JSON codec can write fails early with a clear message.
 */
public final class JsonData {

    private JsonData() {
    }

    /**
     * Checks and copies a data object.
     *
     * @param data the data, or null for none
     * @return an unmodifiable copy, empty for none
     * @throws DataNotSerializable if a key is not a string or a value is not null, a string, a
     *     boolean, a number, a list or a map of such values; the message names the path and type
     */
    public static Map<String, Object> requireObject(Map<String, Object> data) {
        if (data == null) {
            return Map.of();
        }
        check(data, "data");
        return Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    private static void check(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            if (value instanceof Double && !Double.isFinite((Double) value)
                    || value instanceof Float && !Float.isFinite((Float) value)) {
                throw new DataNotSerializable(path + " is " + value + ", which JSON cannot hold; expected a finite number");
            }
            return;
        }
        if (value instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    throw new DataNotSerializable(path + " has a key of type "
                            + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName())
                            + "; expected string keys only");
                }
                check(entry.getValue(), path + "." + entry.getKey());
            }
            return;
        }
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), path + "[" + i + "]");
            }
            return;
        }
        throw new DataNotSerializable(path + " is a " + value.getClass().getName()
                + "; expected null, a string, a boolean, a number, a list or a map (a JSON value)");
    }
}
