package io.libres.jooq;

import io.libres.spi.Storage;
import io.libres.testkit.contract.ReplicaContractTest;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/** The replica contract on the jOOQ adapter, with a real primary and streaming standby. */
class JooqReplicaTest extends ReplicaContractTest {

    @Override
    protected Storage newStorage(DataSource primary, List<DataSource> replicas, Duration wait, Duration maxLag) {
        return JooqStorage.builder().dataSource(primary).replicas(replicas.toArray(DataSource[]::new))
                .replicaWait(wait).replicaMaxLag(maxLag).build();
    }
}
