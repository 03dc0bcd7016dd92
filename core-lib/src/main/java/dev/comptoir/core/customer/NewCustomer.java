package dev.comptoir.core.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A customer about to be stored: everything but the id, which the {@link CustomerRepository}
 * assigns. Built by {@link CustomerService#register}; the email is already normalised and the
 * password already hashed.
 *
 * @param email        normalised email
 * @param passwordHash encoded hash
 * @param nom          family name
 * @param prenom       given name
 * @param telephone    phone or null
 * @param dateOfBirth  date of birth or null
 * @param createdAt    registration time
 */
public record NewCustomer(String email, String passwordHash, String nom, String prenom, String telephone,
                          LocalDate dateOfBirth, Instant createdAt) {
    public NewCustomer {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(nom, "nom");
        Objects.requireNonNull(prenom, "prenom");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The stored customer once the repository gave it {@code id}: active, never logged in. */
    public Customer withId(CustomerId id) {
        return new Customer(id, email, passwordHash, nom, prenom, telephone, dateOfBirth, true, createdAt, createdAt, null);
    }
}
