package io.libres.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.errors.DataNotSerializable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("JsonValues")
class JsonValuesTest {

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Object nestedLists(int depth) {
        Object value = new ArrayList<>();
        for (int i = 1; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    @Nested
    @DisplayName("requireJsonValue")
    class RequireJsonValue {

        @Test
        @DisplayName("accepts every kind of JSON value, nested")
        void acceptsJsonValues() {
            Object data = ordered("s", "x", "b", true, "n", null, "i", 1, "l", 2L, "sh", (short) 3, "by", (byte) 4,
                "bi", BigInteger.TEN, "bd", BigDecimal.ONE, "d", 0.5, "f", 1.5f, "list", Arrays.asList(1, null),
                "set", Set.of("a"), "map", Map.of("k", List.of()));

            assertThatCode(() -> JsonValues.requireJsonValue(data)).doesNotThrowAnyException();
            assertThat(JsonValues.isJsonValue(data)).isTrue();
            assertThat(JsonValues.isJsonValue(null)).isTrue();
        }

        @Test
        @DisplayName("names the type and the path of an object deep inside")
        void namesTypeAndPath() {
            Object data = ordered("guests", List.of("Ann", "Bo", ordered("born", LocalDate.of(2000, 1, 2))));

            assertThatThrownBy(() -> JsonValues.requireJsonValue(data))
                .isInstanceOf(DataNotSerializable.class)
                .hasMessage("Data is not serialisable to JSON at $.guests[2].born: found a java.time.LocalDate; "
                    + "expected null, a String, a Boolean, a Number (" + JsonNumbers.supportedTypes()
                    + "), a List or other Collection, or a Map with String keys.");
        }

        @Test
        @DisplayName("refuses an arbitrary object at the top level, with the root path")
        void topLevelObject() {
            assertThatThrownBy(() -> JsonValues.requireJsonValue(Optional.empty()))
                .hasMessageStartingWith("Data is not serialisable to JSON at $: found a java.util.Optional;");
        }

        @Test
        @DisplayName("refuses non-String and null map keys, naming the key type")
        void refusesKeys() {
            Map<Object, Object> nullKey = new HashMap<>();
            nullKey.put(null, 1);

            assertThatThrownBy(() -> JsonValues.requireJsonValue(ordered("rooms", Map.of(7, "A"))))
                .hasMessageContaining("at $.rooms: found a map key of type java.lang.Integer; expected String keys only");
            assertThatThrownBy(() -> JsonValues.requireJsonValue(List.of(nullKey)))
                .hasMessageContaining("at $[0]: found a null map key");
        }

        @Test
        @DisplayName("refuses NaN, infinities and unsupported number types")
        void refusesNumbers() {
            assertThatThrownBy(() -> JsonValues.requireJsonValue(List.of(1, Double.NaN)))
                .hasMessageContaining("at $[1]: found the java.lang.Double NaN; expected a finite number");
            assertThatThrownBy(() -> JsonValues.requireJsonValue(new java.util.concurrent.atomic.AtomicInteger()))
                .hasMessageContaining("found a java.util.concurrent.atomic.AtomicInteger; expected a Number of type");
        }

        @Test
        @DisplayName("refuses arrays, Characters and enums, suggesting a List for arrays")
        void refusesOtherTypes() {
            assertThatThrownBy(() -> JsonValues.requireJsonValue(new int[] {1}))
                .hasMessageContaining("found a int[] (use a List instead of an array)");
            assertThatThrownBy(() -> JsonValues.requireJsonValue('c'))
                .hasMessageContaining("found a java.lang.Character");
            assertThatThrownBy(() -> JsonValues.requireJsonValue(java.time.DayOfWeek.MONDAY))
                .hasMessageContaining("found a java.time.DayOfWeek");
        }

        @Test
        @DisplayName("refuses cycles but accepts the same list twice side by side")
        void cycles() {
            List<Object> cyclic = new ArrayList<>();
            cyclic.add(ordered("back", cyclic));
            List<String> shared = List.of("x");

            assertThatThrownBy(() -> JsonValues.requireJsonValue(cyclic))
                .hasMessageContaining("at $[0].back: found a java.util.ArrayList that contains itself");
            assertThat(JsonValues.isJsonValue(List.of(shared, shared))).isTrue();
        }

        @Test
        @DisplayName("accepts " + JsonValues.MAX_DEPTH + " nested levels and refuses one more")
        void depth() {
            assertThat(JsonValues.isJsonValue(nestedLists(JsonValues.MAX_DEPTH))).isTrue();
            assertThatThrownBy(() -> JsonValues.requireJsonValue(nestedLists(JsonValues.MAX_DEPTH + 1)))
                .isInstanceOf(DataNotSerializable.class)
                .hasMessageContaining("nested more than " + JsonValues.MAX_DEPTH + " deep")
                .hasMessageContaining("$[0][0][0][0][0][0][0][0]...[0]");
        }

        @Test
        @DisplayName("refuses strings and keys with unpaired surrogates, but not paired ones")
        void surrogates() {
            assertThatThrownBy(() -> JsonValues.requireJsonValue(ordered("name", "ab\uDC00")))
                .hasMessageContaining("at $.name: found a String with an unpaired surrogate (U+DC00 at index 2)");
            assertThatThrownBy(() -> JsonValues.requireJsonValue(ordered("\uD800", 1)))
                .hasMessageContaining("found a map key with an unpaired surrogate (U+D800 at index 0)");
            assertThat(JsonValues.isJsonValue("\uD83D\uDE00")).isTrue();
        }

        @Test
        @DisplayName("quotes keys that are not identifiers in the path")
        void quotedKeys() {
            assertThatThrownBy(() -> JsonValues.requireJsonValue(ordered("it's here", new Object())))
                .hasMessageContaining("at $['it\\'s here']: found a java.lang.Object");
        }
    }

    @Nested
    @DisplayName("write")
    class Write {

        @Test
        @DisplayName("sends nothing to the sink when the value is refused")
        void nothingWrittenOnRefusal() {
            RecordingSink sink = new RecordingSink();

            assertThatThrownBy(() -> JsonValues.write(List.of(1, 2, new Object()), sink))
                .isInstanceOf(DataNotSerializable.class);
            assertThat(sink.events).isEmpty();
        }

        @Test
        @DisplayName("sends events in document order with formatted numbers")
        void events() throws IOException {
            RecordingSink sink = new RecordingSink();

            JsonValues.write(ordered("a", Arrays.asList(1L, null, true), "b", 0.5f), sink);

            assertThat(sink.events).containsExactly("{", "name:a", "[", "number:1", "null", "bool:true", "]",
                "name:b", "number:0.5", "}");
        }
    }

    @Nested
    @DisplayName("normalise")
    class Normalise {

        @Test
        @DisplayName("gives numbers their read-back types")
        void numbers() {
            Object normal = JsonValues.normalise(List.of(5L, (short) 1, 0.25f, BigInteger.TWO, new BigDecimal("2.50"),
                new BigDecimal("3.14159265358979323846")));

            assertThat(normal).isEqualTo(List.of(5, 1, 0.25d, 2, 2.5d, new BigDecimal("3.14159265358979323846")));
        }

        @Test
        @DisplayName("keeps map order, turns collections into lists, and makes everything unmodifiable")
        void structures() {
            Map<?, ?> normal = (Map<?, ?>) JsonValues.normalise(ordered("z", new TreeSet<>(Set.of("b", "a")),
                "a", ordered("x", null)));

            assertThat(new ArrayList<Object>(normal.keySet())).containsExactly("z", "a");
            assertThat(normal.get("z")).isEqualTo(List.of("a", "b"));
            assertThatThrownBy(normal::clear).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> ((List<?>) normal.get("z")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> ((Map<?, ?>) normal.get("a")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("leaves scalars and null as they are and refuses what is not JSON")
        void scalars() {
            assertThat(JsonValues.normalise(null)).isNull();
            assertThat(JsonValues.normalise("é😀")).isEqualTo("é😀");
            assertThat(JsonValues.normalise(false)).isEqualTo(false);
            assertThatThrownBy(() -> JsonValues.normalise(List.of(new Object())))
                .isInstanceOf(DataNotSerializable.class);
        }
    }

    /** Records events as short strings. */
    private static final class RecordingSink implements JsonSink {
        final List<String> events = new ArrayList<>();

        @Override
        public void beginObject() {
            events.add("{");
        }

        @Override
        public void name(String name) {
            events.add("name:" + name);
        }

        @Override
        public void endObject() {
            events.add("}");
        }

        @Override
        public void beginArray() {
            events.add("[");
        }

        @Override
        public void endArray() {
            events.add("]");
        }

        @Override
        public void string(String value) {
            events.add("string:" + value);
        }

        @Override
        public void number(String text) {
            events.add("number:" + text);
        }

        @Override
        public void bool(boolean value) {
            events.add("bool:" + value);
        }

        @Override
        public void nullValue() {
            events.add("null");
        }
    }
}
