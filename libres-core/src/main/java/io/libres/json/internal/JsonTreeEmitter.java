package io.libres.json.internal;

import io.libres.json.JsonNumbers;
import io.libres.json.JsonSink;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/** Sends a value tree, already checked by {@link JsonValueValidator}, to a {@link JsonSink}. */
public final class JsonTreeEmitter {

    private JsonTreeEmitter() {
    }

    /**
     * Emits a checked value tree in document order.
     *
     * @param value the root value, a valid JSON value
     * @param sink where the events go
     * @throws IOException if the sink fails
     */
    public static void emit(Object value, JsonSink sink) throws IOException {
        if (value == null) {
            sink.nullValue();
        } else if (value instanceof String text) {
            sink.string(text);
        } else if (value instanceof Boolean flag) {
            sink.bool(flag);
        } else if (value instanceof Number number) {
            sink.number(JsonNumbers.format(number));
        } else if (value instanceof Map<?, ?> map) {
            sink.beginObject();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                sink.name((String) member.getKey());
                emit(member.getValue(), sink);
            }
            sink.endObject();
        } else {
            sink.beginArray();
            for (Object element : (Collection<?>) value) {
                emit(element, sink);
            }
            sink.endArray();
        }
    }
}
