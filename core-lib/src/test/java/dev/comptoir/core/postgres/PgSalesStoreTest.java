package dev.comptoir.core.postgres;

import dev.comptoir.core.sales.SalesStore;
import dev.comptoir.core.sales.SalesStoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgSalesStoreTest extends SalesStoreContractTest {
    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create("sales_test", 8);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected SalesStore createStore() {
        db.database().jdbi().useHandle(h -> h.execute("TRUNCATE sales, sale_lines, sale_returns, sale_return_lines"));
        return new PgSalesStore(db.database().jdbi());
    }
}
