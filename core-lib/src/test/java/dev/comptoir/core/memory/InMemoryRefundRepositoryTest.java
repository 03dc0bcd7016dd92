package dev.comptoir.core.memory;

import dev.comptoir.core.refund.RefundRepository;
import dev.comptoir.core.refund.RefundRepositoryContractTest;

class InMemoryRefundRepositoryTest extends RefundRepositoryContractTest {
    @Override
    protected RefundRepository create() {
        return new InMemoryRefundRepository();
    }
}
