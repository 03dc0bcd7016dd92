package dev.comptoir.core.postgres;

import dev.comptoir.core.restock.RestockStore;
import dev.comptoir.core.restock.RestockStoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgRestockStoreTest extends RestockStoreContractTest {
    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create("restock_test", 8);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected RestockStore createStore() {
        db.database().jdbi().useHandle(h -> h.execute("""
                TRUNCATE stock_transfers, restock_status_history, restock_requests;
                ALTER SEQUENCE restock_request_ids RESTART; ALTER SEQUENCE stock_transfer_ids RESTART"""));
        return new PgRestockStore(db.database().jdbi());
    }
}
