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
 *
 * <p>The GiST index {@value #GIST_INDEX} on {@code reserved_slots (tsrange(start, "end"))} is
 * optional: no query depends on it for its answer, only for speed. The overloads taking
 * {@code gistIndex} create and check the schema without it, for engines that have no GiST
 * (CockroachDB, YugabyteDB; see docs/PORTABILITY.md); the check then neither asks for the index
 * nor minds it.
 */
public final class LibresSchema {

    private static final String RESOURCE = "libres-schema.sql";
    private static final String JAVA_RESOURCE = "libres-java-schema.sql";

    /** Serialises concurrent setups of one database; the value is arbitrary but fixed. */
    private static final long SETUP_LOCK = 0x6c6962726573L;

    /** The name of the optional GiST index of libres 1.2's schema. */
    public static final String GIST_INDEX = "start_end_tsrange_ix";

    private static final String GIST_INDEX_DDL = "CREATE INDEX IF NOT EXISTS " + GIST_INDEX
            + " ON reserved_slots USING gist (tsrange(start, \"end\"));\n";

    private static final SchemaModel LIBRES_MODEL = SchemaModel.parse(libresDdl());
    private static final SchemaModel MODEL = SchemaModel.parse(ddl());
    private static final SchemaModel MODEL_WITHOUT_GIST = SchemaModel.parse(ddl(false));

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
     * Checks like {@link #validate(Connection)}, with or without the optional GiST index
     * {@value #GIST_INDEX}.
     *
     * @param connection an open connection; nothing is written through it
     * @param gistIndex true to require the GiST index (as {@link #validate(Connection)} does); false
     *     to accept the schema with or without it
     * @return what is missing or different, empty when the schema is complete
     * @throws SQLException if the catalog cannot be read
     */
    public static SchemaReport validate(Connection connection, boolean gistIndex) throws SQLException {
        return SchemaCheck.run(connection, gistIndex ? MODEL : MODEL_WITHOUT_GIST);
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
     * The whole schema as SQL text, with or without the optional GiST index {@value #GIST_INDEX}.
     *
     * @param gistIndex false to leave the GiST index out (for engines without GiST)
     * @return the idempotent DDL: {@link #libresDdl(boolean)}, then {@link #javaDdl()}
     */
    public static String ddl(boolean gistIndex) {
        return libresDdl(gistIndex) + "\n" + javaDdl();
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
     * libres 1.2's schema as SQL text, with or without the optional GiST index {@value #GIST_INDEX}.
     *
     * @param gistIndex false to leave the GiST index out (for engines without GiST)
     * @return the idempotent DDL
     */
    public static String libresDdl(boolean gistIndex) {
        String ddl = libresDdl();
        if (gistIndex) {
            return ddl;
        }
        if (!ddl.contains(GIST_INDEX_DDL)) {
            throw new IllegalStateException("libres-schema.sql no longer creates " + GIST_INDEX + " as LibresSchema"
                    + " expects; expected the line " + GIST_INDEX_DDL.trim());
        }
        return ddl.replace(GIST_INDEX_DDL, "");
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
        create(connection, true);
    }

    /**
     * Creates, like {@link #create(Connection)}, whatever of the schema is missing, with or without
     * the optional GiST index {@value #GIST_INDEX}. Without it, an index that exists is left alone.
     *
     * @param connection an open connection; its auto-commit setting is restored afterwards
     * @param gistIndex false to create the schema without the GiST index (for engines without GiST)
     * @throws SQLException if the server refuses the DDL; nothing is created then
     */
    public static void create(Connection connection, boolean gistIndex) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // DDL needs CREATE on the schema even when every object exists: look first
            if (validate(connection, gistIndex).isComplete()) {
                connection.commit();
                return;
            }
            statement.execute("SELECT pg_advisory_xact_lock(" + SETUP_LOCK + ")");
            statement.execute(ddl(gistIndex));
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
