package dev.comptoir.core.memory;

import dev.comptoir.core.customer.Address;
import dev.comptoir.core.customer.AddressDetails;
import dev.comptoir.core.customer.AddressId;
import dev.comptoir.core.customer.AddressRepository;
import dev.comptoir.core.customer.CustomerId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** {@link AddressRepository} in memory. Thread-safe (one lock). */
public final class InMemoryCustomerAddressRepository implements AddressRepository {
    private final Map<Long, Address> byId = new TreeMap<>();
    private long nextId = 1;

    @Override
    public synchronized Address add(CustomerId customer, AddressDetails details) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(details, "details");
        Address a = new Address(AddressId.of(nextId++), customer, details);
        clearSiblingDefaults(a);
        byId.put(a.id().value(), a);
        return a;
    }

    @Override
    public synchronized List<Address> listFor(CustomerId customer) {
        return byId.values().stream().filter(a -> a.customerId().equals(customer)).toList();
    }

    @Override
    public synchronized Optional<Address> find(CustomerId customer, AddressId id) {
        return Optional.ofNullable(byId.get(id.value())).filter(a -> a.customerId().equals(customer));
    }

    @Override
    public synchronized Optional<Address> update(CustomerId customer, AddressId id, AddressDetails details) {
        Objects.requireNonNull(details, "details");
        if (find(customer, id).isEmpty()) {
            return Optional.empty();
        }
        Address a = new Address(id, customer, details);
        clearSiblingDefaults(a);
        byId.put(id.value(), a);
        return Optional.of(a);
    }

    @Override
    public synchronized boolean delete(CustomerId customer, AddressId id) {
        if (find(customer, id).isEmpty()) {
            return false;
        }
        byId.remove(id.value());
        return true;
    }

    private void clearSiblingDefaults(Address a) {
        if (!a.details().isDefault()) {
            return;
        }
        byId.replaceAll((k, o) -> o.customerId().equals(a.customerId()) && !o.id().equals(a.id())
                && o.details().type() == a.details().type() && o.details().isDefault()
                ? new Address(o.id(), o.customerId(), o.details().withDefault(false)) : o);
    }
}
