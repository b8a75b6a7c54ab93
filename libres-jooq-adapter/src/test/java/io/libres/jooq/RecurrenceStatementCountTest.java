package io.libres.jooq;

import io.libres.spi.Storage;
import io.libres.testkit.sql.RecurrenceStatementCountKit;
import org.junit.jupiter.api.DisplayName;

import javax.sql.DataSource;

/** Runs the kit group {@link RecurrenceStatementCountKit} on the jOOQ adapter. */
@DisplayName("jOOQ: statements sent to PostgreSQL for a recurring series")
class RecurrenceStatementCountTest extends RecurrenceStatementCountKit {

    @Override
    protected Storage storageOn(DataSource dataSource) {
        return JooqStorage.using(dataSource);
    }

    @Override
    protected int chunkedWriteAllowance() {
        // one write is split into chunks below 32767 bind parameters: a year of rows may take two more
        return 2;
    }

}
