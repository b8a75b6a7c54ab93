package io.libres.jdbi;

import io.libres.spi.Storage;
import io.libres.testkit.sql.LibresCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

import javax.sql.DataSource;

/** Runs the kit group {@link LibresCompatibilityKit} on the JDBI adapter. */
@DisplayName("JDBI: sharing a database with libres 1.2")
class LibresCompatibilityTest extends LibresCompatibilityKit {

    @Override
    protected Storage storageOn(DataSource dataSource) {
        return JdbiStorage.using(dataSource);
    }
}
