package dev.comptoir.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.checkout.SagaOrderIndexContractTest;
import dev.comptoir.core.checkout.spi.SagaOrderIndex;
import org.junit.jupiter.api.Test;

class InMemoryCheckoutOrderIndexTest extends SagaOrderIndexContractTest {
    @Override
    protected SagaOrderIndex create() {
        return new InMemoryCheckoutOrderIndex();
    }

    @Test
    void forget_knownSaga_dropsTheEntry() {
        InMemoryCheckoutOrderIndex index = new InMemoryCheckoutOrderIndex();
        index.placeOnce("s", () -> 1);

        index.forget("s");

        assertThat(index.find("s")).isEmpty();
        assertThat(index.size()).isZero();
    }
}
