package io.libres.testkit.kit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads every row of the four libres 1.2 tables and of libres for Java's blocker data as text, to
 * compare what a database holds.
 */
final class LibresTables {

    private static final List<String> TABLES = List.of("allocations", "reservations", "reservation_blockers",
            "reserved_slots", "libres_java_blocker_data");

    private LibresTables() {
    }

    /**
     * Every row of every libres table, in a fixed order, on a connection of its own.
     *
     * @param database the database
     * @return one line per row, prefixed by its table
     */
    static Object rows(DataSource database) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet result = statement.executeQuery("SELECT t::text FROM " + table + " t ORDER BY t::text")) {
                    while (result.next()) {
                        rows.add(table + " " + result.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the libres tables: " + e.getMessage(), e);
        }
        return rows;
    }
}
