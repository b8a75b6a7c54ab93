package io.libres.postgres;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the schema must hold, read from the one DDL text ({@link LibresSchema#ddl()}), so the check
 * and the setup can never disagree: enum types with their labels, tables with their columns
 * (type as PostgreSQL's {@code format_type} names it, nullability), named constraints, indexes.
 */
record SchemaModel(Map<String, List<String>> enums, Map<String, List<Column>> tables, List<String> constraints,
        List<String> indexes) {

    /** A column as the catalog describes it. */
    record Column(String table, String name, String type, boolean notNull) {
    }

    private static final Pattern ENUM = Pattern.compile("CREATE TYPE (\\w+) AS ENUM \\(([^)]*)\\)");
    private static final Pattern TABLE = Pattern.compile("CREATE TABLE IF NOT EXISTS (\\w+) \\((.*?)\\n\\);",
            Pattern.DOTALL);
    private static final Pattern CONSTRAINT = Pattern.compile("CONSTRAINT (\\w+) .*");
    private static final Pattern COLUMN = Pattern.compile("(\"?\\w+\"?) (.+?)( NOT NULL)?");
    private static final Pattern INDEX = Pattern.compile("CREATE INDEX IF NOT EXISTS (\\w+) ON (\\w+)");

    static SchemaModel parse(String ddl) {
        Map<String, List<String>> enums = new LinkedHashMap<>();
        Matcher e = ENUM.matcher(ddl);
        while (e.find()) {
            List<String> labels = new ArrayList<>();
            for (String label : e.group(2).split(",")) {
                labels.add(label.trim().replace("'", ""));
            }
            enums.put(e.group(1), List.copyOf(labels));
        }
        Map<String, List<Column>> tables = new LinkedHashMap<>();
        List<String> constraints = new ArrayList<>();
        Matcher t = TABLE.matcher(ddl);
        while (t.find()) {
            String table = t.group(1);
            List<Column> columns = new ArrayList<>();
            for (String line : t.group(2).split(",\\s*\\n")) {
                String definition = line.trim();
                Matcher c = CONSTRAINT.matcher(definition);
                if (c.matches()) {
                    constraints.add(table + "." + c.group(1));
                    continue;
                }
                Matcher column = COLUMN.matcher(definition);
                if (!column.matches()) {
                    throw new IllegalStateException("libres-schema.sql has a column this check cannot read: " + definition);
                }
                String type = column.group(2).equals("serial") ? "integer" : column.group(2);
                columns.add(new Column(table, column.group(1).replace("\"", ""), type, column.group(3) != null));
            }
            tables.put(table, List.copyOf(columns));
        }
        List<String> indexes = new ArrayList<>();
        Matcher i = INDEX.matcher(ddl);
        while (i.find()) {
            indexes.add(i.group(2) + "." + i.group(1));
        }
        return new SchemaModel(Map.copyOf(enums), tables, List.copyOf(constraints), List.copyOf(indexes));
    }
}
