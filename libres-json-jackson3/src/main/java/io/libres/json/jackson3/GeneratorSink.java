package io.libres.json.jackson3;

import tools.jackson.core.JsonGenerator;
import io.libres.json.JsonSink;
import java.io.IOException;

/** Writes {@link JsonSink} events with a Jackson generator. */
final class GeneratorSink implements JsonSink {

    private final JsonGenerator generator;

    GeneratorSink(JsonGenerator generator) {
        this.generator = generator;
    }

    @Override
    public void beginObject() throws IOException {
        generator.writeStartObject();
    }

    @Override
    public void name(String name) throws IOException {
        generator.writeName(name);
    }

    @Override
    public void endObject() throws IOException {
        generator.writeEndObject();
    }

    @Override
    public void beginArray() throws IOException {
        generator.writeStartArray();
    }

    @Override
    public void endArray() throws IOException {
        generator.writeEndArray();
    }

    @Override
    public void string(String value) throws IOException {
        generator.writeString(value);
    }

    @Override
    public void number(String text) throws IOException {
        generator.writeNumber(text);
    }

    @Override
    public void bool(boolean value) throws IOException {
        generator.writeBoolean(value);
    }

    @Override
    public void nullValue() throws IOException {
        generator.writeNull();
    }
}
