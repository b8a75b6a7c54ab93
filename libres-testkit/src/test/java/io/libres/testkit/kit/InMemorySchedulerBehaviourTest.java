package io.libres.testkit.kit;

import io.libres.spi.Storage;
import io.libres.testkit.memory.InMemoryStorage;

import java.time.Duration;

/** Runs the behaviour kit against the in-memory storage. */
class InMemorySchedulerBehaviourTest extends SchedulerBehaviourKit {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }

    @Override
    protected Storage newStorageWithConnections(int connections) {
        return InMemoryStorage.withConnections(connections, Duration.ofSeconds(1));
    }
}
