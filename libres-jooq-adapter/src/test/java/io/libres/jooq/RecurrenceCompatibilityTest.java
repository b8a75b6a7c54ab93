package io.libres.jooq;

import io.libres.spi.Storage;
import io.libres.testkit.sql.RecurrenceCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

import javax.sql.DataSource;

/** Runs the kit group {@link RecurrenceCompatibilityKit} on the jOOQ adapter. */
@DisplayName("jOOQ: series on a database shared with libres 1.2")
class RecurrenceCompatibilityTest extends RecurrenceCompatibilityKit {

    @Override
    protected Storage storageOn(DataSource dataSource) {
        return JooqStorage.using(dataSource);
    }
}
