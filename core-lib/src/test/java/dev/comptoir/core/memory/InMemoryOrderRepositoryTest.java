package dev.comptoir.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.order.Order;
import dev.comptoir.core.order.OrderRepository;
import dev.comptoir.core.order.OrderRepositoryContractTest;
import org.junit.jupiter.api.Test;

class InMemoryOrderRepositoryTest extends OrderRepositoryContractTest {
    @Override
    protected OrderRepository create() {
        return new InMemoryOrderRepository();
    }

    @Test
    void forget_storedOrder_returnsItOnceAndDropsIt() {
        InMemoryOrderRepository repo = new InMemoryOrderRepository();
        Order kept = repo.insert(order(1, "10.00", "1"), T0);
        Order dropped = repo.insert(order(2, "20.00", "1"), T0);

        assertThat(repo.forget(dropped.id())).contains(dropped);
        assertThat(repo.forget(dropped.id())).isEmpty();
        assertThat(repo.find(dropped.id())).isEmpty();
        assertThat(repo.find(kept.id())).contains(kept);
        assertThat(repo.size()).isEqualTo(1);
    }
}
