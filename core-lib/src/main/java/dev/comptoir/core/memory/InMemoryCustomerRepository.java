package dev.comptoir.core.memory;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.customer.Customer;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.customer.CustomerPage;
import dev.comptoir.core.customer.CustomerRepository;
import dev.comptoir.core.customer.CustomerService;
import dev.comptoir.core.customer.NewCustomer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link CustomerRepository} in memory, for tests and the simulator's embedded mode.
 * Thread-safe (one lock; every operation is short).
 */
public final class InMemoryCustomerRepository implements CustomerRepository {
    private final TreeMap<Long, Customer> byId = new TreeMap<>();
    private final Map<String, Long> idByEmail = new HashMap<>();
    private long nextId = 1;

    @Override
    public synchronized Customer create(NewCustomer customer) {
        Objects.requireNonNull(customer, "customer");
        if (idByEmail.containsKey(customer.email())) {
            throw CustomerService.duplicateEmail(customer.email());
        }
        Customer c = customer.withId(CustomerId.of(nextId++));
        byId.put(c.id().value(), c);
        idByEmail.put(c.email(), c.id().value());
        return c;
    }

    @Override
    public synchronized Optional<Customer> findById(CustomerId id) {
        return Optional.ofNullable(byId.get(id.value()));
    }

    @Override
    public synchronized Optional<Customer> findByEmail(String email) {
        Long id = idByEmail.get(email);
        return id == null ? Optional.empty() : Optional.of(byId.get(id));
    }

    @Override
    public synchronized Customer update(Customer customer) {
        Customer old = byId.get(customer.id().value());
        if (old == null) {
            throw ComptoirException.notFound("customer", customer.id());
        }
        if (!old.email().equals(customer.email())) {
            throw ComptoirException.invalid("email", "cannot be changed");
        }
        byId.put(customer.id().value(), customer);
        return customer;
    }

    @Override
    public synchronized CustomerPage listActive(int page, int perPage) {
        List<Customer> active = byId.values().stream().filter(Customer::active).toList();
        int from = (int) Math.min((long) (page - 1) * perPage, active.size());
        int to = Math.min(from + perPage, active.size());
        return new CustomerPage(active.subList(from, to), page, perPage, active.size());
    }
}
