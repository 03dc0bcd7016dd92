package dev.comptoir.saga;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresLedgerTest extends ParticipantLedgerContractTest {
    private static TestPostgres pg;
    private static ParticipantLedger ledger;

    @BeforeAll
    static void database() {
        pg = TestPostgres.create("saga_ledger", 5);
        ledger = ParticipantLedger.postgres(pg.dataSource(), pg.schema());
    }

    @AfterAll
    static void dropDatabase() {
        pg.close();
    }

    @Override
    protected ParticipantLedger create() {
        return ledger;   // each test uses a fresh saga id
    }
}
