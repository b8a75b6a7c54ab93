package io.libres.jooq.internal;

import io.libres.time.Timespan;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The predicates criteria map to, one per criterion, joined with AND; a set is bound as one array
 * ({@code = ANY(?)}), so the statement text does not grow with it.
 */
final class Conditions {

    private final List<Condition> conditions = new ArrayList<>();

    /**
     * {@code field = ANY(values)} if the values are set, the values bound as one array
     * ({@link ArrayBinding}); an empty set matches nothing.
     */
    @SuppressWarnings("unchecked")
    <T> Conditions in(Field<T> field, Collection<T> values, Class<T> type) {
        if (values != null) {
            if (type == UUID.class) {
                conditions.add(((Field<UUID>) field).eq(DSL.any(ArrayBinding.uuids((Collection<UUID>) values))));
            } else if (type == Integer.class) {
                conditions.add(((Field<Integer>) field).eq(DSL.any(ArrayBinding.integers((Collection<Integer>) values))));
            } else {
                throw new IllegalArgumentException("no array binding for " + type);
            }
        }
        return this;
    }

    /** {@code field = value} if the value is set. */
    <T> Conditions equal(Field<T> field, T value) {
        if (value != null) {
            conditions.add(field.eq(value));
        }
        return this;
    }

    /** Adds a condition as is. */
    Conditions add(Condition condition) {
        conditions.add(condition);
        return this;
    }

    /**
     * Rows whose span [start, end] overlaps any of the spans, both ends inclusive, as
     * {@link Timespan#overlaps(Timespan)} decides.
     */
    Conditions overlappingAny(Field<LocalDateTime> start, Field<LocalDateTime> end, List<Timespan> spans) {
        if (spans == null) {
            return this;
        }
        List<Condition> alternatives = new ArrayList<>(spans.size());
        for (Timespan span : spans) {
            LocalDateTime s = Times.utc(span.start());
            LocalDateTime e = Times.utc(span.end());
            alternatives.add(start.le(s).and(end.ge(s)).or(start.ge(s).and(start.le(e))));
        }
        conditions.add(alternatives.isEmpty() ? DSL.falseCondition() : DSL.or(alternatives));
        return this;
    }

    /** The conjunction; TRUE if no criterion is set. */
    Condition all() {
        return DSL.and(conditions);
    }
}
