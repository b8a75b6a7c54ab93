package io.libres.spi;

import org.jspecify.annotations.Nullable;

/**
 * The JSON port: turns the {@code data} of allocations and reservations into
 * JSON text and back.
 *
 * <p>A value is a JSON value in Java form: {@code null}, {@link String},
 * {@link Boolean}, {@link Number}, {@link java.util.List} of values, or
 * {@link java.util.Map} from {@link String} keys to values, nested freely.
 * Implementations must round-trip every such value identically to each other:
 * {@link io.libres.json.JsonValues} states the exact rules (which values are
 * accepted, how numbers and collections come back) and does the checking, and
 * the codec contract tests in {@code libres-testkit} hold every codec to them.
 */
public interface JsonCodec {

    /**
     * Writes a JSON value as JSON text.
     *
     * @param value the value, or {@code null} for JSON null
     * @return the JSON text
     * @throws io.libres.errors.DataNotSerializable if the value, or anything
     *     nested in it, is not a JSON value; the message names the offending type
     */
    String toJson(@Nullable Object value);

    /**
     * Reads JSON text into a JSON value.
     *
     * @param json the JSON text
     * @return the value, {@code null} for JSON null
     * @throws io.libres.errors.DataNotSerializable if the text is not valid JSON
     */
    @Nullable Object fromJson(String json);
}
