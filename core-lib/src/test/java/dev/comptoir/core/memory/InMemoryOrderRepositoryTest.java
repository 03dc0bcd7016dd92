package dev.comptoir.core.memory;

import dev.comptoir.core.order.OrderRepository;
import dev.comptoir.core.order.OrderRepositoryContractTest;

class InMemoryOrderRepositoryTest extends OrderRepositoryContractTest {
    @Override
    protected OrderRepository create() {
        return new InMemoryOrderRepository();
    }
}
