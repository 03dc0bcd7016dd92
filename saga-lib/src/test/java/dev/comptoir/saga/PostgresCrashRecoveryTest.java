package dev.comptoir.saga;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresCrashRecoveryTest extends CrashRecoveryContractTest {
    private static TestPostgres pg;
    private static SagaStore store;
    private static ParticipantLedger ledger;

    @BeforeAll
    static void database() {
        pg = TestPostgres.create("saga_crash", 4);
        store = SagaStore.postgres(pg.dataSource(), pg.schema());
        ledger = ParticipantLedger.postgres(pg.dataSource(), pg.schema());
    }

    @AfterAll
    static void dropDatabase() {
        pg.close();
    }

    @Override
    protected SagaStore createStore() {
        return store;   // every scenario uses fresh saga ids and start keys
    }

    @Override
    protected ParticipantLedger createLedger() {
        return ledger;
    }
}
