package io.libres.jooq.internal;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.RowN;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;

/**
 * A derived table of rows, {@code (VALUES (...), (...)) AS x (id, columns...)}: the batch an UPDATE
 * joins in one statement. Each value is bound with its column's type, so PostgreSQL sees uuid,
 * timestamp, enum and jsonb values for what they are.
 */
final class Values {

    private Values() {
    }

    /** A row of typed values for {@link #table}. */
    static RowN row(Field<?>... values) {
        return DSL.row(List.of(values));
    }

    /** The rows as a derived table named {@code alias}, its columns named as the key and the written columns. */
    static Table<Record> table(String alias, List<RowN> rows, Field<?> key, List<? extends Field<?>> columns) {
        List<String> names = new ArrayList<>(columns.size() + 1);
        names.add(key.getName());
        for (Field<?> column : columns) {
            names.add(column.getName());
        }
        return DSL.values(rows.toArray(RowN[]::new)).as(alias, names.toArray(String[]::new));
    }
}
