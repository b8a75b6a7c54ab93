package io.libres.json.gson;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.libres.errors.DataNotSerializable;
import io.libres.json.JsonTreeBuilder;
import java.io.IOException;

/** Feeds a Gson {@link JsonReader}'s tokens to a {@link JsonTreeBuilder}, for exactly one value. */
final class ReaderFeed {

    private ReaderFeed() {
    }

    static Object read(JsonReader reader, boolean blank) throws IOException {
        if (blank) {
            throw new DataNotSerializable("Cannot read JSON from empty text; expected one JSON value.");
        }
        JsonTreeBuilder builder = new JsonTreeBuilder();
        do {
            accept(reader, builder);
        } while (!builder.isComplete());
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new DataNotSerializable("Cannot read the JSON text: more follows the value, at "
                + reader.getPath() + "; expected exactly one JSON value.");
        }
        return builder.result();
    }

    private static void accept(JsonReader reader, JsonTreeBuilder builder) throws IOException {
        JsonToken token = reader.peek();
        switch (token) {
            case BEGIN_OBJECT -> {
                builder.beginObject();
                reader.beginObject();
            }
            case END_OBJECT -> {
                reader.endObject();
                builder.endObject();
            }
            case BEGIN_ARRAY -> {
                builder.beginArray();
                reader.beginArray();
            }
            case END_ARRAY -> {
                reader.endArray();
                builder.endArray();
            }
            case NAME -> builder.name(reader.nextName());
            case STRING -> builder.string(reader.nextString());
            case NUMBER -> builder.number(reader.nextString());
            case BOOLEAN -> builder.bool(reader.nextBoolean());
            case NULL -> {
                reader.nextNull();
                builder.nullValue();
            }
            default -> throw new DataNotSerializable(
                "Cannot read the JSON text: it ends before the value is complete.");
        }
    }
}
