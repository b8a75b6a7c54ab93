package io.libres.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database schema of libres 1.2, kept once for both SQL adapters.
 *
 * <p>{@link #create(Connection)} makes the same tables, columns, enum types, sequences,
 * constraints and indexes as libres 1.2's {@code Scheduler.setup_database()}, in the first
 * schema of the connection's {@code search_path}. Running it again, or from several processes at
 * once, changes nothing.
 */
public final class LibresSchema {

    private static final String RESOURCE = "libres-schema.sql";

    /** Serialises concurrent setups of one database; the value is arbitrary but fixed. */
    private static final long SETUP_LOCK = 0x6c6962726573L;

    private LibresSchema() {
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
     * Creates whatever of the schema is missing, in one transaction of its own, and commits it.
     *
     * @param connection an open connection; its auto-commit setting is restored afterwards
     * @throws SQLException if the server refuses the DDL; nothing is created then
     */
    public static void create(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
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
