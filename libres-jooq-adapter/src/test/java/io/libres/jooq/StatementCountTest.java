package io.libres.jooq;

import io.libres.spi.Storage;
import io.libres.testkit.sql.SchedulerStatementCountKit;
import org.junit.jupiter.api.DisplayName;

import javax.sql.DataSource;

/** Runs the kit group {@link SchedulerStatementCountKit} on the jOOQ adapter. */
@DisplayName("jOOQ: statements sent to PostgreSQL")
class StatementCountTest extends SchedulerStatementCountKit {

    @Override
    protected Storage storageOn(DataSource dataSource) {
        return JooqStorage.using(dataSource);
    }
}
