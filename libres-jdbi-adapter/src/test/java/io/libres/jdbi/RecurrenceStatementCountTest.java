package io.libres.jdbi;

import io.libres.spi.Storage;
import io.libres.testkit.sql.RecurrenceStatementCountKit;
import org.junit.jupiter.api.DisplayName;

import javax.sql.DataSource;

/** Runs the kit group {@link RecurrenceStatementCountKit} on the JDBI adapter. */
@DisplayName("JDBI: statements sent to PostgreSQL for a recurring series")
class RecurrenceStatementCountTest extends RecurrenceStatementCountKit {

    @Override
    protected Storage storageOn(DataSource dataSource) {
        return JdbiStorage.using(dataSource);
    }

}
