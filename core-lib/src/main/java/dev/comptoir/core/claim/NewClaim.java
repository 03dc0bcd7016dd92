package dev.comptoir.core.claim;

import dev.comptoir.core.ComptoirException;

/**
 * Command: open a claim.
 *
 * <pre>{@code
 * Claim c = claims.create(NewClaim.of("customer_1", "product_defect", "Écran fissuré", "product_123"));
 * }</pre>
 *
 * @param customerId  required
 * @param type        required
 * @param description required
 * @param productId   optional
 */
public record NewClaim(String customerId, ClaimType type, String description, String productId) {
    public NewClaim {
        if (customerId == null || customerId.isBlank()) {
            throw ComptoirException.invalid("customer_id", "is required");
        }
        customerId = customerId.trim();
        if (type == null) {
            throw ComptoirException.invalid("claim_type", "is required");
        }
        if (description == null || description.isBlank()) {
            throw ComptoirException.invalid("description", "is required");
        }
        description = description.trim();
        productId = productId == null || productId.isBlank() ? null : productId.trim();
    }

    /** Builds the command from wire values, parsing the claim type. */
    public static NewClaim of(String customerId, String claimType, String description, String productId) {
        if (customerId == null || customerId.isBlank()) {
            throw ComptoirException.invalid("customer_id", "is required");
        }
        return new NewClaim(customerId, ClaimType.parse(claimType), description, productId);
    }
}
