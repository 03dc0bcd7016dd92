package dev.comptoir.core.postgres;

import dev.comptoir.core.claim.ClaimRepository;
import dev.comptoir.core.claim.ClaimRepositoryContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PgClaimRepositoryTest extends ClaimRepositoryContractTest {
    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.create("a2_claims", 8);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Override
    protected ClaimRepository create() {
        db.database().jdbi().useHandle(h -> h.execute("TRUNCATE claims RESTART IDENTITY CASCADE"));
        return new PgClaimRepository(db.database().jdbi());
    }
}
