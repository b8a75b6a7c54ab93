package io.libres.jdbi;

import io.libres.spi.Storage;
import io.libres.testkit.sql.SchedulerStatementCountKit;
import org.junit.jupiter.api.DisplayName;

import javax.sql.DataSource;

/** Runs the kit group {@link SchedulerStatementCountKit} on the JDBI adapter. */
@DisplayName("JDBI: statements sent to PostgreSQL")
class StatementCountTest extends SchedulerStatementCountKit {

    @Override
    protected Storage storageOn(DataSource dataSource) {
        return JdbiStorage.using(dataSource);
    }
}
