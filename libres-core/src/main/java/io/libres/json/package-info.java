/**
 * JSON values in Java form, shared by the JSON codecs and the scheduler.
 *
 * <p>The {@code data} of allocations and reservations is a JSON value: {@code null}, a
 * {@link java.lang.String}, a {@link java.lang.Boolean}, a {@link java.lang.Number}, a
 * {@link java.util.List} (or other {@link java.util.Collection}) of values, or a
 * {@link java.util.Map} from {@link java.lang.String} keys to values. This package says which
 * values are accepted ({@link io.libres.json.JsonValues#requireJsonValue(Object)}), in which form
 * they come back from JSON text ({@link io.libres.json.JsonValues#normalise(Object)},
 * {@link io.libres.json.JsonNumbers}), and gives codec authors the two halves every codec shares:
 * {@link io.libres.json.JsonValues#write(Object, JsonSink)} to write a checked value as events, and
 * {@link io.libres.json.JsonTreeBuilder} to build the value from a parser's events. A codec that uses
 * both agrees with every other such codec by construction.
 */
@NullMarked
package io.libres.json;

import org.jspecify.annotations.NullMarked;
