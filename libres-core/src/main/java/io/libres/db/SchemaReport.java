package io.libres.db;

import java.util.List;
import java.util.Objects;

/**
 * What a check of the database schema found, without changing anything: the tables, columns,
 * types, constraints and indexes of libres 1.2 that are missing or different. Objects the schema
 * holds beyond those (tables of the application, extra indexes) are not problems.
 *
 * @param schema the database schema that was checked (for PostgreSQL the connection's current
 *     schema), or a description of the storage for storages without schemas
 * @param problems one sentence per missing or different object, in a stable order; empty when
 *     the schema is complete
 */
public record SchemaReport(String schema, List<String> problems) {

    /**
     * Checks and copies the parts.
     *
     * @param schema the schema checked
     * @param problems the problems found
     * @throws NullPointerException if a part is null
     */
    public SchemaReport {
        Objects.requireNonNull(schema, "schema");
        problems = List.copyOf(problems);
    }

    /**
     * A report of a schema with everything libres needs.
     *
     * @param schema the schema checked
     * @return the report, without problems
     */
    public static SchemaReport complete(String schema) {
        return new SchemaReport(schema, List.of());
    }

    /**
     * Tells whether libres can work on the schema as it is.
     *
     * @return true if nothing is missing or different
     */
    public boolean isComplete() {
        return problems.isEmpty();
    }

    /**
     * The report as text, for logs and error messages.
     *
     * @return "schema x is complete" or the problems, one a line
     */
    @Override
    public String toString() {
        if (problems.isEmpty()) {
            return "schema " + schema + " has everything libres needs";
        }
        return "schema " + schema + " lacks what libres needs:\n  " + String.join("\n  ", problems);
    }
}
