package io.libres.json.jackson;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.libres.errors.DataNotSerializable;
import io.libres.errors.InvalidArgument;
import io.libres.internal.Arguments;
import io.libres.json.JsonValues;
import io.libres.spi.JsonCodec;
import java.io.IOException;
import java.io.StringWriter;

/**
 * The {@link JsonCodec} on Jackson: writes and reads JSON values as {@link JsonValues} defines them,
 * identically to every other libres JSON codec.
 *
 * <p>The codec streams the value through the mapper's generator and parser; it never uses the
 * mapper's data binding, so no bean, custom serializer or inclusion rule can change what is written.
 * What a supplied mapper does decide: its factory's limits (StreamReadConstraints,
 * StreamWriteConstraints), escaping (for example {@code ESCAPE_NON_ASCII}) and indentation
 * ({@code INDENT_OUTPUT}). Settings that would break the contract are overridden for the codec only:
 * field names are always quoted, numbers never written as strings, JSON text is read strictly
 * (no comments, single quotes, trailing commas, NaN and the like), and a repeated key is not an error.
 *
 * <p>Example:
 * <pre>{@code
 * JsonCodec codec = JacksonJsonCodec.using(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));
 * String json = codec.toJson(Map.of("guests", List.of("Ann", "Bo")));
 * Object data = codec.fromJson(json); // an unmodifiable Map with an unmodifiable List
 * }</pre>
 *
 * <p>Thread-safe when the mapper is not reconfigured after it is handed over.
 */
public final class JacksonJsonCodec implements JsonCodec {

    private final ObjectMapper mapper;

    private JacksonJsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Creates a codec on a new, default {@link ObjectMapper}.
     *
     * @return the codec
     */
    public static JacksonJsonCodec create() {
        return new JacksonJsonCodec(new ObjectMapper());
    }

    /**
     * Creates a codec on the caller's configured mapper (see the class description for which of its
     * settings apply).
     *
     * @param mapper the mapper whose factory creates the codec's generators and parsers
     * @return the codec
     * @throws io.libres.errors.InvalidArgument if {@code mapper} is {@code null}
     * @throws io.libres.errors.InvalidArgument if the mapper's factory is not for JSON (YAML, Smile, CBOR...)
     */
    public static JacksonJsonCodec using(ObjectMapper mapper) {
        Arguments.requireNonNull(mapper, "mapper must not be null; expected a configured ObjectMapper");
        String format = mapper.getFactory().getFormatName();
        if (!JsonFactory.FORMAT_NAME_JSON.equals(format)) {
            throw new InvalidArgument("The mapper reads and writes " + format
                + ", not JSON; expected an ObjectMapper on a JsonFactory (for example a JsonMapper).");
        }
        return new JacksonJsonCodec(mapper);
    }

    /**
     * Writes a JSON value as JSON text, after checking the whole value.
     *
     * @param value the value, or {@code null} for JSON null
     * @return the JSON text
     * @throws DataNotSerializable if the value, or anything nested in it, is not a JSON value (the
     *     message names the type and its path, such as {@code $.guests[2]}), or if Jackson refuses to
     *     write it (for example beyond the mapper's write constraints)
     */
    @Override
    public String toJson(@Nullable Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = mapper.createGenerator(text)) {
            generator.enable(JsonWriteFeature.QUOTE_FIELD_NAMES.mappedFeature());
            generator.disable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS.mappedFeature());
            JsonValues.write(value, new GeneratorSink(generator));
        } catch (IOException failure) {
            throw new DataNotSerializable("Jackson could not write the data as JSON: "
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
     *     one value, or breaks a limit (nesting, number length); the cause is Jackson's exception
     *     where there is one
     */
    @Override
    public @Nullable Object fromJson(String json) {
        if (json == null) {
            throw new DataNotSerializable("Cannot read JSON from null; expected JSON text.");
        }
        try (JsonParser parser = mapper.createParser(json)) {
            for (JsonReadFeature leniency : JsonReadFeature.values()) {
                if (leniency.mappedFeature() != null) {
                    parser.disable(leniency.mappedFeature());
                }
            }
            // A repeated key keeps its last value, as in PostgreSQL's jsonb, rather than failing.
            parser.disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
            return ParserReader.read(parser);
        } catch (IOException failure) {
            throw new DataNotSerializable("Cannot read the JSON text: " + failure.getMessage()
                + "; expected exactly one valid JSON value.", failure);
        }
    }

    /**
     * Names the codec for messages.
     *
     * @return {@code "JacksonJsonCodec"}
     */
    @Override
    public String toString() {
        return "JacksonJsonCodec";
    }
}
