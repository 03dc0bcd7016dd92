package dev.comptoir.core.customer;

import java.util.Optional;

/**
 * Port: where customers are stored. Implementations are thread-safe; {@link #create} is atomic
 * with respect to email uniqueness.
 */
public interface CustomerRepository {

    /**
     * Stores a new customer and assigns its id.
     *
     * @throws dev.comptoir.core.ComptoirException CONFLICT on field {@code email} when the email is taken
     */
    Customer create(NewCustomer customer);

    /** The customer with this id. */
    Optional<Customer> findById(CustomerId id);

    /** The customer with this (already normalised) email. */
    Optional<Customer> findByEmail(String email);

    /**
     * Replaces the stored customer with the same id (the email cannot change).
     *
     * @throws dev.comptoir.core.ComptoirException NOT_FOUND when absent
     */
    Customer update(Customer customer);

    /** Active customers by id, page from 1. */
    CustomerPage listActive(int page, int perPage);
}
