package dev.comptoir.core.customer;

import java.util.List;
import java.util.Optional;

/**
 * Port: customers' addresses. Implementations are thread-safe, and storing an address whose
 * {@code isDefault} is true clears the flag on the customer's other addresses of the same type
 * in the same atomic step.
 */
public interface AddressRepository {

    /** Stores a new address for {@code customer} and assigns its id. */
    Address add(CustomerId customer, AddressDetails details);

    /** The customer's addresses, by id. */
    List<Address> listFor(CustomerId customer);

    /** One address of the customer (an address of another customer is not found). */
    Optional<Address> find(CustomerId customer, AddressId id);

    /** Replaces an address of the customer; empty when it does not exist. */
    Optional<Address> update(CustomerId customer, AddressId id, AddressDetails details);

    /** Deletes an address of the customer; false when it did not exist. */
    boolean delete(CustomerId customer, AddressId id);
}
