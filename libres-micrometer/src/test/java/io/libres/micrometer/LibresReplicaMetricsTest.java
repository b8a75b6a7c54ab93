package io.libres.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.Scheduler;
import io.libres.jdbi.JdbiStorage;
import io.libres.spi.ReplicaStatistics;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.testkit.postgres.ReplicatedPostgres;
import io.libres.time.DateRange;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The libres metrics of read replicas")
class LibresReplicaMetricsTest {

    private static final DateRange NINE = DateRange.of(LocalDateTime.of(2031, 5, 5, 9, 0),
            LocalDateTime.of(2031, 5, 5, 10, 0));

    private static double count(SimpleMeterRegistry registry, String name, String... tags) {
        return registry.get(name).tags(tags).functionCounter().count();
    }

    @Test
    @DisplayName("count reads on the standby and on the primary, waits, and skips of a lagging and a stopped standby,"
            + " on a real primary and streaming standby")
    void replicaCounters() {
        try (ReplicatedPostgres pair = ReplicatedPostgres.start()) {
            // the settings' way: the JDBI provider makes pools on the primary and the standby
            Context context = Registry.createDefault().registerContext("replicated");
            context.setSetting("dsn", pair.primaryUrl());
            context.setSetting("replica_dsns", pair.standbyUrl());
            context.setSetting("replica_wait", Duration.ofMillis(300));
            context.setSetting("replica_max_lag", Duration.ofSeconds(30));
            Scheduler room = new Scheduler(context, "Room", ZoneId.of("Europe/Zurich"));
            room.setupDatabase();
            pair.awaitReplayed();
            Storage storage = context.getService(StoragePorts.STORAGE);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            LibresMetrics.of(context).bindTo(registry);

            // no commit of this context yet: the read goes to the standby without waiting
            assertThat(room.managedAllocations().count()).isZero();
            double onReplica = count(registry, LibresMetrics.REPLICA_READS, "context", "replicated", "route", "replica");

            // the standby does not replay the booking: the context's next read waits, skips it, reads on the primary
            pair.pauseReplay();
            try {
                room.transaction(() -> room.allocate(NINE));
                assertThat(room.managedAllocations().count()).isEqualTo(1);
            } finally {
                pair.resumeReplay();
            }
            // a stopped standby is skipped as down
            pair.stopStandby();
            try {
                assertThat(room.managedAllocations().count()).isEqualTo(1);
            } finally {
                pair.startStandby();
            }
            ReplicaStatistics statistics = storage.replicaStatistics().orElseThrow();

            assertThat(onReplica).isEqualTo(1);
            assertThat(count(registry, LibresMetrics.REPLICA_READS, "route", "replica")).isEqualTo(1);
            assertThat(count(registry, LibresMetrics.REPLICA_READS, "route", "primary")).isEqualTo(2);
            assertThat(count(registry, LibresMetrics.REPLICA_WAITS, "context", "replicated")).isEqualTo(1);
            assertThat(count(registry, LibresMetrics.REPLICA_SKIPS, "reason", "lagging")).isEqualTo(1);
            assertThat(count(registry, LibresMetrics.REPLICA_SKIPS, "reason", "down")).isEqualTo(1);
            assertThat(statistics).isEqualTo(new ReplicaStatistics(1, 2, 1, 1, 1));
            assertThat(storage).isInstanceOf(JdbiStorage.class);
            context.stopServices();
        }
    }
}
