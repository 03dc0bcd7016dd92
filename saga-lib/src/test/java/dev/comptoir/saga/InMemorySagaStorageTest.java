package dev.comptoir.saga;

import dev.comptoir.saga.spi.SagaStorage;

class InMemorySagaStorageTest extends SagaStorageContractTest {
    @Override
    protected SagaStorage create() {
        return SagaStore.inMemory().storage();
    }
}
