package dev.comptoir.core.claim;

import dev.comptoir.core.ComptoirException;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifier of a claim (a UUID, as in the reference).
 *
 * @param value the UUID
 */
public record ClaimId(UUID value) {
    public ClaimId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses the canonical UUID form.
     *
     * @throws ComptoirException INVALID_INPUT naming {@code claim_id}
     */
    public static ClaimId parse(String text) {
        if (text == null || text.isBlank()) {
            throw ComptoirException.invalid("claim_id", "is required");
        }
        try {
            return new ClaimId(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            throw ComptoirException.invalid("claim_id", "must be a UUID, was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
