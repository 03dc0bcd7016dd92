package dev.comptoir.core.customer;

import java.time.LocalDate;
import java.util.List;

/**
 * The reference's sample customers (seed-behaviour.md §1.4), all with password
 * {@value #PASSWORD}, loadable into any adapter through {@link CustomerService}.
 *
 * <pre>{@code
 * List<Customer> loaded = CustomerSeed.load(customerService);
 * }</pre>
 */
public final class CustomerSeed {
    /** Password of every seed customer. */
    public static final String PASSWORD = "password123";

    private CustomerSeed() {
    }

    /** The registration commands, in id order. */
    public static List<RegisterCustomer> registrations() {
        return List.of(
                new RegisterCustomer("jean.dupont@email.com", PASSWORD, "Dupont", "Jean", "514-555-0101",
                        LocalDate.of(1985, 3, 15)),
                new RegisterCustomer("marie.martin@email.com", PASSWORD, "Martin", "Marie", "418-555-0202",
                        LocalDate.of(1990, 7, 22)),
                new RegisterCustomer("pierre.tremblay@email.com", PASSWORD, "Tremblay", "Pierre", "819-555-0303",
                        LocalDate.of(1978, 11, 5)));
    }

    /** Registers every seed customer not registered yet; returns the seed customers as stored. */
    public static List<Customer> load(CustomerService customers) {
        return registrations().stream().map(r -> {
            try {
                return customers.register(r);
            } catch (dev.comptoir.core.ComptoirException e) {
                if (e.kind() != dev.comptoir.core.ComptoirException.Kind.CONFLICT) {
                    throw e;
                }
                return customers.findByEmail(r.email()).orElseThrow(() -> e);
            }
        }).toList();
    }
}
