package io.libres.jdbi.internal;

import org.jdbi.v3.core.argument.Argument;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

/**
 * Arguments bound exactly as libres 1.2 stores values: instants as UTC {@code timestamp without
 * time zone}, collections as PostgreSQL arrays. Binding a {@link LocalDateTime} with
 * {@code setObject} keeps the JVM's zone out of it (no daylight saving shifts).
 */
final class Binds {

    private Binds() {
    }

    /** The UTC wall-clock time of an instant, as stored. */
    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The instant of a stored UTC wall-clock time. */
    static Instant instant(LocalDateTime stored) {
        return stored == null ? null : stored.toInstant(ZoneOffset.UTC);
    }

    /** An instant as a UTC {@code timestamp without time zone}; null binds SQL NULL. */
    static Argument timestamp(Instant instant) {
        LocalDateTime value = utc(instant);
        return (position, statement, context) -> {
            if (value == null) {
                statement.setNull(position, Types.TIMESTAMP);
            } else {
                statement.setObject(position, value);
            }
        };
    }

    /**
     * A collection as an array of a PostgreSQL element type: {@code uuid}, {@code integer},
     * {@code boolean} or {@code text}; elements may be null.
     */
    static Argument array(String elementType, Collection<?> values) {
        Object[] elements;
        switch (elementType) {
            case "uuid":
                elements = values.toArray(new java.util.UUID[0]);
                break;
            case "integer":
                elements = values.toArray(new Integer[0]);
                break;
            case "boolean":
                elements = values.toArray(new Boolean[0]);
                break;
            case "text":
                elements = values.toArray(new String[0]);
                break;
            default:
                throw new IllegalArgumentException("no array binding for element type " + elementType);
        }
        return (position, statement, context) ->
                statement.setArray(position, statement.getConnection().createArrayOf(elementType, elements));
    }

    /** Instants as a {@code text[]} of ISO wall-clock times, to be cast to {@code timestamp[]} in SQL. */
    static Argument timestampTexts(Collection<Instant> values) {
        String[] texts = values.stream().map(i -> i == null ? null : utc(i).toString()).toArray(String[]::new);
        return (position, statement, context) ->
                statement.setArray(position, statement.getConnection().createArrayOf("text", texts));
    }
}
