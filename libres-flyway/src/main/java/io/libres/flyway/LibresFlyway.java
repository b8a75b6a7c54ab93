package io.libres.flyway;

import io.libres.internal.Arguments;
import org.jspecify.annotations.Nullable;

import io.libres.postgres.LibresSchema;
import io.libres.postgres.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The libres schema under Flyway, with a history table of its own ({@value #HISTORY_TABLE}) so its
 * versions never mix with the application's migrations.
 *
 * <pre>{@code
 * LibresFlyway.migrate(dataSource);                     // the connection's current schema
 * LibresFlyway.configure(dataSource, "booking").load().migrate();    // a schema of its own
 * }</pre>
 *
 * <p>A database libres 1.2 (or {@code setupDatabase()}) already made is baselined at version
 * {@value LibresMigration#VERSION}: Flyway records it and runs no DDL for it, once
 * {@link LibresSchema#validateLibres(Connection)} finds libres 1.2's schema complete. Version
 * {@value LibresJavaMigration#VERSION} ({@link LibresJavaMigration}) then adds libres for Java's
 * own tables, which libres 1.2 ignores.
 */
public final class LibresFlyway {

    /** The name of libres' Flyway history table. */
    public static final String HISTORY_TABLE = "libres_schema_history";

    private LibresFlyway() {
    }

    /**
     * A Flyway configuration with the libres migration only (no classpath scanning), libres' own
     * history table, and a baseline at version 1 when the libres tables exist already; change
     * schemas or other settings before {@code load()}.
     *
     * @param dataSource the database; its current schema is checked for an existing libres schema
     * @return the configuration
     * @throws io.libres.errors.InvalidArgument if the data source is null
     * @throws io.libres.errors.LibresException if the catalog cannot be read
     */
    public static FluentConfiguration configure(DataSource dataSource) {
        return configure(dataSource, null);
    }

    /**
     * Like {@link #configure(DataSource)}, for the tables in a schema of their own, which Flyway
     * creates if it is missing.
     *
     * @param dataSource the database
     * @param schema the schema for the tables and the history table, or null for the connection's
     *     current schema
     * @return the configuration
     * @throws io.libres.errors.InvalidArgument if the data source is null
     * @throws io.libres.errors.LibresException if the catalog cannot be read
     */
    public static FluentConfiguration configure(DataSource dataSource, @Nullable String schema) {
        Arguments.requireNonNull(dataSource, "the data source is missing (null); expected a DataSource of a PostgreSQL database");
        boolean made = libresTablesExist(dataSource, schema);
        FluentConfiguration configuration = Flyway.configure();
        if (schema != null) {
            configuration.defaultSchema(schema).schemas(schema);
        }
        return configuration
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(new String[0])
                .javaMigrations(new LibresMigration(), new LibresJavaMigration())
                // a schema with other tables but no libres tables starts below version 1, so version 1 runs
                .baselineOnMigrate(true)
                .baselineVersion(made ? LibresMigration.VERSION : "0")
                .baselineDescription(made ? "libres 1.2 schema, made before Flyway" : "before libres");
    }

    /**
     * Brings the data source's current schema to the newest libres schema.
     *
     * @param dataSource the database
     * @return what Flyway did
     * @throws io.libres.errors.InvalidArgument if the data source is null
     * @throws org.flywaydb.core.api.FlywayException if a migration fails
     */
    public static MigrateResult migrate(DataSource dataSource) {
        return configure(dataSource).load().migrate();
    }

    private static boolean libresTablesExist(DataSource dataSource, String schema) {
        try (Connection connection = dataSource.getConnection()) {
            if (schema != null) {
                connection.setSchema(schema);
            }
            return LibresSchema.validateLibres(connection).isComplete();
        } catch (SQLException e) {
            throw SqlErrors.translate("reading the catalog to see whether libres' tables exist", e);
        }
    }
}
