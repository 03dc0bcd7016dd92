package dev.comptoir.core.postgres;

import dev.comptoir.core.catalog.CatalogStore;
import dev.comptoir.core.catalog.CatalogStoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgCatalogStoreTest extends CatalogStoreContractTest {
    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create("catalog_test", 4);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected CatalogStore createStore() {
        db.database().jdbi().useHandle(h -> h.execute("TRUNCATE products, categories RESTART IDENTITY CASCADE"));
        return new PgCatalogStore(db.database().jdbi());
    }
}
