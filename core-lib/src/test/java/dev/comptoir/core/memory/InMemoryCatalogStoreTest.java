package dev.comptoir.core.memory;

import dev.comptoir.core.catalog.CatalogStore;
import dev.comptoir.core.catalog.CatalogStoreContractTest;

class InMemoryCatalogStoreTest extends CatalogStoreContractTest {
    @Override
    protected CatalogStore createStore() {
        return new InMemoryCatalogStore();
    }
}
