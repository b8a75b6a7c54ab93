package io.libres.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the current row of a result set into a model: how a recipe of this module hands rows
 * back to the adapter, which owns the mapping (the JSON of the {@code data} column, say).
 *
 * @param <T> the model
 */
@FunctionalInterface
public interface RowReader<T> {

    /**
     * Reads the current row.
     *
     * @param row the result set, positioned on a row; columns are named as in the table
     * @return the model of the row
     * @throws SQLException if a column cannot be read
     */
    T read(ResultSet row) throws SQLException;
}
