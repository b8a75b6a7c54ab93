package io.libres.jooq.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the rows of a batched write so that one statement stays within PostgreSQL's limit of
 * 65,535 bind values (a multi-row VALUES list binds one value per column and row). A write of up to
 * {@value #BIND_VALUES} values is one statement (7,222 reserved slots, 4,062 reservations, 4,333
 * allocations); only a larger one takes one more statement per chunk. The JDBI adapter binds one
 * array per column instead and has no such step; doing the same here needs PostgreSQL's
 * multi-array {@code unnest}, which jOOQ's DSL does not have.
 */
final class Chunks {

    /** Bind values per statement, just below the protocol's limit. */
    static final int BIND_VALUES = 65_000;

    private Chunks() {
    }

    /** The rows in chunks of at most {@link #BIND_VALUES} / columns rows. */
    static <T> List<List<T>> of(List<T> rows, int columns) {
        int size = Math.max(1, BIND_VALUES / columns);
        if (rows.size() <= size) {
            return List.of(rows);
        }
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += size) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + size)));
        }
        return chunks;
    }
}
