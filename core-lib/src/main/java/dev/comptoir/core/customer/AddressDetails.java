package dev.comptoir.core.customer;

import dev.comptoir.core.ComptoirException;
import java.util.Objects;

/**
 * The content of a customer address, validated: type, full name, first line, city, province
 * and postal code are required; the country defaults to {@code Canada}.
 *
 * @param type        livraison or facturation
 * @param fullName    {@code nom_complet}
 * @param line1       {@code adresse_ligne1}
 * @param line2       {@code adresse_ligne2}, or null
 * @param city        {@code ville}
 * @param province    province code or name
 * @param postalCode  {@code code_postal}
 * @param country     {@code pays}
 * @param isDefault   {@code par_defaut}: the customer's default address of this type
 */
public record AddressDetails(AddressType type, String fullName, String line1, String line2, String city,
                             String province, String postalCode, String country, boolean isDefault) {
    /** Country used when none is given. */
    public static final String DEFAULT_COUNTRY = "Canada";

    public AddressDetails {
        if (type == null) {
            throw ComptoirException.invalid("type", "is required (livraison|facturation)");
        }
        fullName = RegisterCustomer.required("nom_complet", fullName);
        line1 = RegisterCustomer.required("adresse_ligne1", line1);
        line2 = RegisterCustomer.optional(line2);
        city = RegisterCustomer.required("ville", city);
        province = RegisterCustomer.required("province", province);
        postalCode = RegisterCustomer.required("code_postal", postalCode);
        country = Objects.requireNonNullElse(RegisterCustomer.optional(country), DEFAULT_COUNTRY);
    }

    /** A copy with another default flag. */
    public AddressDetails withDefault(boolean isDefault) {
        return new AddressDetails(type, fullName, line1, line2, city, province, postalCode, country, isDefault);
    }
}
