package io.libres.jdbi.internal;

import io.libres.time.Timespan;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WHERE clause built from criteria: one SQL predicate per criterion, joined with AND, each value
 * bound as a named argument (collections as arrays, so the statement text does not grow with them).
 */
final class Where {

    private final List<String> predicates = new ArrayList<>();
    private final Map<String, Argument> arguments = new LinkedHashMap<>();
    private int names;

    /** Adds a predicate as is. */
    Where add(String predicate) {
        predicates.add(predicate);
        return this;
    }

    /** {@code column = ANY(:name)} if the values are set; an empty set matches nothing. */
    Where in(String column, String elementType, Collection<?> values) {
        if (values != null) {
            String name = next();
            predicates.add(column + " = ANY(:" + name + ")");
            arguments.put(name, Binds.array(elementType, values));
        }
        return this;
    }

    /** {@code column = :value} if the value is set. */
    Where equal(String column, Object value) {
        if (value != null) {
            String name = next();
            predicates.add(column + " = :" + name);
            arguments.put(name, argument(value));
        }
        return this;
    }

    /** {@code column = CAST(:value AS type)} if the value is set, for enum columns. */
    Where equalCast(String column, String value, String type) {
        if (value != null) {
            String name = next();
            predicates.add(column + " = CAST(:" + name + " AS " + type + ")");
            arguments.put(name, (p, s, c) -> s.setString(p, value));
        }
        return this;
    }

    /**
     * Rows whose span [startColumn, endColumn] overlaps any of the spans, both ends inclusive,
     * as {@link Timespan#overlaps(Timespan)} decides.
     */
    Where overlappingAny(String startColumn, String endColumn, List<Timespan> spans) {
        if (spans == null) {
            return this;
        }
        if (spans.isEmpty()) {
            predicates.add("FALSE");
            return this;
        }
        List<String> alternatives = new ArrayList<>();
        for (Timespan span : spans) {
            String s = next();
            String e = next();
            arguments.put(s, Binds.timestamp(span.start()));
            arguments.put(e, Binds.timestamp(span.end()));
            alternatives.add("(" + startColumn + " <= :" + s + " AND :" + s + " <= " + endColumn
                    + " OR :" + s + " <= " + startColumn + " AND " + startColumn + " <= :" + e + ")");
        }
        predicates.add("(" + String.join(" OR ", alternatives) + ")");
        return this;
    }

    /** Binds a value under a name of this clause's own and returns the name. */
    String bind(Object value) {
        String name = next();
        arguments.put(name, argument(value));
        return name;
    }

    /** Binds a collection as an array under a name of this clause's own and returns the name. */
    String bindArray(String elementType, Collection<?> values) {
        String name = next();
        arguments.put(name, Binds.array(elementType, values));
        return name;
    }

    private static Argument argument(Object value) {
        if (value instanceof Instant) {
            return Binds.timestamp((Instant) value);
        }
        return (p, s, c) -> s.setObject(p, value);
    }

    private String next() {
        return "w" + names++;
    }

    /** The clause, starting with WHERE, or empty if nothing is set. */
    String sql() {
        return predicates.isEmpty() ? "" : " WHERE " + String.join(" AND ", predicates);
    }

    /** Binds every argument of the clause to a statement. */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        arguments.forEach(statement::bind);
        return statement;
    }
}
