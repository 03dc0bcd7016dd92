package dev.comptoir.core.postgres;

import dev.comptoir.core.order.OrderRepository;
import dev.comptoir.core.order.OrderRepositoryContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgOrderRepositoryTest extends OrderRepositoryContractTest {
    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create("a2_orders", 8);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected OrderRepository create() {
        db.database().jdbi().useHandle(h -> h.execute("TRUNCATE orders RESTART IDENTITY CASCADE"));
        return new PgOrderRepository(db.database().jdbi());
    }
}
