package dev.comptoir.core.memory;

import dev.comptoir.core.payment.PaymentRepository;
import dev.comptoir.core.payment.PaymentRepositoryContractTest;

class InMemoryPaymentRepositoryTest extends PaymentRepositoryContractTest {
    @Override
    protected PaymentRepository create() {
        return new InMemoryPaymentRepository();
    }
}
