package io.libres.testkit.contract;

import io.libres.spi.Storage;
import io.libres.testkit.memory.InMemoryStorage;
import org.junit.jupiter.api.DisplayName;

/** Runs the storage contract kit against the in-memory storage, a fresh one per test. */
@DisplayName("storage contract on the in-memory storage")
class InMemoryStorageContractTest extends StorageContractTest {

    private InMemoryStorage storage;

    @Override
    protected Storage newStorage() {
        storage = InMemoryStorage.create();
        return storage;
    }

    /** The in-memory storage counts one statement per store call. */
    @Override
    protected StatementCounter statementCounter() {
        return storage::statements;
    }
}
