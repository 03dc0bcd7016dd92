package dev.comptoir.core.memory;

import dev.comptoir.core.cart.CartRepository;
import dev.comptoir.core.cart.CartRepositoryContractTest;

class InMemoryCartRepositoryTest extends CartRepositoryContractTest {
    @Override
    protected CartRepository create() {
        return new InMemoryCartRepository();
    }
}
