package io.libres.jooq.internal;

import io.libres.errors.StorageException;
import io.libres.spi.JsonCodec;
import org.jooq.JSONB;

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

    /** The jsonb value to store for some data. */
    JSONB write(Map<String, Object> data) {
        return JSONB.valueOf(data == null || data.isEmpty() ? "{}" : codec.get().toJson(data));
    }

    /** The data of a stored jsonb value. */
    @SuppressWarnings("unchecked")
    Map<String, Object> read(JSONB json) {
        if (json == null || json.data() == null) {
            return Map.of();
        }
        Object value = codec.get().fromJson(json.data());
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new StorageException("a stored data column holds " + json.data()
                    + "; expected a JSON object, as libres writes", null, null);
        }
        return new LinkedHashMap<>((Map<String, Object>) value);
    }
}
