package io.libres.jooq;

import io.libres.spi.Storage;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.stress.StressKit;
import org.junit.jupiter.api.DisplayName;

/** The stress and fault runs on PostgreSQL through jOOQ. */
@DisplayName("stress and faults on PostgreSQL through jOOQ")
class JooqStressTest extends StressKit {

    @Override
    protected Storage storage(TestDatabase database, int connections) {
        return Databases.pooledStorage(database, connections, 30_000);
    }
}
