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
 * The database schema of libres 1.2, and the tables libres for Java adds beside it, kept once
 * for both SQL adapters and the migration modules.
 *
 * <p>{@link #create(Connection)} makes the same tables, columns, enum types, sequences,
 * constraints and indexes as libres 1.2's {@code Scheduler.setup_database()}
 * ({@link #libresDdl()}), plus libres for Java's own tables ({@link #javaDdl()}: the data of
 * blocker tokens, which libres 1.2 ignores; none of libres 1.2's tables is changed), in the first
 * schema of the connection's {@code search_path} (choose it with {@code currentSchema} in the JDBC
 * URL). Running it again, or from several processes at once, changes nothing; when everything
 * exists it runs no DDL at all, so a role that may only read and write the tables can call it.
 * {@link #validate(Connection)} reports what is missing or different without changing anything.
 */
public final class LibresSchema {

    private static final String RESOURCE = "libres-schema.sql";
    private static final String JAVA_RESOURCE = "libres-java-schema.sql";

    /** Serialises concurrent setups of one database; the value is arbitrary but fixed. */
    private static final long SETUP_LOCK = 0x6c6962726573L;

    private static final SchemaModel LIBRES_MODEL = SchemaModel.parse(libresDdl());
    private static final SchemaModel MODEL = SchemaModel.parse(ddl());

    private LibresSchema() {
    }

    /**
     * Checks, reading the catalog only, that the connection's current schema holds every type,
     * table, column (with its type and nullability), constraint and index of libres 1.2 and of
     * libres for Java's own tables. A database created by libres 1.2 itself lacks only the latter
     * ({@link #create(Connection)} adds them); tables and indexes beyond those are allowed.
     *
     * @param connection an open connection; nothing is written through it
     * @return what is missing or different, empty when the schema is complete
     * @throws SQLException if the catalog cannot be read
     */
    public static SchemaReport validate(Connection connection) throws SQLException {
        return SchemaCheck.run(connection, MODEL);
    }

    /**
     * Checks, like {@link #validate(Connection)}, libres 1.2's part of the schema only: what a
     * database created by libres 1.2 itself holds.
     *
     * @param connection an open connection; nothing is written through it
     * @return what is missing or different of libres 1.2's schema, empty when it is complete
     * @throws SQLException if the catalog cannot be read
     */
    public static SchemaReport validateLibres(Connection connection) throws SQLException {
        return SchemaCheck.run(connection, LIBRES_MODEL);
    }

    /**
     * The whole schema as SQL text, libres 1.2's tables and libres for Java's, for those who run
     * migrations with their own tool.
     *
     * @return the idempotent DDL: {@link #libresDdl()}, then {@link #javaDdl()}
     */
    public static String ddl() {
        return libresDdl() + "\n" + javaDdl();
    }

    /**
     * libres 1.2's schema as SQL text: its tables, exactly as libres 1.2 makes them.
     *
     * @return the idempotent DDL
     */
    public static String libresDdl() {
        return resource(RESOURCE);
    }

    /**
     * The tables libres for Java adds beside libres 1.2's, which libres 1.2 ignores, as SQL text.
     *
     * @return the idempotent DDL
     */
    public static String javaDdl() {
        return resource(JAVA_RESOURCE);
    }

    private static String resource(String name) {
        try (InputStream in = LibresSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + name + " is missing from libres-postgres-support.");
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
