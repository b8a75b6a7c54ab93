package io.libres.jdbi;

import io.libres.spi.Storage;
import io.libres.testkit.contract.ReplicaContractTest;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/** The replica contract on the JDBI adapter, with a real primary and streaming standby. */
class JdbiReplicaTest extends ReplicaContractTest {

    @Override
    protected Storage newStorage(DataSource primary, List<DataSource> replicas, Duration wait, Duration maxLag) {
        return JdbiStorage.builder().dataSource(primary).replicas(replicas.toArray(DataSource[]::new))
                .replicaWait(wait).replicaMaxLag(maxLag).build();
    }
}
