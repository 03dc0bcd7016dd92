package dev.comptoir.core.memory;

import dev.comptoir.core.restock.RestockStore;
import dev.comptoir.core.restock.RestockStoreContractTest;

class InMemoryRestockStoreTest extends RestockStoreContractTest {
    @Override
    protected RestockStore createStore() {
        return new InMemoryRestockStore();
    }
}
