package dev.comptoir.saga;

class InMemoryLedgerTest extends ParticipantLedgerContractTest {
    @Override
    protected ParticipantLedger create() {
        return ParticipantLedger.inMemory();
    }
}
