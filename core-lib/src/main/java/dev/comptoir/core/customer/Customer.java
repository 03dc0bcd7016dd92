package dev.comptoir.core.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A registered customer of the e-commerce shop (the reference's {@code customers} table).
 *
 * @param id           its id
 * @param email        lower-cased, trimmed, unique
 * @param passwordHash self-describing PBKDF2 hash made by {@link PasswordHasher}
 * @param nom          family name
 * @param prenom       given name
 * @param telephone    phone number, or null
 * @param dateOfBirth  date of birth ({@code date_naissance}), or null
 * @param active       false once deactivated (inactive customers cannot log in)
 * @param createdAt    registration time
 * @param updatedAt    last profile change
 * @param lastLoginAt  last successful login ({@code derniere_connexion}), or null
 */
public record Customer(CustomerId id, String email, String passwordHash, String nom, String prenom,
                       String telephone, LocalDate dateOfBirth, boolean active, Instant createdAt,
                       Instant updatedAt, Instant lastLoginAt) {
    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(nom, "nom");
        Objects.requireNonNull(prenom, "prenom");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A copy with a new profile. */
    public Customer withProfile(String nom, String prenom, String telephone, LocalDate dateOfBirth, Instant at) {
        return new Customer(id, email, passwordHash, nom, prenom, telephone, dateOfBirth, active, createdAt, at, lastLoginAt);
    }

    /** A copy recording a successful login. */
    public Customer withLastLogin(Instant at) {
        return new Customer(id, email, passwordHash, nom, prenom, telephone, dateOfBirth, active, createdAt, updatedAt, at);
    }

    /** A copy with another password hash. */
    public Customer withPasswordHash(String hash, Instant at) {
        return new Customer(id, email, hash, nom, prenom, telephone, dateOfBirth, active, createdAt, at, lastLoginAt);
    }

    /** A copy (de)activated. */
    public Customer withActive(boolean active, Instant at) {
        return new Customer(id, email, passwordHash, nom, prenom, telephone, dateOfBirth, active, createdAt, at, lastLoginAt);
    }

    /** {@code prenom nom}. */
    public String fullName() {
        return prenom + " " + nom;
    }
}
