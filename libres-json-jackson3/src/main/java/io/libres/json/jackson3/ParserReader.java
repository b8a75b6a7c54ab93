package io.libres.json.jackson3;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import io.libres.errors.DataNotSerializable;
import io.libres.json.JsonTreeBuilder;

/** Feeds a Jackson parser's tokens to a {@link JsonTreeBuilder}, for exactly one value. */
final class ParserReader {

    private ParserReader() {
    }

    static Object read(JsonParser parser) {
        JsonTreeBuilder builder = new JsonTreeBuilder();
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new DataNotSerializable("Cannot read JSON from empty text; expected one JSON value.");
        }
        while (true) {
            accept(token, parser, builder);
            if (builder.isComplete()) {
                break;
            }
            token = parser.nextToken();
            if (token == null) {
                throw new DataNotSerializable("Cannot read the JSON text: it ends before the value is complete.");
            }
        }
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new DataNotSerializable("Cannot read the JSON text: more follows the value, at "
                + parser.currentTokenLocation().offsetDescription() + "; expected exactly one JSON value.");
        }
        return builder.result();
    }

    private static void accept(JsonToken token, JsonParser parser, JsonTreeBuilder builder) {
        switch (token) {
            case START_OBJECT -> builder.beginObject();
            case END_OBJECT -> builder.endObject();
            case START_ARRAY -> builder.beginArray();
            case END_ARRAY -> builder.endArray();
            case PROPERTY_NAME -> builder.name(parser.currentName());
            case VALUE_STRING -> builder.string(parser.getString());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> builder.number(parser.getString());
            case VALUE_TRUE -> builder.bool(true);
            case VALUE_FALSE -> builder.bool(false);
            case VALUE_NULL -> builder.nullValue();
            default -> throw new DataNotSerializable("Cannot read the JSON text: Jackson gave the token "
                + token + ", which plain JSON text does not hold.");
        }
    }
}
