package dev.comptoir.core.claim;

import dev.comptoir.core.ComptoirException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The seed's claim types. */
public enum ClaimType {
    PRODUCT_DEFECT, DELIVERY_ISSUE, BILLING_ERROR, SERVICE_COMPLAINT;

    /** Wire name, e.g. {@code product_defect}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name (case-insensitive).
     *
     * @throws ComptoirException INVALID_INPUT naming {@code claim_type}
     */
    public static ClaimType parse(String text) {
        if (text == null || text.isBlank()) {
            throw ComptoirException.invalid("claim_type", "is required");
        }
        for (ClaimType t : values()) {
            if (t.wireName().equalsIgnoreCase(text.trim())) {
                return t;
            }
        }
        throw ComptoirException.invalid("claim_type", "must be one of "
                + Arrays.stream(values()).map(ClaimType::wireName).collect(Collectors.joining(", ")) + "; was '" + text + "'");
    }
}
