package dev.comptoir.core.memory;

import dev.comptoir.core.inventory.InventoryStore;
import dev.comptoir.core.inventory.InventoryStoreContractTest;

class InMemoryInventoryStoreTest extends InventoryStoreContractTest {
    @Override
    protected InventoryStore createStore() {
        return new InMemoryInventoryStore();
    }
}
