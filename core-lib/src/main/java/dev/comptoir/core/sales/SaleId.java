package dev.comptoir.core.sales;

import dev.comptoir.core.ComptoirException;
import java.util.Objects;
import java.util.UUID;

/** Identifier of a sale (the reference's {@code transaction_id}). */
public record SaleId(UUID value) {
    public SaleId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses a UUID string; malformed input is INVALID_INPUT naming {@code transaction_id}. */
    public static SaleId parse(String s) {
        try {
            return new SaleId(UUID.fromString(Objects.requireNonNull(s, "s").trim()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ComptoirException.invalid("transaction_id", "not a UUID: " + s);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
