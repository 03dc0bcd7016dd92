package dev.comptoir.core.customer;

import dev.comptoir.core.ComptoirException;
import java.util.Locale;

/** Kind of a customer address: delivery or billing. */
public enum AddressType {
    /** Delivery address ({@code livraison}). */
    LIVRAISON,
    /** Billing address ({@code facturation}). */
    FACTURATION;

    /** The wire name, {@code livraison} or {@code facturation}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name (case-insensitive).
     *
     * @throws ComptoirException INVALID_INPUT naming {@code type}
     */
    public static AddressType parse(String text) {
        if (text == null || text.isBlank()) {
            throw ComptoirException.invalid("type", "is required (livraison|facturation)");
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "livraison" -> LIVRAISON;
            case "facturation" -> FACTURATION;
            default -> throw ComptoirException.invalid("type", "must be livraison or facturation, was '" + text + "'");
        };
    }
}
