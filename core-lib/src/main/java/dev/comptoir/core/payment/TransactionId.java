package dev.comptoir.core.payment;

import dev.comptoir.core.ComptoirException;

/**
 * A payment's transaction id, which is also its idempotency key (in the order saga it equals
 * the saga id): 1 to 128 characters.
 *
 * @param value the id
 */
public record TransactionId(String value) {
    public TransactionId {
        if (value == null || value.isBlank()) {
            throw ComptoirException.invalid("transaction_id", "is required");
        }
        value = value.trim();
        if (value.length() > 128) {
            throw ComptoirException.invalid("transaction_id", "must have at most 128 characters");
        }
    }

    public static TransactionId of(String value) {
        return new TransactionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
