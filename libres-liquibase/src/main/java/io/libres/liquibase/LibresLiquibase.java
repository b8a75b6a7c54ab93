package io.libres.liquibase;

import io.libres.internal.Arguments;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The libres schema under Liquibase: include {@value #CHANGELOG} from your own changelog, or let
 * {@link #update(DataSource)} run it on its own.
 */
public final class LibresLiquibase {

    /** The class path location of libres' changelog. */
    public static final String CHANGELOG = "io/libres/liquibase/libres-changelog.xml";

    private LibresLiquibase() {
    }

    /**
     * Runs libres' changelog on the data source's current schema (choose it with
     * {@code currentSchema} in the JDBC URL), with Liquibase's usual change log tables there.
     *
     * @param dataSource the database
     * @throws io.libres.errors.InvalidArgument if the data source is null
     * @throws LiquibaseException if Liquibase or the database fails
     */
    public static void update(DataSource dataSource) throws LiquibaseException {
        Arguments.requireNonNull(dataSource, "the data source is missing (null); expected a DataSource of a PostgreSQL database");
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(LibresLiquibase.class.getClassLoader())), () -> new CommandScope(
                            UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .execute());
        } catch (LiquibaseException e) {
            throw e;
        } catch (SQLException e) {
            throw new LiquibaseException("could not connect to run the libres changelog: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new LiquibaseException("the libres changelog failed: " + e.getMessage(), e);
        }
    }
}
