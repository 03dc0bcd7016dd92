package dev.comptoir.core.memory;

import dev.comptoir.core.sales.SalesStore;
import dev.comptoir.core.sales.SalesStoreContractTest;

class InMemorySalesStoreTest extends SalesStoreContractTest {
    @Override
    protected SalesStore createStore() {
        return new InMemorySalesStore();
    }
}
