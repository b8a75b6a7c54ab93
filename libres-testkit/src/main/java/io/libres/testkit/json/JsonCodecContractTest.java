package io.libres.testkit.json;

import static io.libres.testkit.json.CanonicalJson.list;
import static io.libres.testkit.json.CanonicalJson.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.libres.errors.DataNotSerializable;
import io.libres.json.JsonValues;
import io.libres.spi.JsonCodec;
import io.libres.spi.JsonCodecProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every {@link JsonCodec} keeps: what it writes, what it reads, and what it refuses. A
 * codec module runs it with a small subclass:
 * <pre>{@code
 * class JacksonJsonCodecContractTest extends JsonCodecContractTest {
 *     @Override
 *     protected JsonCodec codec() {
 *         return JacksonJsonCodec.create();
 *     }
 *
 *     @Override
 *     protected JsonCodecProvider provider() {
 *         return new JacksonJsonCodecProvider();
 *     }
 * }
 * }</pre>
 *
 * <p>Codecs agree with each other because each one reads the {@link CanonicalJson} texts to the same
 * values, and writes text that an independent parser ({@link ReferenceJsonParser}) reads back to the
 * same values; a codec passing this kit reads what any other passing codec writes.
 */
public abstract class JsonCodecContractTest {

    /** Creates the kit; subclasses supply the codec. */
    protected JsonCodecContractTest() {
        // state lives in the subclass's factories
    }

    /**
     * The codec under test; may be a new or a shared instance.
     *
     * @return the codec
     */
    protected abstract JsonCodec codec();

    /**
     * The provider the codec's module registers in
     * {@code META-INF/services/io.libres.spi.JsonCodecProvider}.
     *
     * @return an instance of the provider
     */
    protected abstract JsonCodecProvider provider();

    private Object roundTrip(Object value) {
        return codec().fromJson(codec().toJson(value));
    }

    /** Equal, with maps in the same key order and every scalar of the same class, all the way down. */
    private static void assertSameValue(Object actual, Object expected) {
        assertThat(actual).isEqualTo(expected);
        assertSameShape(actual, expected, "$");
    }

    private static void assertSameShape(Object actual, Object expected, String path) {
        if (expected instanceof Map<?, ?> expectedMap) {
            assertThat(actual).as(path).isInstanceOf(Map.class);
            Map<?, ?> actualMap = (Map<?, ?>) actual;
            assertThat(keysOf(actualMap)).as(path + " keys").containsExactlyElementsOf(expectedMap.keySet());
            expectedMap.forEach((key, value) -> assertSameShape(actualMap.get(key), value, path + "." + key));
        } else if (expected instanceof List<?> expectedList) {
            assertThat(actual).as(path).isInstanceOf(List.class);
            List<?> actualList = (List<?>) actual;
            for (int i = 0; i < expectedList.size(); i++) {
                assertSameShape(actualList.get(i), expectedList.get(i), path + "[" + i + "]");
            }
        } else if (expected != null) {
            assertThat(actual).as(path).hasSameClassAs(expected);
        }
    }

    private DataNotSerializable refusalToWrite(Object value) {
        Throwable thrown = catchThrowable(() -> codec().toJson(value));
        assertThat(thrown).isInstanceOf(DataNotSerializable.class);
        return (DataNotSerializable) thrown;
    }

    private static List<Object> keysOf(Object map) {
        return new ArrayList<>(((Map<?, ?>) map).keySet());
    }

    private static Object nestedLists(int depth) {
        Object value = List.of();
        for (int i = 1; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    @Nested
    @DisplayName("Canonical texts: the ground all codecs share")
    class Canonical {

        @TestFactory
        @DisplayName("reads every canonical text to its canonical value, of the same Java types")
        Stream<DynamicTest> readsCanonicalTexts() {
            return CanonicalJson.all().stream().map(c -> dynamicTest(c.toString(),
                () -> assertSameValue(codec().fromJson(c.text()), c.value())));
        }

        @TestFactory
        @DisplayName("writes every canonical value as text that an independent parser reads back to it")
        Stream<DynamicTest> writesTextOthersRead() {
            return CanonicalJson.all().stream().map(c -> dynamicTest(c.toString(),
                () -> assertSameValue(ReferenceJsonParser.parse(codec().toJson(c.value())), c.value())));
        }

        @TestFactory
        @DisplayName("reads back every canonical value it wrote")
        Stream<DynamicTest> readsItsOwnText() {
            return CanonicalJson.all().stream().map(c -> dynamicTest(c.toString(),
                () -> assertSameValue(roundTrip(c.value()), c.value())));
        }

        @Test
        @DisplayName("reads its own text to exactly what JsonValues.normalise gives for the value")
        void agreesWithNormalise() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("count", 5L);
            data.put("ratio", 0.5f);
            data.put("small", (short) 3);
            data.put("tiny", (byte) -1);
            data.put("exact", new BigDecimal("100"));
            data.put("tags", new LinkedHashSet<>(List.of("b", "a")));

            assertSameValue(roundTrip(data), JsonValues.normalise(data));
        }
    }

    @Nested
    @DisplayName("Maps")
    class Maps {

        @Test
        @DisplayName("keep the insertion order of their keys through a round trip")
        void keepKeyOrder() {
            Map<String, Object> data = new LinkedHashMap<>();
            for (int i = 50; i > 0; i--) {
                data.put("key" + (i * 7 % 50), i);
            }

            assertThat(keysOf(roundTrip(data))).containsExactlyElementsOf(data.keySet());
        }

        @Test
        @DisplayName("are read unmodifiable, including nested ones")
        void areReadUnmodifiable() {
            Map<?, ?> read = (Map<?, ?>) codec().fromJson("{\"a\":{\"b\":1}}");

            assertThatThrownBy(() -> read.clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> ((Map<?, ?>) read.get("a")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("keep the first position and the last value of a repeated key")
        void repeatedKeys() {
            Object read = codec().fromJson("{\"a\":1,\"b\":2,\"a\":3}");

            assertThat(read).isEqualTo(map("a", 3, "b", 2));
            assertThat(keysOf(read)).containsExactly("a", "b");
        }

        @Test
        @DisplayName("round-trip an empty map written from any Map implementation")
        void emptyMap() {
            assertSameValue(codec().fromJson(codec().toJson(new LinkedHashMap<>())), map());
        }
    }

    @Nested
    @DisplayName("Lists")
    class Lists {

        @Test
        @DisplayName("keep their order and their nulls through a round trip")
        void keepOrder() {
            List<Object> data = list(3, null, "two", 1, null);

            assertSameValue(roundTrip(data), data);
        }

        @Test
        @DisplayName("are read unmodifiable")
        void areReadUnmodifiable() {
            List<?> read = (List<?>) codec().fromJson("[1,[2]]");

            assertThatThrownBy(() -> read.clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> ((List<?>) read.get(1)).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("are written from any Collection, in its iteration order")
        void anyCollection() {
            assertThat(roundTrip(new LinkedHashSet<>(List.of("c", "a", "b")))).isEqualTo(list("c", "a", "b"));
        }

        @Test
        @DisplayName("round-trip an empty list")
        void emptyList() {
            assertSameValue(roundTrip(new ArrayList<>()), list());
        }
    }

    @Nested
    @DisplayName("Numbers")
    class Numbers {

        @TestFactory
        @DisplayName("each canonical number written and read again is equal and of the same type")
        Stream<DynamicTest> canonicalNumbers() {
            return CanonicalJson.numbers().stream().map(c -> dynamicTest(c.toString(),
                () -> assertSameValue(roundTrip(c.value()), c.value())));
        }

        @Test
        @DisplayName("a Long that fits an int comes back as an Integer, a larger one as a Long")
        void longsNarrow() {
            assertSameValue(roundTrip(7L), 7);
            assertSameValue(roundTrip(Long.MAX_VALUE), Long.MAX_VALUE);
        }

        @Test
        @DisplayName("a BigInteger comes back in the smallest integer type that holds it")
        void bigIntegersNarrow() {
            BigInteger huge = BigInteger.TEN.pow(40).negate();

            assertSameValue(roundTrip(BigInteger.valueOf(12)), 12);
            assertSameValue(roundTrip(huge), huge);
        }

        @Test
        @DisplayName("a BigDecimal with more digits than a double keeps every digit")
        void bigDecimalsKeepDigits() {
            BigDecimal precise = new BigDecimal("-98765.432109876543210987654321");

            assertSameValue(roundTrip(precise), precise);
        }

        @Test
        @DisplayName("a Float comes back as the Double of the same decimal text")
        void floats() {
            assertSameValue(roundTrip(0.1f), 0.1d);
        }

        @Test
        @DisplayName("numbers inside maps and lists follow the same rules")
        void nestedNumbers() {
            Object read = codec().fromJson("{\"n\":[1,2147483648,9223372036854775808,0.5,1e400]}");

            assertThat(read).isEqualTo(map("n", list(1, 2_147_483_648L,
                new BigInteger("9223372036854775808"), 0.5d, new BigDecimal("1e400"))));
        }
    }

    @Nested
    @DisplayName("Strings, booleans and nulls")
    class Scalars {

        @Test
        @DisplayName("every character of the Basic Multilingual Plane but surrogates round-trips")
        void wholeBasicPlane() {
            StringBuilder text = new StringBuilder();
            for (char c = 0; c < Character.MIN_SURROGATE; c++) {
                text.append(c);
            }
            for (char c = Character.MAX_SURROGATE + 1; c != 0; c++) {
                text.append(c);
            }

            assertSameValue(roundTrip(text.toString()), text.toString());
        }

        @Test
        @DisplayName("astral characters such as emoji round-trip as surrogate pairs")
        void astral() {
            String text = "🎉 𝄞 🏳️‍🌈 \uD83D\uDE00";

            assertSameValue(roundTrip(map("note", text)), map("note", text));
        }

        @Test
        @DisplayName("booleans round-trip at the top level and nested")
        void booleans() {
            assertSameValue(roundTrip(true), true);
            assertSameValue(roundTrip(list(false, map("ok", true))), list(false, map("ok", true)));
        }

        @Test
        @DisplayName("null is written as JSON null at the top level and read back as null")
        void topLevelNull() {
            assertThat(codec().toJson(null).strip()).isEqualTo("null");
            assertThat(codec().fromJson(" null ")).isNull();
        }

        @Test
        @DisplayName("null members of a map are written, not dropped")
        void nullMembers() {
            Map<String, Object> data = map("a", null, "b", map("c", null));

            Object read = roundTrip(data);

            assertThat(read).isEqualTo(data);
            assertThat(keysOf(read)).containsExactly("a", "b");
        }
    }

    @Nested
    @DisplayName("Nesting")
    class Nesting {

        @Test
        @DisplayName("nested maps and lists round-trip with every value in place")
        void nested() {
            Object data = map("rooms", list(map("name", "A", "seats", list(1, 2, map("x", list()))),
                map("name", "B", "seats", list())), "meta", map("v", 2, "flags", map()));

            assertSameValue(roundTrip(data), data);
        }

        @Test
        @DisplayName("lists and maps nested " + JsonValues.MAX_DEPTH + " deep are written and read")
        void deepestAccepted() {
            Object deepest = nestedLists(JsonValues.MAX_DEPTH);

            assertThat(roundTrip(deepest)).isEqualTo(deepest);
        }

        @Test
        @DisplayName("one level deeper is refused on writing and on reading")
        void tooDeep() {
            int depth = JsonValues.MAX_DEPTH + 1;

            assertThat(refusalToWrite(nestedLists(depth))).hasMessageContaining("nested");
            assertThatThrownBy(() -> codec().fromJson("[".repeat(depth) + "]".repeat(depth)))
                .isInstanceOf(DataNotSerializable.class);
        }
    }

    @Nested
    @DisplayName("Data that is not JSON is refused when written")
    class NotSerialisable {

        /** A value that is neither a scalar nor a collection: an application's own bean. */
        private record Guest(String name) {
        }

        @Test
        @DisplayName("an arbitrary object, naming its type and the root path")
        void arbitraryObject() {
            assertThat(refusalToWrite(new Guest("Ann")))
                .hasMessageContaining(Guest.class.getName()).hasMessageContaining("$");
        }

        @Test
        @DisplayName("an object deep inside, naming its type and its path")
        void deepInside() {
            Object data = map("guests", list("Ann", "Bo", map("born", LocalDate.of(2000, 1, 2))));

            assertThat(refusalToWrite(data))
                .hasMessageContaining("java.time.LocalDate").hasMessageContaining("$.guests[2].born");
        }

        @Test
        @DisplayName("a map with non-String keys, naming the key type")
        void nonStringKeys() {
            assertThat(refusalToWrite(map("rooms", Map.of(1, "A"))))
                .hasMessageContaining("java.lang.Integer").hasMessageContaining("$.rooms");
        }

        @Test
        @DisplayName("NaN and infinite doubles and floats, naming the value")
        void nonFiniteNumbers() {
            assertThat(refusalToWrite(list(1.0, Double.NaN))).hasMessageContaining("NaN")
                .hasMessageContaining("$[1]");
            assertThat(refusalToWrite(map("x", Double.POSITIVE_INFINITY))).hasMessageContaining("Infinity");
            assertThat(refusalToWrite(Float.NEGATIVE_INFINITY)).hasMessageContaining("java.lang.Float");
        }

        @Test
        @DisplayName("number types without a fixed JSON form, such as AtomicInteger")
        void unsupportedNumberTypes() {
            assertThat(refusalToWrite(map("n", new AtomicInteger(1))))
                .hasMessageContaining(AtomicInteger.class.getName()).hasMessageContaining("$.n");
        }

        @Test
        @DisplayName("arrays, naming the array type")
        void arrays() {
            assertThat(refusalToWrite(map("tags", new String[] {"a"}))).hasMessageContaining("java.lang.String[]");
        }

        @Test
        @DisplayName("a map that contains itself")
        void cycles() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("self", data);

            assertThat(refusalToWrite(data)).hasMessageContaining("itself").hasMessageContaining("$.self");
        }

        @Test
        @DisplayName("a string with an unpaired surrogate")
        void unpairedSurrogate() {
            assertThat(refusalToWrite(list("ok", "bad \uD800 text"))).hasMessageContaining("surrogate")
                .hasMessageContaining("$[1]");
        }

        @Test
        @DisplayName("a key that is not an identifier is quoted in the path")
        void oddKeyInPath() {
            assertThat(refusalToWrite(map("first name", new Object())))
                .hasMessageContaining("$['first name']").hasMessageContaining("java.lang.Object");
        }
    }

    @Nested
    @DisplayName("Text that is not one valid JSON value is refused when read")
    class InvalidText {

        @TestFactory
        @DisplayName("each invalid text gives DataNotSerializable")
        Stream<DynamicTest> invalidTexts() {
            return CanonicalJson.invalidTexts().stream().map(c -> dynamicTest(c.toString(),
                () -> assertThatThrownBy(() -> codec().fromJson(c.text()))
                    .isInstanceOf(DataNotSerializable.class)
                    .hasMessageContaining("JSON")));
        }

        @Test
        @DisplayName("a syntax error keeps the JSON library's exception as its cause")
        void keepsCause() {
            assertThatThrownBy(() -> codec().fromJson("{\"a\":}"))
                .isInstanceOf(DataNotSerializable.class).hasCauseInstanceOf(Exception.class);
        }

        @Test
        @DisplayName("null text gives DataNotSerializable, not a NullPointerException")
        void nullText() {
            assertThatThrownBy(() -> codec().fromJson(null)).isInstanceOf(DataNotSerializable.class);
        }

        @Test
        @DisplayName("a number longer than the limit is refused")
        void tooLongNumber() {
            assertThatThrownBy(() -> codec().fromJson("1".repeat(2000))).isInstanceOf(DataNotSerializable.class);
        }
    }

    @Nested
    @DisplayName("Discovery")
    class Discovery {

        @Test
        @DisplayName("the provider is found by ServiceLoader")
        void discoverable() {
            List<String> found = ServiceLoader.load(JsonCodecProvider.class).stream()
                .map(p -> p.type().getName()).toList();

            assertThat(found).contains(provider().getClass().getName());
        }

        @Test
        @DisplayName("the provider has a name and creates a working codec")
        void createsWorkingCodec() {
            JsonCodecProvider discovered = ServiceLoader.load(JsonCodecProvider.class).stream()
                .filter(p -> p.type() == provider().getClass()).findFirst().orElseThrow().get();
            Object data = CanonicalJson.structures().get(CanonicalJson.structures().size() - 1).value();

            assertThat(discovered.name()).isNotBlank().isEqualTo(provider().name());
            assertThat(discovered.create().fromJson(discovered.create().toJson(data))).isEqualTo(data);
        }
    }
}
