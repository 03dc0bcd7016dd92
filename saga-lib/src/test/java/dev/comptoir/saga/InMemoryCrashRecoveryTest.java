package dev.comptoir.saga;

class InMemoryCrashRecoveryTest extends CrashRecoveryContractTest {
    @Override
    protected SagaStore createStore() {
        return SagaStore.inMemory();
    }

    @Override
    protected ParticipantLedger createLedger() {
        return ParticipantLedger.inMemory();
    }
}
