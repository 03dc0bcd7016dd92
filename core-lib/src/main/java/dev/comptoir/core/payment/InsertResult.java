package dev.comptoir.core.payment;

import java.util.Objects;

/**
 * Result of {@link PaymentRepository#insertIfAbsent}.
 *
 * @param payment  the payment now stored under the key (the caller's, or the one that was already there)
 * @param inserted true when the caller's payment was stored, false when the key was taken
 */
public record InsertResult(Payment payment, boolean inserted) {
    public InsertResult {
        Objects.requireNonNull(payment, "payment");
    }
}
