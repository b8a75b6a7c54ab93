package io.libres.testkit.memory;

import io.libres.spi.Storage;
import io.libres.testkit.kit.StorageContractKit;

/** Runs the storage contract against the in-memory storage. */
class InMemoryStorageContractTest extends StorageContractKit {

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
