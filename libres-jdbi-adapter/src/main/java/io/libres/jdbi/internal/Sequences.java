package io.libres.jdbi.internal;

import java.util.ArrayList;
import java.util.List;

/** Draws ids from the serial sequences of libres' tables, many in one statement. */
final class Sequences {

    private Sequences() {
    }

    /**
     * The next {@code count} values of a table's id sequence, ascending.
     *
     * @param work the unit of work
     * @param table {@code reservations} or {@code reservation_blockers}
     * @param count how many
     * @return the ids
     */
    static List<Integer> next(JdbiUnitOfWork work, String table, int count) {
        if (count == 0) {
            return List.of();
        }
        List<Integer> ids = new ArrayList<>(Errors.translating("drawing ids for " + table, () -> work.handle()
                .createQuery("SELECT nextval(pg_get_serial_sequence(:table, 'id'))::int"
                        + " FROM generate_series(1, :count)")
                .bind("table", table)
                .bind("count", count)
                .mapTo(Integer.class)
                .list()));
        ids.sort(null);
        return ids;
    }
}
