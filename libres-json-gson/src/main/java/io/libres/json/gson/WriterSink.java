package io.libres.json.gson;

import com.google.gson.stream.JsonWriter;
import io.libres.json.JsonSink;
import java.io.IOException;

/** Writes {@link JsonSink} events with a Gson {@link JsonWriter}. */
final class WriterSink implements JsonSink {

    private final JsonWriter writer;

    WriterSink(JsonWriter writer) {
        this.writer = writer;
    }

    @Override
    public void beginObject() throws IOException {
        writer.beginObject();
    }

    @Override
    public void name(String name) throws IOException {
        writer.name(name);
    }

    @Override
    public void endObject() throws IOException {
        writer.endObject();
    }

    @Override
    public void beginArray() throws IOException {
        writer.beginArray();
    }

    @Override
    public void endArray() throws IOException {
        writer.endArray();
    }

    @Override
    public void string(String value) throws IOException {
        writer.value(value);
    }

    @Override
    public void number(String text) throws IOException {
        writer.jsonValue(text);
    }

    @Override
    public void bool(boolean value) throws IOException {
        writer.value(value);
    }

    @Override
    public void nullValue() throws IOException {
        writer.nullValue();
    }
}
