package dev.comptoir.core.payment;

import dev.comptoir.core.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A refund of (part of) a captured payment. Refunds are only stored once the gateway accepted
 * them, so every stored refund is completed.
 *
 * @param refundId              its id (a UUID)
 * @param originalTransactionId the refunded payment
 * @param amount                &gt; 0
 * @param currency              the payment's currency
 * @param reason                why
 * @param refundReference       gateway refund reference
 * @param gatewayResponse       gateway answer
 * @param processedAt           when
 */
public record PaymentRefund(String refundId, TransactionId originalTransactionId, Money amount, String currency,
                            String reason, String refundReference, GatewayResponse gatewayResponse,
                            Instant processedAt) {
    public PaymentRefund {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(originalTransactionId, "originalTransactionId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(refundReference, "refundReference");
        Objects.requireNonNull(gatewayResponse, "gatewayResponse");
        Objects.requireNonNull(processedAt, "processedAt");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be > 0, was " + amount);
        }
    }

    /** Always {@code completed}: only accepted refunds are stored. */
    public String status() {
        return "completed";
    }
}
