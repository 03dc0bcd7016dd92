package dev.comptoir.core.customer;

import dev.comptoir.core.ComptoirException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Command: open a customer account. The compact constructor validates every field and
 * normalises the email (trimmed, lower-cased); blank optional fields become null.
 *
 * <pre>{@code
 * Customer c = customers.register(new RegisterCustomer(
 *         " Jean.Dupont@Email.com ", "password123", "Dupont", "Jean", null,
 *         RegisterCustomer.parseDate("1985-03-15")));
 * }</pre>
 *
 * @param email       must look like an email ({@code x@y.z})
 * @param password    at least {@value #MIN_PASSWORD_LENGTH} characters
 * @param nom         family name, required
 * @param prenom      given name, required
 * @param telephone   optional
 * @param dateOfBirth optional
 */
public record RegisterCustomer(String email, String password, String nom, String prenom, String telephone,
                               LocalDate dateOfBirth) {
    /** Minimum password length. */
    public static final int MIN_PASSWORD_LENGTH = 6;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    public RegisterCustomer {
        email = normaliseEmail(email);
        if (password == null || password.isEmpty()) {
            throw ComptoirException.invalid("password", "is required");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw ComptoirException.invalid("password", "must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        nom = required("nom", nom);
        prenom = required("prenom", prenom);
        telephone = optional(telephone);
    }

    @Override
    public String toString() {
        return "RegisterCustomer[email=" + email + ", nom=" + nom + ", prenom=" + prenom + ", password=***]";
    }

    /**
     * Trims and lower-cases an email and checks that it looks like one.
     *
     * @throws ComptoirException INVALID_INPUT naming {@code email}
     */
    public static String normaliseEmail(String email) {
        if (email == null || email.isBlank()) {
            throw ComptoirException.invalid("email", "is required");
        }
        String e = email.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(e).matches()) {
            throw ComptoirException.invalid("email", "is not a valid email address: '" + email.trim() + "'");
        }
        return e;
    }

    /**
     * Parses an ISO date {@code YYYY-MM-DD}; null or blank gives null.
     *
     * @throws ComptoirException INVALID_INPUT naming {@code date_naissance}
     */
    public static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ComptoirException.invalid("date_naissance", "must be YYYY-MM-DD, was '" + text + "'");
        }
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ComptoirException.invalid(field, "is required");
        }
        return value.trim();
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
