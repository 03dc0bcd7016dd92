package dev.comptoir.core.postgres;

import dev.comptoir.core.checkout.SagaOrderIndexContractTest;
import dev.comptoir.core.checkout.spi.SagaOrderIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgCheckoutOrderIndexTest extends SagaOrderIndexContractTest {
    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create("checkout_index", 3);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected SagaOrderIndex create() {
        db.database().jdbi().useHandle(h -> h.execute("TRUNCATE checkout_order_index"));
        return new PgCheckoutOrderIndex(db.database().jdbi());
    }
}
