package io.libres.postgres;

import io.libres.db.SchemaReport;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares the catalog of the connection's current schema with {@link SchemaModel}; reads only. */
final class SchemaCheck {

    private SchemaCheck() {
    }

    static SchemaReport run(Connection connection, SchemaModel model) throws SQLException {
        String schema = currentSchema(connection);
        if (schema == null) {
            return new SchemaReport("(none)", List.of("the search_path (" + searchPath(connection)
                    + ") names no existing schema: create the schema, or fix currentSchema in the JDBC URL"));
        }
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> enums = enums(connection, schema);
        for (Map.Entry<String, List<String>> expected : model.enums().entrySet()) {
            List<String> labels = enums.get(expected.getKey());
            if (labels == null) {
                problems.add("type " + expected.getKey() + " is missing");
            } else if (!labels.containsAll(expected.getValue())) {
                problems.add("type " + expected.getKey() + " has the labels " + labels + ", expected " + expected.getValue());
            }
        }
        Map<String, Map<String, SchemaModel.Column>> tables = columns(connection, schema);
        for (Map.Entry<String, List<SchemaModel.Column>> expected : model.tables().entrySet()) {
            Map<String, SchemaModel.Column> actual = tables.get(expected.getKey());
            if (actual == null) {
                problems.add("table " + expected.getKey() + " is missing");
                continue;
            }
            for (SchemaModel.Column column : expected.getValue()) {
                SchemaModel.Column found = actual.get(column.name());
                String name = "column " + column.table() + "." + column.name();
                if (found == null) {
                    problems.add(name + " is missing");
                } else if (!found.type().equals(column.type())) {
                    problems.add(name + " is " + found.type() + ", expected " + column.type());
                } else if (found.notNull() != column.notNull()) {
                    problems.add(name + (column.notNull() ? " allows null, expected NOT NULL" : " is NOT NULL, expected null allowed"));
                }
            }
        }
        Set<String> constraints = names(connection, """
                SELECT cl.relname || '.' || co.conname FROM pg_constraint co
                JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE n.nspname = ?""", schema);
        for (String constraint : model.constraints()) {
            if (!constraints.contains(constraint)) {
                problems.add("constraint " + constraint + " is missing");
            }
        }
        Set<String> indexes = names(connection, "SELECT tablename || '.' || indexname FROM pg_indexes WHERE schemaname = ?",
                schema);
        for (String index : model.indexes()) {
            if (!indexes.contains(index)) {
                problems.add("index " + index + " is missing");
            }
        }
        return new SchemaReport(schema, problems);
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT current_schema()");
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    private static String searchPath(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting('search_path')");
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    private static Map<String, List<String>> enums(Connection connection, String schema) throws SQLException {
        Map<String, List<String>> enums = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)
                FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname = ? GROUP BY t.typname""")) {
            statement.setString(1, schema);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Array labels = result.getArray(2);
                    enums.put(result.getString(1), Arrays.asList((String[]) labels.getArray()));
                }
            }
        }
        return enums;
    }

    private static Map<String, Map<String, SchemaModel.Column>> columns(Connection connection, String schema)
            throws SQLException {
        Map<String, Map<String, SchemaModel.Column>> tables = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE n.nspname = ? AND c.relkind IN ('r', 'p')""")) {
            statement.setString(1, schema);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String table = result.getString(1);
                    Map<String, SchemaModel.Column> columns = tables.computeIfAbsent(table, t -> new HashMap<>());
                    String column = result.getString(2);
                    if (column != null) {
                        // a type of this schema is named without its schema when the schema is first in the search_path
                        String type = result.getString(3).replace(schema + ".", "");
                        columns.put(column, new SchemaModel.Column(table, column, type, result.getBoolean(4)));
                    }
                }
            }
        }
        return tables;
    }

    private static Set<String> names(Connection connection, String sql, String schema) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
        }
        return names;
    }
}
