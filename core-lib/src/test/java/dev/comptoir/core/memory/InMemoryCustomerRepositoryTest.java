package dev.comptoir.core.memory;

import dev.comptoir.core.customer.CustomerRepository;
import dev.comptoir.core.customer.CustomerRepositoryContractTest;

class InMemoryCustomerRepositoryTest extends CustomerRepositoryContractTest {
    @Override
    protected CustomerRepository create() {
        return new InMemoryCustomerRepository();
    }
}
