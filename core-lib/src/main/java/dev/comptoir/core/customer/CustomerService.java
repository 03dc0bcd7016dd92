package dev.comptoir.core.customer;

import dev.comptoir.core.ComptoirException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Use-cases of customer accounts: registration, login, profile and addresses.
 *
 * <pre>{@code
 * CustomerService customers = new CustomerService(
 *         new InMemoryCustomerRepository(), new InMemoryAddressRepository(),
 *         PasswordHasher.pbkdf2(new SecureRandom()), Clock.systemUTC());
 * Customer jean = customers.register(new RegisterCustomer(
 *         "jean.dupont@email.com", "password123", "Dupont", "Jean", null, null));
 * if (customers.login("JEAN.DUPONT@email.com", "password123") instanceof LoginOutcome.Authenticated a) {
 *     // issue a token for a.customer()
 * }
 * }</pre>
 *
 * <p>Thread-safe when its ports are. Issuing tokens (JWT) is left to the HTTP service.
 */
public final class CustomerService {
    private final CustomerRepository customers;
    private final AddressRepository addresses;
    private final PasswordHasher hasher;
    private final Clock clock;

    public CustomerService(CustomerRepository customers, AddressRepository addresses, PasswordHasher hasher, Clock clock) {
        this.customers = Objects.requireNonNull(customers, "customers");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens an account.
     *
     * @throws ComptoirException INVALID_INPUT for a date of birth in the future; CONFLICT on
     *                           {@code email} when the email is already registered
     */
    public Customer register(RegisterCustomer command) {
        Objects.requireNonNull(command, "command");
        Instant now = now();
        checkBirthDate(command.dateOfBirth(), now);
        if (customers.findByEmail(command.email()).isPresent()) {
            throw duplicateEmail(command.email());
        }
        String hash = hasher.hash(command.password());
        return customers.create(new NewCustomer(command.email(), hash, command.nom(), command.prenom(),
                command.telephone(), command.dateOfBirth(), now));
    }

    /** The CONFLICT raised when an email is taken (the reference's message). */
    public static ComptoirException duplicateEmail(String email) {
        return ComptoirException.conflict("email", "Un compte avec l'email '" + email + "' existe déjà");
    }

    /**
     * Checks credentials. On success the customer's last-login time is set to now. Unknown
     * emails take as long as wrong passwords.
     */
    public LoginOutcome login(String email, String password) {
        String normalised;
        try {
            normalised = RegisterCustomer.normaliseEmail(email);
        } catch (ComptoirException e) {
            return new LoginOutcome.Rejected(LoginOutcome.Rejected.MESSAGE);
        }
        var found = customers.findByEmail(normalised);
        if (found.isEmpty()) {
            hasher.simulateVerify(password);
            return new LoginOutcome.Rejected(LoginOutcome.Rejected.MESSAGE);
        }
        Customer c = found.get();
        if (!hasher.verify(password, c.passwordHash()) || !c.active()) {
            return new LoginOutcome.Rejected(LoginOutcome.Rejected.MESSAGE);
        }
        Customer updated = c.withLastLogin(now());
        if (hasher.needsRehash(c.passwordHash())) {
            updated = updated.withPasswordHash(hasher.hash(password), updated.updatedAt());
        }
        return new LoginOutcome.Authenticated(customers.update(updated));
    }

    /**
     * The customer's profile.
     *
     * @throws ComptoirException NOT_FOUND
     */
    public Customer profile(CustomerId id) {
        return customers.findById(Objects.requireNonNull(id, "id"))
                .orElseThrow(() -> ComptoirException.notFound("customer", id));
    }

    /** The customer with this email (normalised first), if any. */
    public java.util.Optional<Customer> findByEmail(String email) {
        return customers.findByEmail(RegisterCustomer.normaliseEmail(email));
    }

    /** Changes the profile fields that are non-null in {@code update}. */
    public Customer updateProfile(CustomerId id, ProfileUpdate update) {
        Objects.requireNonNull(update, "update");
        Customer c = profile(id);
        Instant now = now();
        checkBirthDate(update.dateOfBirth(), now);
        return customers.update(c.withProfile(
                update.nom() != null ? update.nom() : c.nom(),
                update.prenom() != null ? update.prenom() : c.prenom(),
                update.telephone() != null ? update.telephone() : c.telephone(),
                update.dateOfBirth() != null ? update.dateOfBirth() : c.dateOfBirth(),
                now));
    }

    /** Deactivates an account (it can no longer log in). */
    public Customer deactivate(CustomerId id) {
        return customers.update(profile(id).withActive(false, now()));
    }

    /**
     * Active customers, page from 1, at most 100 per page.
     *
     * @throws ComptoirException INVALID_INPUT on {@code page} or {@code per_page}
     */
    public CustomerPage list(int page, int perPage) {
        if (page < 1) {
            throw ComptoirException.invalid("page", "must be >= 1, was " + page);
        }
        if (perPage < 1 || perPage > 100) {
            throw ComptoirException.invalid("per_page", "must be in 1..100, was " + perPage);
        }
        return customers.listActive(page, perPage);
    }

    /** Adds an address; a default one becomes the only default of its type. */
    public Address addAddress(CustomerId customer, AddressDetails details) {
        Objects.requireNonNull(details, "details");
        profile(customer);
        return addresses.add(customer, details);
    }

    /** The customer's addresses. */
    public List<Address> addresses(CustomerId customer) {
        profile(customer);
        return addresses.listFor(customer);
    }

    /** Replaces one of the customer's addresses. */
    public Address updateAddress(CustomerId customer, AddressId id, AddressDetails details) {
        Objects.requireNonNull(details, "details");
        profile(customer);
        return addresses.update(customer, id, details).orElseThrow(() -> ComptoirException.notFound("address", id));
    }

    /** Deletes one of the customer's addresses. */
    public void deleteAddress(CustomerId customer, AddressId id) {
        profile(customer);
        if (!addresses.delete(customer, id)) {
            throw ComptoirException.notFound("address", id);
        }
    }

    private static void checkBirthDate(LocalDate dob, Instant now) {
        if (dob != null && dob.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            throw ComptoirException.invalid("date_naissance", "must not be in the future, was " + dob);
        }
    }

    /** The clock's time at the microsecond, the precision every adapter stores. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
