package io.libres.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import io.libres.db.SchemaReport;

/**
 * The database schema of libres 1.2, kept once for both SQL adapters.
 *
 * <p>{@link #create(Connection)} makes the same tables, columns, enum types, sequences,
 * constraints and indexes as libres 1.2's {@code Scheduler.setup_database()}, in the first
 * schema of the connection's {@code search_path} (choose it with {@code currentSchema} in the JDBC
 * URL). Running it again, or from several processes at once, changes nothing; when everything
 * exists it runs no DDL at all, so a role that may only read and write the tables can call it.
 * {@link #validate(Connection)} reports what is missing or different without changing anything.
 */
public final class LibresSchema {

    private static final String RESOURCE = "libres-schema.sql";

    /** Serialises concurrent setups of one database; the value is arbitrary but fixed. */
    private static final long SETUP_LOCK = 0x6c6962726573L;

    private static final SchemaModel MODEL = SchemaModel.parse(ddl());

    private LibresSchema() {
    }

    /**
     * Checks, reading the catalog only, that the connection's current schema holds every type,
     * table, column (with its type and nullability), constraint and index of libres 1.2. A
     * database created by libres 1.2 itself passes; tables and indexes beyond those are allowed.
     *
     * @param connection an open connection; nothing is written through it
     * @return what is missing or different, empty when the schema is complete
     * @throws SQLException if the catalog cannot be read
     */
    public static SchemaReport validate(Connection connection) throws SQLException {
        return SchemaCheck.run(connection, MODEL);
    }

    /**
     * The schema as SQL text, for those who run migrations with their own tool.
     *
     * @return the idempotent DDL
     */
    public static String ddl() {
        try (InputStream in = LibresSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + RESOURCE + " is missing from libres-postgres-support.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates whatever of the schema is missing, in one transaction of its own, and commits it;
     * when nothing is missing, it only reads the catalog.
     *
     * @param connection an open connection; its auto-commit setting is restored afterwards
     * @throws SQLException if the server refuses the DDL; nothing is created then
     */
    public static void create(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // DDL needs CREATE on the schema even when every object exists: look first
            if (validate(connection).isComplete()) {
                connection.commit();
                return;
            }
            statement.execute("SELECT pg_advisory_xact_lock(" + SETUP_LOCK + ")");
            statement.execute(ddl());
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
