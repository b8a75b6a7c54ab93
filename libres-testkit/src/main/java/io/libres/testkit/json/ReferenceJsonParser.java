package io.libres.testkit.json;

import org.jspecify.annotations.Nullable;

import io.libres.json.JsonTreeBuilder;

/**
 * A small, strict JSON parser (RFC 8259) that belongs to no JSON library, so that the text a codec
 * writes is judged by a reader other than the codec's own. It builds values with the core's
 * {@link JsonTreeBuilder}, so they have the form every codec must return.
 *
 * <p>Example: {@code ReferenceJsonParser.parse("{\"a\":[1,2.5]}")} is a map from {@code "a"} to the
 * list of {@code Integer 1} and {@code Double 2.5}.
 */
public final class ReferenceJsonParser {

    private final String text;
    private final JsonTreeBuilder builder = new JsonTreeBuilder();
    private int at;

    private ReferenceJsonParser(String text) {
        this.text = text;
    }

    /**
     * Parses JSON text that must hold exactly one value.
     *
     * @param text the JSON text
     * @return the value, {@code null} for JSON null
     * @throws IllegalArgumentException if the text is not strictly valid JSON, with the offset
     * @throws io.libres.errors.DataNotSerializable if the core refuses what it holds (a number beyond
     *     its limits, nesting too deep, an unpaired surrogate)
     */
    public static @Nullable Object parse(String text) {
        ReferenceJsonParser parser = new ReferenceJsonParser(text);
        parser.skipWhitespace();
        parser.value();
        parser.skipWhitespace();
        if (parser.at != text.length()) {
            throw parser.error("more text after the value");
        }
        return parser.builder.result();
    }

    private void value() {
        if (at >= text.length()) {
            throw error("a value expected");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> builder.string(string());
            case 't' -> literal("true", () -> builder.bool(true));
            case 'f' -> literal("false", () -> builder.bool(false));
            case 'n' -> literal("null", builder::nullValue);
            default -> number();
        }
    }

    private void object() {
        at++;
        builder.beginObject();
        skipWhitespace();
        if (peek() == '}') {
            at++;
            builder.endObject();
            return;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("a quoted member name expected");
            }
            builder.name(string());
            skipWhitespace();
            expect(':');
            skipWhitespace();
            value();
            skipWhitespace();
            if (peek() == ',') {
                at++;
            } else {
                expect('}');
                builder.endObject();
                return;
            }
        }
    }

    private void array() {
        at++;
        builder.beginArray();
        skipWhitespace();
        if (peek() == ']') {
            at++;
            builder.endArray();
            return;
        }
        while (true) {
            skipWhitespace();
            value();
            skipWhitespace();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                builder.endArray();
                return;
            }
        }
    }

    private String string() {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("an unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            } else if (c == '\\') {
                out.append(escape());
            } else if (c < 0x20) {
                throw error("an unescaped control character in a string");
            } else {
                out.append(c);
            }
        }
    }

    private char escape() {
        char c = at < text.length() ? text.charAt(at++) : 0;
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> throw error("an invalid escape sequence");
        };
    }

    private char unicodeEscape() {
        if (at + 4 > text.length()) {
            throw error("a short \\u escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at++), 16);
            if (digit < 0) {
                throw error("a non-hex digit in a \\u escape");
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private void number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        if (start == at) {
            throw error("a value expected");
        }
        builder.number(text.substring(start, at));
    }

    private void literal(String word, Runnable emit) {
        if (!text.startsWith(word, at)) {
            throw error("'" + word + "' expected");
        }
        at += word.length();
        emit.run();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "' expected");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : 0;
    }

    private void skipWhitespace() {
        while (at < text.length() && " \t\n\r".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("Not strict JSON at offset " + at + ": " + what + ".");
    }
}
