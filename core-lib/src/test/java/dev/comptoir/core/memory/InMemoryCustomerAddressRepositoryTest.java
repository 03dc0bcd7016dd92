package dev.comptoir.core.memory;

import dev.comptoir.core.customer.AddressRepository;
import dev.comptoir.core.customer.AddressRepositoryContractTest;
import dev.comptoir.core.customer.CustomerId;

class InMemoryCustomerAddressRepositoryTest extends AddressRepositoryContractTest {
    private long next = 1;

    @Override
    protected AddressRepository create() {
        return new InMemoryCustomerAddressRepository();
    }

    @Override
    protected CustomerId newCustomer() {
        return CustomerId.of(next++);
    }
}
