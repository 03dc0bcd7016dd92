package dev.comptoir.core.customer;

import java.util.Objects;

/**
 * A stored customer address.
 *
 * @param id         its id
 * @param customerId its owner
 * @param details    its content
 */
public record Address(AddressId id, CustomerId customerId, AddressDetails details) {
    public Address {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(details, "details");
    }
}
