package dev.comptoir.core.postgres;

import dev.comptoir.core.cart.CartRepository;
import dev.comptoir.core.cart.CartRepositoryContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgCartRepositoryTest extends CartRepositoryContractTest {
    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create("a2_carts", 8);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected CartRepository create() {
        db.database().jdbi().useHandle(h -> h.execute("TRUNCATE carts RESTART IDENTITY CASCADE"));
        return new PgCartRepository(db.database().jdbi());
    }
}
