package io.libres.json.gson;

import org.jspecify.annotations.Nullable;

import com.google.gson.Gson;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.libres.errors.DataNotSerializable;
import io.libres.internal.Arguments;
import io.libres.json.JsonValues;
import io.libres.spi.JsonCodec;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;

/**
 * The {@link JsonCodec} on Gson: writes and reads JSON values as {@link JsonValues} defines them,
 * identically to every other libres JSON codec.
 *
 * <p>The codec streams the value through the Gson instance's {@link JsonWriter} and
 * {@link JsonReader}; it never uses Gson's type adapters, so no adapter, naming or exclusion rule
 * can change what is written, and numbers are not read as {@code Double} (Gson's default) but as
 * {@link io.libres.json.JsonNumbers} says. What a supplied Gson does decide: indentation
 * ({@code setPrettyPrinting}, {@code setFormattingStyle}) and HTML-safe escaping. Settings that would
 * break the contract are overridden for the codec only: {@code null} members are always written
 * (Gson drops them unless {@code serializeNulls()}), the non-executable prefix of
 * {@code generateNonExecutableJson()} is not written, and JSON text is read and written
 * {@link Strictness#STRICT strictly}, whatever the instance's strictness.
 *
 * <p>Example:
 * <pre>{@code
 * JsonCodec codec = GsonJsonCodec.using(new GsonBuilder().setPrettyPrinting().create());
 * String json = codec.toJson(Map.of("seats", 2));
 * Object data = codec.fromJson(json); // {seats=2}, with 2 an Integer
 * }</pre>
 *
 * <p>Thread-safe, as {@link Gson} is.
 */
public final class GsonJsonCodec implements JsonCodec {

    private final Gson gson;

    private GsonJsonCodec(Gson gson) {
        this.gson = gson;
    }

    /**
     * Creates a codec on a new, default {@link Gson}.
     *
     * @return the codec
     */
    public static GsonJsonCodec create() {
        return new GsonJsonCodec(new Gson());
    }

    /**
     * Creates a codec on the caller's configured Gson (see the class description for which of its
     * settings apply).
     *
     * @param gson the instance whose writers and readers the codec uses
     * @return the codec
     * @throws io.libres.errors.InvalidArgument if {@code gson} is {@code null}
     */
    public static GsonJsonCodec using(Gson gson) {
        return new GsonJsonCodec(Arguments.requireNonNull(gson, "gson must not be null; expected a configured Gson"));
    }

    /**
     * Writes a JSON value as JSON text, after checking the whole value.
     *
     * @param value the value, or {@code null} for JSON null
     * @return the JSON text
     * @throws DataNotSerializable if the value, or anything nested in it, is not a JSON value (the
     *     message names the type and its path, such as {@code $.guests[2]})
     */
    @Override
    public String toJson(@Nullable Object value) {
        StringWriter text = new StringWriter();
        try {
            // Not closed: closing a StringWriter does nothing, and Gson's close() would add an
            // "Incomplete document" error to a refusal thrown before anything was written.
            JsonWriter writer = gson.newJsonWriter(text);
            // With generateNonExecutableJson() Gson has just written ")]}'", which is not JSON.
            text.getBuffer().setLength(0);
            writer.setSerializeNulls(true);
            writer.setStrictness(Strictness.STRICT);
            JsonValues.write(value, new WriterSink(writer));
            writer.flush();
        } catch (IOException failure) {
            throw new DataNotSerializable("Gson could not write the data as JSON: "
                + failure.getMessage(), failure);
        }
        return text.toString();
    }

    /**
     * Reads JSON text (exactly one JSON value, strictly by RFC 8259) into a JSON value.
     *
     * @param json the JSON text
     * @return the value in the form {@link JsonValues} describes, {@code null} for JSON null
     * @throws DataNotSerializable if the text is {@code null}, empty, not valid JSON, holds more than
     *     one value, or breaks a limit (nesting, number length); the cause is Gson's exception where
     *     there is one
     */
    @Override
    public @Nullable Object fromJson(String json) {
        if (json == null) {
            throw new DataNotSerializable("Cannot read JSON from null; expected JSON text.");
        }
        try (JsonReader reader = gson.newJsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(JsonValues.MAX_DEPTH);
            return ReaderFeed.read(reader, json.isBlank());
        } catch (IOException failure) {
            throw new DataNotSerializable("Cannot read the JSON text: " + failure.getMessage()
                + "; expected exactly one valid JSON value.", failure);
        }
    }

    /**
     * Names the codec for messages.
     *
     * @return {@code "GsonJsonCodec"}
     */
    @Override
    public String toString() {
        return "GsonJsonCodec";
    }
}
