package io.libres.json;

import org.jspecify.annotations.Nullable;

import io.libres.errors.DataNotSerializable;
import io.libres.json.internal.JsonTreeEmitter;
import io.libres.json.internal.JsonValueValidator;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a JSON value is in Java, and the form it comes back in after a trip through JSON text.
 *
 * <p><b>Accepted</b> for writing: {@code null}; {@link String}; {@link Boolean}; the numbers
 * {@link JsonNumbers} writes ({@link Integer}, {@link Long}, {@link Short}, {@link Byte},
 * {@link java.math.BigInteger}, {@link java.math.BigDecimal}, finite {@link Double} and
 * {@link Float}); any {@link java.util.Collection} of values (written as an array in iteration
 * order); any {@link java.util.Map} with non-null {@link String} keys (written in iteration order).
 * Strings and keys must be well-formed Unicode. Trees nest at most {@link #MAX_DEPTH} lists and
 * maps and hold no cycles. Anything else (a bean, an enum, a date, an array, a {@code Character},
 * a map with other keys, NaN) is refused with a {@link DataNotSerializable} whose message names the
 * type and where it was found, for example {@code $.guests[2]}.
 *
 * <p><b>Read back</b> (by every codec, and by {@link #normalise(Object)}): maps are unmodifiable
 * and keep their order (a {@link java.util.LinkedHashMap} inside), lists are unmodifiable (an
 * {@link java.util.ArrayList} inside), numbers follow {@link JsonNumbers#parse(String)} (an integer
 * is an {@code Integer}, else {@code Long}, else {@code BigInteger}; a decimal a {@code Double}
 * when no digit is lost, else a {@code BigDecimal}). Copy a map with
 * {@code new LinkedHashMap<>(map)} to change it.
 *
 * <p>Example:
 * <pre>{@code
 * Map<String, Object> data = new LinkedHashMap<>();
 * data.put("guests", List.of("Ann", "Bo"));
 * data.put("seats", 2L);
 * JsonValues.requireJsonValue(data);          // passes
 * Object stored = JsonValues.normalise(data); // {guests=[Ann, Bo], seats=2}, with seats an Integer
 * JsonValues.requireJsonValue(Map.of("when", java.time.LocalDate.now()));
 *                                             // DataNotSerializable: ... at $.when: found a java.time.LocalDate ...
 * }</pre>
 */
public final class JsonValues {

    /** The deepest nesting of lists and maps accepted, written or read (as Jackson's default limit). */
    public static final int MAX_DEPTH = 1000;

    private JsonValues() {
    }

    /**
     * Checks that a value is a JSON value, all the way down, before anything is written.
     *
     * @param value the value to check, {@code null} included
     * @throws DataNotSerializable at the first part that is not a JSON value; the message names its
     *     type and its path from the root ({@code $})
     */
    public static void requireJsonValue(@Nullable Object value) {
        JsonValueValidator.validate(value);
    }

    /**
     * Tells whether a value is a JSON value, all the way down.
     *
     * @param value the value to check
     * @return {@code true} if {@link #requireJsonValue(Object)} accepts it
     */
    public static boolean isJsonValue(Object value) {
        try {
            JsonValueValidator.validate(value);
            return true;
        } catch (DataNotSerializable notJson) {
            return false;
        }
    }

    /**
     * Checks a value, then sends it to a sink as events; codecs write through this so that all of them
     * accept the same values and write numbers alike. Nothing reaches the sink if the check fails.
     * The value is walked twice (check, then write), so it must not change while it is written.
     *
     * @param value the value to write
     * @param sink the codec's generator, adapted to {@link JsonSink}
     * @throws DataNotSerializable if the value is not a JSON value (see {@link #requireJsonValue(Object)})
     * @throws IOException if the sink fails
     */
    public static void write(Object value, JsonSink sink) throws IOException {
        JsonValueValidator.validate(value);
        JsonTreeEmitter.emit(value, sink);
    }

    /**
     * Gives the value exactly as it would come back from writing it as JSON text and reading it again
     * with any codec, without the text: an unmodifiable copy in the normal form (see the class
     * description). Useful to store {@code data} in memory as a database would return it, and to
     * compare what went in with what came out.
     *
     * @param value the value to normalise
     * @return the normal form, {@code null} for {@code null}
     * @throws DataNotSerializable if the value is not a JSON value
     */
    public static @Nullable Object normalise(@Nullable Object value) {
        JsonTreeBuilder builder = new JsonTreeBuilder();
        try {
            write(value, builder);
        } catch (IOException impossible) {
            throw new UncheckedIOException("A JsonTreeBuilder does no I/O", impossible);
        }
        return builder.result();
    }
}
