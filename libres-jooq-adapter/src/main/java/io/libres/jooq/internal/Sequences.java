package io.libres.jooq.internal;

import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.generateSeries;
import static org.jooq.impl.DSL.inline;

import org.jooq.Field;
import org.jooq.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws ids from the serial sequences of libres' tables, many in one statement:
 * {@code SELECT nextval(pg_get_serial_sequence('table', 'id')) FROM generate_series(1, n)}. The
 * sequences belong to the serial columns and have no generated reference, so they are named by
 * their table with PostgreSQL's {@code pg_get_serial_sequence}.
 */
final class Sequences {

    private Sequences() {
    }

    /**
     * The next {@code count} values of a table's id sequence, ascending.
     *
     * @param work the unit of work
     * @param table the table whose serial id column draws from the sequence
     * @param count how many
     * @return the ids
     */
    static List<Integer> next(JooqUnitOfWork work, Table<?> table, int count) {
        if (count == 0) {
            return List.of();
        }
        Field<String> sequence = function("pg_get_serial_sequence", String.class, inline(table.getName()),
                inline("id"));
        Field<Long> next = function("nextval", Long.class, sequence);
        List<Integer> ids = new ArrayList<>(count);
        Errors.run("drawing ids for " + table.getName(), () -> work.dsl().select(next).from(generateSeries(1, count))
                .fetch().forEach(r -> ids.add(r.value1().intValue())));
        ids.sort(null);
        return ids;
    }
}
