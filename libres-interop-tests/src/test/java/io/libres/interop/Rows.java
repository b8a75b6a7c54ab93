package io.libres.interop;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Every row of the four libres tables, column by column as PostgreSQL prints them, in a fixed
 * order. Random UUIDs (tokens, groups) differ between two runs of one story, so each UUID is
 * replaced by the order of its first appearance: two dumps are equal exactly when the rows are
 * equal up to a renaming of UUIDs that keeps which ones are the same.
 */
final class Rows {

    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("allocations", "id");
        TABLES.put("reservations", "id");
        TABLES.put("reservation_blockers", "id");
        TABLES.put("reserved_slots", "start, resource");
    }

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Rows() {
    }

    /** For each table, its rows as "column=value" lists, UUIDs renamed. */
    static Map<String, List<List<String>>> dump(DataSource dataSource) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table.getKey()
                        + " ORDER BY " + table.getValue())) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.add(meta.getColumnName(i) + "=" + renamed(rs.getString(i), names));
                        }
                        rows.add(row);
                    }
                }
                tables.put(table.getKey(), rows);
            }
        }
        return tables;
    }

    private static String renamed(String value, Map<String, String> names) {
        if (value == null) {
            return "NULL";
        }
        Matcher m = UUID.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, names.computeIfAbsent(m.group(), k -> "uuid#" + names.size()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
