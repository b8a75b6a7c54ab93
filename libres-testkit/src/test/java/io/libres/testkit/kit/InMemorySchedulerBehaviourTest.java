package io.libres.testkit.kit;

import io.libres.spi.Storage;
import io.libres.testkit.memory.InMemoryStorage;

/** Runs the behaviour kit against the in-memory storage. */
class InMemorySchedulerBehaviourTest extends SchedulerBehaviourKit {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
