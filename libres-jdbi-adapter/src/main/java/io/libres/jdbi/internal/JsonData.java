package io.libres.jdbi.internal;

import io.libres.errors.StorageException;
import io.libres.spi.JsonCodec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code data} column as libres 1.2 keeps it: a JSON object in jsonb; absent data is written
 * as {@code '{}'} (never JSON null), and SQL NULL or JSON null read back as an empty object.
 */
public final class JsonData {

    private final Supplier<JsonCodec> codec;

    /**
     * Creates the column's mapping over a JSON codec.
     *
     * @param codec supplies the codec, asked on first use
     */
    public JsonData(Supplier<JsonCodec> codec) {
        this.codec = codec;
    }

    /** The JSON text to store for some data. */
    String write(Map<String, Object> data) {
        return data == null || data.isEmpty() ? "{}" : codec.get().toJson(data);
    }

    /** The data of a stored JSON text. */
    @SuppressWarnings("unchecked")
    Map<String, Object> read(String json) {
        if (json == null) {
            return Map.of();
        }
        Object value = codec.get().fromJson(json);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new StorageException("a stored data column holds " + json
                    + "; expected a JSON object, as libres writes", null, null);
        }
        return new LinkedHashMap<>((Map<String, Object>) value);
    }
}
