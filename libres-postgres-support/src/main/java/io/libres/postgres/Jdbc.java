package io.libres.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Binding values exactly as libres 1.2 stores them: instants as UTC {@code timestamp without time
 * zone}, columns of a batch as PostgreSQL arrays (one statement whatever the batch size).
 */
final class Jdbc {

    private Jdbc() {
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime stored = rs.getObject(column, LocalDateTime.class);
        return stored == null ? null : stored.toInstant(ZoneOffset.UTC);
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static <R, T> Array array(Connection connection, String elementType, List<R> rows, Function<R, T> value)
            throws SQLException {
        Object[] elements = new Object[rows.size()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = value.apply(rows.get(i));
        }
        return connection.createArrayOf(elementType, elements);
    }

    /** Instants as ISO wall-clock texts, cast to {@code timestamp[]} in SQL: no JVM zone involved. */
    static <R> Array timestamps(Connection connection, List<R> rows, Function<R, Instant> value) throws SQLException {
        return array(connection, "text", rows, r -> {
            Instant i = value.apply(r);
            return i == null ? null : utc(i).toString();
        });
    }

    static Array texts(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
