package io.libres.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything about a schema that libres 1.2 and libres for Java must agree on, read from the
 * catalog as sorted lines of text, so two schemas compare with {@code equals} and differ readably.
 */
record SchemaSnapshot(List<String> types, List<String> columns, List<String> sequences, List<String> constraints,
        List<String> indexes) {

    static SchemaSnapshot of(Connection connection, String schema) throws SQLException {
        return new SchemaSnapshot(
                lines(connection, """
                        SELECT t.typname || ' = ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
                        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
                        WHERE n.nspname = ? GROUP BY t.typname ORDER BY 1""", schema),
                lines(connection, """
                        SELECT c.relname || '.' || a.attnum || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                            || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                            || COALESCE(' DEFAULT ' || replace(pg_get_expr(d.adbin, d.adrelid), ?, ''), '')
                        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                        WHERE n.nspname = ? AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1""",
                        schema + ".", schema),
                lines(connection, """
                        SELECT s.sequencename || ' ' || s.data_type || ' start ' || s.start_value || ' by ' || s.increment_by
                            || ' owned by ' || COALESCE(dc.relname || '.' || da.attname, '-')
                        FROM pg_sequences s
                        JOIN pg_class sc ON sc.relname = s.sequencename
                        JOIN pg_namespace sn ON sn.oid = sc.relnamespace AND sn.nspname = s.schemaname
                        LEFT JOIN pg_depend dep ON dep.objid = sc.oid AND dep.deptype = 'a'
                        LEFT JOIN pg_class dc ON dc.oid = dep.refobjid
                        LEFT JOIN pg_attribute da ON da.attrelid = dep.refobjid AND da.attnum = dep.refobjsubid
                        WHERE s.schemaname = ? ORDER BY 1""", schema),
                lines(connection, """
                        SELECT cl.relname || ' ' || co.conname || ' ' || replace(pg_get_constraintdef(co.oid), ?, '')
                        FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
                        WHERE n.nspname = ? ORDER BY 1""", schema + ".", schema),
                lines(connection, """
                        SELECT replace(indexdef, ?, '') FROM pg_indexes WHERE schemaname = ? ORDER BY 1""",
                        schema + ".", schema));
    }

    private static List<String> lines(Connection connection, String sql, String... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    lines.add(result.getString(1));
                }
            }
            return lines;
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
