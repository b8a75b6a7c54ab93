package io.libres.json.jackson3;

import org.jspecify.annotations.Nullable;
import io.libres.errors.DataNotSerializable;
import io.libres.errors.InvalidArgument;
import io.libres.json.JsonValues;
import io.libres.spi.JsonCodec;
import java.io.IOException;
import java.io.StringWriter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link JsonCodec} on Jackson 3 ({@code tools.jackson}, the JSON library Spring Boot 4
 * configures): writes and reads JSON values as {@link JsonValues} defines them, identically to every
 * other libres JSON codec.
 *
 * <p>The codec streams the value through the mapper's generator and parser; it never uses the
 * mapper's data binding, so no bean, custom serializer or inclusion rule can change what is written.
 * What a supplied mapper does decide: its factory's limits (StreamReadConstraints,
 * StreamWriteConstraints), escaping and indentation. Settings that would break the contract are
 * overridden for the codec only: property names are always quoted, numbers never written as
 * strings, JSON text is read strictly (no comments, single quotes, trailing commas, NaN and the
 * like), a repeated key is not an error (the last one wins, as in PostgreSQL's jsonb), and the
 * nesting limits are raised to {@link JsonValues#MAX_DEPTH} where they are lower. Jackson 3's default
 * nesting limit is 500, below what every other libres codec writes and reads; the codec's own copy
 * of a {@link JsonMapper} gets the higher limit, the caller's mapper is left as it is.
 *
 * <pre>{@code
 * JsonCodec codec = Jackson3JsonCodec.using(jsonMapper);   // e.g. Spring Boot 4's JsonMapper bean
 * String json = codec.toJson(Map.of("guests", List.of("Ann", "Bo")));
 * Object data = codec.fromJson(json);                      // an unmodifiable Map with an unmodifiable List
 * }</pre>
 *
 * <p>Thread-safe: Jackson 3 mappers are immutable.
 */
public final class Jackson3JsonCodec implements JsonCodec {

    private final ObjectWriter writer;
    private final ObjectReader reader;

    private Jackson3JsonCodec(ObjectMapper mapper) {
        // The writer and reader derive from the mapper, so its escaping, indentation and limits apply.
        this.writer = mapper.writer().with(JsonWriteFeature.QUOTE_PROPERTY_NAMES)
                .without(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS);
        ObjectReader strict = mapper.reader().without(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        for (JsonReadFeature leniency : JsonReadFeature.values()) {
            strict = strict.without(leniency);
        }
        this.reader = strict;
    }

    /**
     * Creates a codec on a new, default {@link JsonMapper}.
     *
     * @return the codec
     */
    public static Jackson3JsonCodec create() {
        return new Jackson3JsonCodec(DeepMapper.of(new JsonMapper()));
    }

    /**
     * Creates a codec on the caller's configured mapper (see the class description for which of its
     * settings apply).
     *
     * @param mapper the mapper whose factory creates the codec's generators and parsers
     * @return the codec
     * @throws InvalidArgument if {@code mapper} is {@code null}, or its factory is not for JSON (YAML,
     *     Smile, CBOR...), or it nests less deep than {@link JsonValues#MAX_DEPTH} and is a plain
     *     {@code ObjectMapper} rather than a {@link JsonMapper} (whose copy the codec could raise)
     */
    public static Jackson3JsonCodec using(ObjectMapper mapper) {
        if (mapper == null) {
            throw new InvalidArgument("mapper must not be null; expected a configured Jackson 3 JsonMapper");
        }
        String format = mapper.tokenStreamFactory().getFormatName();
        if (!JsonFactory.FORMAT_NAME_JSON.equals(format)) {
            throw new InvalidArgument("The mapper reads and writes " + format
                + ", not JSON; expected a Jackson 3 mapper on a JsonFactory (for example a JsonMapper).");
        }
        return new Jackson3JsonCodec(DeepMapper.of(mapper));
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
        try (JsonGenerator generator = writer.createGenerator(text)) {
            JsonValues.write(value, new GeneratorSink(generator));
        } catch (IOException | JacksonException failure) {
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
        try (JsonParser parser = reader.createParser(json)) {
            return ParserReader.read(parser);
        } catch (JacksonException failure) {
            throw new DataNotSerializable("Cannot read the JSON text: " + failure.getMessage()
                + "; expected exactly one valid JSON value.", failure);
        }
    }

    /**
     * Names the codec for messages.
     *
     * @return {@code "Jackson3JsonCodec"}
     */
    @Override
    public String toString() {
        return "Jackson3JsonCodec";
    }
}
