package dev.comptoir.core.postgres;

import dev.comptoir.core.inventory.InventoryStore;
import dev.comptoir.core.inventory.InventoryStoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgInventoryStoreTest extends InventoryStoreContractTest {
    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create("inventory_test", 8);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected InventoryStore createStore() {
        db.database().jdbi().useHandle(h -> h.execute(
                "TRUNCATE stock, stock_movements, reservations RESTART IDENTITY"));
        return new PgInventoryStore(db.database().jdbi());
    }
}
