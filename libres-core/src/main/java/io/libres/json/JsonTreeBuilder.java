package io.libres.json;

import org.jspecify.annotations.Nullable;

import io.libres.errors.DataNotSerializable;
import io.libres.json.internal.JsonPath;
import io.libres.json.internal.Unicode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a JSON value from a parser's events, in the form every codec returns: objects as
 * unmodifiable maps in document order (a {@link LinkedHashMap}; a repeated key keeps its first
 * position and its last value), arrays as unmodifiable lists (an {@link ArrayList}), numbers as
 * {@link JsonNumbers#parse(String)} gives them, strings, booleans and {@code null} as they are.
 *
 * <p>A codec feeds it its parser's tokens and takes {@link #result()}:
 * <pre>{@code
 * JsonTreeBuilder builder = new JsonTreeBuilder();
 * do {
 *     switch (parser.nextToken()) {
 *         case START_OBJECT -> builder.beginObject();
 *         case FIELD_NAME -> builder.name(parser.currentName());
 *         case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> builder.number(parser.getText());
 *         // ... one line per token
 *     }
 * } while (!builder.isComplete());
 * return builder.result();
 * }</pre>
 *
 * <p>Not thread-safe; use one builder per value.
 */
public final class JsonTreeBuilder implements JsonSink {

    private final Deque<Container> open = new ArrayDeque<>();
    private Object result;
    private boolean complete;

    /** Creates a builder for one value. */
    public JsonTreeBuilder() {
        // one value per builder; see result()
    }

    /**
     * Starts an object.
     *
     * @throws DataNotSerializable if it would nest lists and maps deeper than {@link JsonValues#MAX_DEPTH}
     * @throws IllegalStateException if a value is not expected here (the caller's events are malformed)
     */
    @Override
    public void beginObject() {
        begin(new Container(new LinkedHashMap<>(), null));
    }

    /**
     * Gives the key of the next member of the current object.
     *
     * @param name the key
     * @throws DataNotSerializable if the key is not well-formed Unicode (it has an unpaired surrogate)
     * @throws IllegalStateException if no object is open or a key is already waiting for its value
     */
    @Override
    public void name(String name) {
        Container current = open.peek();
        if (current == null || current.map == null || current.pendingName != null) {
            throw new IllegalStateException("A member name is only expected inside an object, before its value.");
        }
        requireWellFormed(name, "a member name");
        current.pendingName = name;
    }

    /**
     * Ends the current object.
     *
     * @throws IllegalStateException if the current container is not an object, or a key has no value
     */
    @Override
    public void endObject() {
        Container current = open.peek();
        if (current == null || current.map == null || current.pendingName != null) {
            throw new IllegalStateException("There is no complete object to end here.");
        }
        open.pop();
        add(Collections.unmodifiableMap(current.map));
    }

    /**
     * Starts an array.
     *
     * @throws DataNotSerializable if it would nest lists and maps deeper than {@link JsonValues#MAX_DEPTH}
     * @throws IllegalStateException if a value is not expected here
     */
    @Override
    public void beginArray() {
        begin(new Container(null, new ArrayList<>()));
    }

    /**
     * Ends the current array.
     *
     * @throws IllegalStateException if the current container is not an array
     */
    @Override
    public void endArray() {
        Container current = open.peek();
        if (current == null || current.list == null) {
            throw new IllegalStateException("There is no array to end here.");
        }
        open.pop();
        add(Collections.unmodifiableList(current.list));
    }

    /**
     * A string value.
     *
     * @param value the text
     * @throws DataNotSerializable if the text is not well-formed Unicode (it has an unpaired surrogate)
     * @throws IllegalStateException if a value is not expected here
     */
    @Override
    public void string(String value) {
        requireWellFormed(value, "a String");
        add(value);
    }

    /**
     * A number value, normalised by {@link JsonNumbers#parse(String)}.
     *
     * @param text the number's text exactly as it stands in the JSON text
     * @throws DataNotSerializable if the text is not a JSON number {@link JsonNumbers#parse(String)} reads
     * @throws IllegalStateException if a value is not expected here
     */
    @Override
    public void number(String text) {
        add(JsonNumbers.parse(text));
    }

    /**
     * A boolean value.
     *
     * @param value the value
     * @throws IllegalStateException if a value is not expected here
     */
    @Override
    public void bool(boolean value) {
        add(value);
    }

    /**
     * A JSON {@code null}.
     *
     * @throws IllegalStateException if a value is not expected here
     */
    @Override
    public void nullValue() {
        add(null);
    }

    /**
     * Tells whether one whole value has been built.
     *
     * @return {@code true} once the root value is complete
     */
    public boolean isComplete() {
        return complete;
    }

    /**
     * The value built.
     *
     * @return the root value, {@code null} for JSON null
     * @throws IllegalStateException if the value is not complete yet
     */
    public @Nullable Object result() {
        if (!complete) {
            throw new IllegalStateException("The JSON value is not complete: " + open.size()
                + " list(s) or map(s) are still open.");
        }
        return result;
    }

    private void begin(Container container) {
        requireValueExpected();
        if (open.size() >= JsonValues.MAX_DEPTH) {
            throw new DataNotSerializable("Cannot read JSON nested more than " + JsonValues.MAX_DEPTH
                + " deep at " + path() + "; expected at most " + JsonValues.MAX_DEPTH + " levels of lists and maps.");
        }
        open.push(container);
    }

    private void add(Object value) {
        requireValueExpected();
        Container current = open.peek();
        if (current == null) {
            result = value;
            complete = true;
        } else if (current.list != null) {
            current.list.add(value);
        } else {
            current.map.put(current.pendingName, value);
            current.pendingName = null;
        }
    }

    private void requireValueExpected() {
        Container current = open.peek();
        if (current == null ? complete : current.map != null && current.pendingName == null) {
            throw new IllegalStateException(complete
                ? "The JSON value is already complete; a builder takes exactly one value."
                : "A value inside an object must follow its member name.");
        }
    }

    private void requireWellFormed(String text, String what) {
        int unpaired = Unicode.firstUnpairedSurrogate(text);
        if (unpaired >= 0) {
            throw new DataNotSerializable("Cannot read JSON at " + path() + ": " + what
                + " has an unpaired surrogate (" + Unicode.describe(text, unpaired)
                + "); expected well-formed Unicode text.");
        }
    }

    private String path() {
        JsonPath path = new JsonPath();
        var outerFirst = open.descendingIterator();
        while (outerFirst.hasNext()) {
            Container container = outerFirst.next();
            if (container.list != null) {
                path.enterIndex(container.list.size());
            } else if (container.pendingName != null) {
                path.enterKey(container.pendingName);
            }
        }
        return path.toString();
    }

    /** An open object (map set) or array (list set). */
    private static final class Container {
        final Map<String, Object> map;
        final List<Object> list;
        String pendingName;

        Container(Map<String, Object> map, List<Object> list) {
            this.map = map;
            this.list = list;
        }
    }
}
