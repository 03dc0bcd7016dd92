package dev.comptoir.core.postgres;

import dev.comptoir.core.refund.RefundRepository;
import dev.comptoir.core.refund.RefundRepositoryContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgRefundRepositoryTest extends RefundRepositoryContractTest {
    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create("a2_claim_refunds", 8);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected RefundRepository create() {
        db.database().jdbi().useHandle(h -> h.execute("TRUNCATE claim_refunds RESTART IDENTITY CASCADE"));
        return new PgRefundRepository(db.database().jdbi());
    }
}
