package io.libres.liquibase;

import io.libres.db.SchemaReport;
import io.libres.postgres.LibresSchema;
import java.sql.SQLException;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomPreconditionErrorException;
import liquibase.exception.CustomPreconditionFailedException;
import liquibase.precondition.CustomPrecondition;

/**
 * The precondition of the libres changeset: it holds while the schema lacks something libres
 * needs, so a database libres 1.2 made already is marked as run instead of changed. It asks
 * {@link LibresSchema#validate(java.sql.Connection)}, the same check as
 * {@code Scheduler.validateSchema()}.
 */
public final class LibresSchemaMissing implements CustomPrecondition {

    /** Creates the precondition; Liquibase does so by its class name. */
    public LibresSchemaMissing() {
    }

    /**
     * Fails when the libres schema is complete.
     *
     * @param database the database Liquibase migrates
     * @throws CustomPreconditionFailedException if every table, column, type and index exists
     * @throws CustomPreconditionErrorException if the catalog cannot be read
     */
    @Override
    public void check(Database database) throws CustomPreconditionFailedException, CustomPreconditionErrorException {
        if (!(database.getConnection() instanceof JdbcConnection)) {
            throw new CustomPreconditionErrorException("the libres changelog needs a JDBC connection, got "
                    + database.getConnection());
        }
        try {
            SchemaReport report = LibresSchema.validateLibres(((JdbcConnection) database.getConnection()).getUnderlyingConnection());
            if (report.isComplete()) {
                throw new CustomPreconditionFailedException("the libres 1.2 schema exists already in " + report.schema());
            }
        } catch (SQLException e) {
            throw new CustomPreconditionErrorException("could not read the catalog: " + e.getMessage(), e);
        }
    }
}
