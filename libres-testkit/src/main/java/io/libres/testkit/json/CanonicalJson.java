package io.libres.testkit.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical JSON texts and the exact values every codec must read them as: the shared ground on which
 * all codecs agree, so a text one codec writes is read alike by any other. A codec reads each
 * {@link Case#text()} to {@link Case#value()}, and writes each value to text that reads back to it.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /**
     * One JSON text and the value it stands for.
     *
     * @param description what the case shows, as a sentence fragment
     * @param text the JSON text
     * @param value the value every codec reads from the text
     */
    public record Case(String description, String text, Object value) {

        /**
         * Names the case in test reports.
         *
         * @return the description and the text
         */
        @Override
        public String toString() {
            return description + ": " + text;
        }
    }

    /**
     * Numbers: integer boundaries of int and long, integers beyond long, decimals that fit a double,
     * decimals that do not, zeros, negatives and exponent forms.
     *
     * @return the cases, in a fixed order
     */
    public static List<Case> numbers() {
        return List.of(
            new Case("zero is an Integer", "0", 0),
            new Case("negative zero integer is the Integer 0", "-0", 0),
            new Case("a small integer is an Integer", "42", 42),
            new Case("a negative integer is an Integer", "-42", -42),
            new Case("the largest int is an Integer", "2147483647", Integer.MAX_VALUE),
            new Case("the smallest int is an Integer", "-2147483648", Integer.MIN_VALUE),
            new Case("one above the largest int is a Long", "2147483648", 2_147_483_648L),
            new Case("one below the smallest int is a Long", "-2147483649", -2_147_483_649L),
            new Case("the largest long is a Long", "9223372036854775807", Long.MAX_VALUE),
            new Case("the smallest long is a Long", "-9223372036854775808", Long.MIN_VALUE),
            new Case("one above the largest long is a BigInteger", "9223372036854775808",
                BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)),
            new Case("one below the smallest long is a BigInteger", "-9223372036854775809",
                BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE)),
            new Case("a thirty-digit integer is a BigInteger", "123456789012345678901234567890",
                new BigInteger("123456789012345678901234567890")),
            new Case("0.1 is the Double 0.1", "0.1", 0.1d),
            new Case("a negative decimal is a Double", "-2.5", -2.5d),
            new Case("1.0 stays a decimal, the Double 1.0", "1.0", 1.0d),
            new Case("decimal zero is the Double 0.0", "0.0", 0.0d),
            new Case("negative decimal zero keeps its sign", "-0.0", -0.0d),
            new Case("trailing zeros of a decimal do not make it a BigDecimal", "1.50", 1.5d),
            new Case("an exponent makes a decimal", "1e3", 1000.0d),
            new Case("an upper-case signed exponent makes a decimal", "1E+3", 1000.0d),
            new Case("a negative exponent makes a decimal", "2.5e-3", 0.0025d),
            new Case("the largest double is a Double", "1.7976931348623157E308", Double.MAX_VALUE),
            new Case("the smallest positive double is a Double", "4.9E-324", Double.MIN_VALUE),
            new Case("a double with seventeen digits is a Double", "0.30000000000000004", 0.1d + 0.2d),
            new Case("pi to forty digits is a BigDecimal", "3.141592653589793238462643383279502884197",
                new BigDecimal("3.141592653589793238462643383279502884197")),
            new Case("the exact binary value of 0.1 is a BigDecimal",
                "0.1000000000000000055511151231257827021181583404541015625",
                new BigDecimal("0.1000000000000000055511151231257827021181583404541015625")),
            new Case("a large decimal with a fraction is a BigDecimal", "12345678901234567890.5",
                new BigDecimal("12345678901234567890.5")),
            new Case("a number beyond the double range is a BigDecimal", "1e400", new BigDecimal("1e400")),
            new Case("a number below the double range is a BigDecimal", "-1E-400", new BigDecimal("-1E-400")));
    }

    /**
     * Strings: escapes, control characters, non-ASCII and astral (surrogate pair) characters.
     *
     * @return the cases, in a fixed order
     */
    public static List<Case> strings() {
        return List.of(
            new Case("the empty string", "\"\"", ""),
            new Case("plain ASCII", "\"Meeting room 1\"", "Meeting room 1"),
            new Case("every two-character escape", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t"),
            new Case("control characters as \\u escapes", "\"\\u0000\\u001f\"", "\u0000\u001f"),
            new Case("accented letters written raw", "\"Zürich, Genève\"", "Zürich, Genève"),
            new Case("accented letters as \\u escapes", "\"Z\\u00fcrich\"", "Zürich"),
            new Case("an emoji written raw", "\"party 🎉\"", "party 🎉"),
            new Case("an emoji as an escaped surrogate pair", "\"\\ud83c\\udf89\"", "🎉"),
            new Case("CJK, right-to-left and combining text", "\"会议室 غرفة e\u0301\"", "会议室 غرفة e\u0301"),
            new Case("a line separator and a byte order mark", "\"\\u2028\\ufeff\"", "\u2028\ufeff"));
    }

    /**
     * Structures: scalars at the top level, empty and nested maps and lists, nulls inside, key order.
     *
     * @return the cases, in a fixed order
     */
    public static List<Case> structures() {
        return List.of(
            new Case("null at the top level", "null", null),
            new Case("true at the top level", "true", true),
            new Case("false at the top level", "false", false),
            new Case("a string at the top level", "\"x\"", "x"),
            new Case("an empty object", "{}", Map.of()),
            new Case("an empty array", "[]", List.of()),
            new Case("an array of every kind of value", "[1,\"a\",true,false,null,2.5,[],{}]",
                list(1, "a", true, false, null, 2.5d, List.of(), Map.of())),
            new Case("an object with null members", "{\"a\":null,\"b\":[null]}",
                map("a", null, "b", list((Object) null))),
            new Case("an object whose keys are not in alphabetical order", "{\"z\":1,\"a\":2,\"m\":3}",
                map("z", 1, "a", 2, "m", 3)),
            new Case("every kind of whitespace between tokens", " {\n\t\"a\" : [ 1 ,\r\n 2 ] } ",
                map("a", list(1, 2))),
            new Case("an empty key and a key with spaces", "{\"\":0,\"first name\":\"Ann\"}",
                map("", 0, "first name", "Ann")),
            new Case("a reservation's data, nested", "{\"name\":\"Ann\",\"guests\":[\"Bo\",null,"
                + "{\"age\":42,\"vegan\":true}],\"paid\":false,\"price\":12.5,\"deposit\":12345678901234567890,"
                + "\"note\":null}",
                map("name", "Ann", "guests", list("Bo", null, map("age", 42, "vegan", true)), "paid", false,
                    "price", 12.5d, "deposit", new BigInteger("12345678901234567890"), "note", null)));
    }

    /**
     * Every canonical case: {@link #structures()}, {@link #strings()} and {@link #numbers()}.
     *
     * @return the cases, in a fixed order
     */
    public static List<Case> all() {
        List<Case> all = new ArrayList<>(structures());
        all.addAll(strings());
        all.addAll(numbers());
        return List.copyOf(all);
    }

    /**
     * Texts that are not one valid JSON value, each of which every codec must refuse.
     *
     * @return the texts with what is wrong in each, as description and text; the value is unused
     */
    public static List<Case> invalidTexts() {
        return List.of(
            new Case("empty text", "", null),
            new Case("only whitespace", "  \n ", null),
            new Case("an unclosed object", "{\"a\":1", null),
            new Case("an unclosed array", "[1,2", null),
            new Case("an unterminated string", "\"abc", null),
            new Case("a trailing comma", "[1,]", null),
            new Case("a missing value", "[1,,2]", null),
            new Case("single quotes", "{'a':1}", null),
            new Case("an unquoted key", "{a:1}", null),
            new Case("a comment", "/* note */ 1", null),
            new Case("NaN", "NaN", null),
            new Case("Infinity", "[Infinity]", null),
            new Case("a leading zero", "01", null),
            new Case("a leading plus", "+1", null),
            new Case("a trailing decimal point", "1.", null),
            new Case("a leading decimal point", ".5", null),
            new Case("two values", "[1] [2]", null),
            new Case("text after the value", "{} x", null),
            new Case("a misspelt literal", "tru", null),
            new Case("an invalid escape", "\"\\x\"", null),
            new Case("a raw tab inside a string", "\"a\tb\"", null),
            new Case("an unpaired surrogate escape", "\"\\ud800\"", null));
    }

    /**
     * An ordered map that, unlike {@link Map#of}, holds {@code null} values.
     *
     * @param keysAndValues key, value, key, value, ...
     * @return an unmodifiable map in the given order
     */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * A list that, unlike {@link List#of}, holds {@code null} elements.
     *
     * @param elements the elements
     * @return an unmodifiable list
     */
    public static List<Object> list(Object... elements) {
        return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(elements)));
    }
}
