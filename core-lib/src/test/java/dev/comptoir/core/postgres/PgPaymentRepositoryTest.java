package dev.comptoir.core.postgres;

import dev.comptoir.core.payment.PaymentRepository;
import dev.comptoir.core.payment.PaymentRepositoryContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgPaymentRepositoryTest extends PaymentRepositoryContractTest {
    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create("a2_payments", 8);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected PaymentRepository create() {
        db.database().jdbi().useHandle(h -> h.execute("TRUNCATE payments RESTART IDENTITY CASCADE"));
        return new PgPaymentRepository(db.database().jdbi());
    }
}
