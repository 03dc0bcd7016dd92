package dev.comptoir.core.payment;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.money.Money;

/**
 * Command: refund part or all of a captured payment.
 *
 * @param originalTransactionId the payment, required
 * @param amount                &gt; 0 and at most what is still refundable
 * @param reason                default {@code Customer request}
 */
public record RefundPayment(TransactionId originalTransactionId, Money amount, String reason) {
    public RefundPayment {
        if (originalTransactionId == null) {
            throw ComptoirException.invalid("original_transaction_id", "is required");
        }
        if (amount == null) {
            throw ComptoirException.invalid("refund_amount", "is required");
        }
        if (!amount.isPositive()) {
            throw ComptoirException.invalid("refund_amount", "must be > 0, was " + amount);
        }
        reason = reason == null || reason.isBlank() ? "Customer request" : reason.trim();
    }
}
