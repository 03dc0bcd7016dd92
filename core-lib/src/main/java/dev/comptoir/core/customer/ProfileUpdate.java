package dev.comptoir.core.customer;

import dev.comptoir.core.ComptoirException;
import java.time.LocalDate;

/**
 * Command: change a customer's profile. A null field is left unchanged; a blank
 * {@code nom}/{@code prenom} is refused; a blank {@code telephone} is left unchanged.
 *
 * @param nom         new family name or null
 * @param prenom      new given name or null
 * @param telephone   new phone or null
 * @param dateOfBirth new date of birth or null
 */
public record ProfileUpdate(String nom, String prenom, String telephone, LocalDate dateOfBirth) {
    public ProfileUpdate {
        if (nom != null) {
            if (nom.isBlank()) {
                throw ComptoirException.invalid("nom", "must not be blank");
            }
            nom = nom.trim();
        }
        if (prenom != null) {
            if (prenom.isBlank()) {
                throw ComptoirException.invalid("prenom", "must not be blank");
            }
            prenom = prenom.trim();
        }
        telephone = RegisterCustomer.optional(telephone);
    }
}
