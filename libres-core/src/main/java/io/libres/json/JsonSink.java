package io.libres.json;

import java.io.IOException;

/**
 * Receives a JSON value as a stream of events, in document order; what a codec's generator (or a
 * {@link JsonTreeBuilder}) implements to take part in {@link JsonValues#write(Object, JsonSink)}.
 *
 * <p>Inside an object every value follows its {@link #name(String)}. The events always form exactly
 * one well-formed value, nested at most {@link JsonValues#MAX_DEPTH} deep.
 */
public interface JsonSink {

    /**
     * Starts an object (<code>&#123;</code>).
     *
     * @throws IOException if the underlying output fails
     */
    void beginObject() throws IOException;

    /**
     * Gives the key of the next member of the current object.
     *
     * @param name the key
     * @throws IOException if the underlying output fails
     */
    void name(String name) throws IOException;

    /**
     * Ends the current object (<code>&#125;</code>).
     *
     * @throws IOException if the underlying output fails
     */
    void endObject() throws IOException;

    /**
     * Starts an array ({@code [}).
     *
     * @throws IOException if the underlying output fails
     */
    void beginArray() throws IOException;

    /**
     * Ends the current array ({@code ]}).
     *
     * @throws IOException if the underlying output fails
     */
    void endArray() throws IOException;

    /**
     * A string value, to be escaped as JSON requires.
     *
     * @param value the text, well-formed Unicode
     * @throws IOException if the underlying output fails
     */
    void string(String value) throws IOException;

    /**
     * A number value, given as JSON number text that is to be written as it is.
     *
     * @param text the number's text, as {@link JsonNumbers#format(Number)} gives it
     * @throws IOException if the underlying output fails
     */
    void number(String text) throws IOException;

    /**
     * A boolean value.
     *
     * @param value the value
     * @throws IOException if the underlying output fails
     */
    void bool(boolean value) throws IOException;

    /**
     * A JSON {@code null}.
     *
     * @throws IOException if the underlying output fails
     */
    void nullValue() throws IOException;
}
