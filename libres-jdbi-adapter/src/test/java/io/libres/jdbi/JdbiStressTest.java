package io.libres.jdbi;

import io.libres.spi.Storage;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.stress.StressKit;
import org.junit.jupiter.api.DisplayName;

/** The stress and fault runs on PostgreSQL through JDBI. */
@DisplayName("stress and faults on PostgreSQL through JDBI")
class JdbiStressTest extends StressKit {

    @Override
    protected Storage storage(TestDatabase database, int connections) {
        return JdbiStorage.builder().dsn(Databases.dsn(database)).poolSize(connections).build();
    }
}
