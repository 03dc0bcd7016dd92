package dev.comptoir.core.payment;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.money.Money;

/**
 * Command: charge (or authorise) an amount. The transaction id is the idempotency key.
 *
 * <pre>{@code
 * PaymentOutcome out = payments.process(new ChargeRequest(TransactionId.of(sagaId), "1",
 *         Money.of("112.08"), null, null, CardDetails.fromNumber("4111111111111111", "VISA", "12", "2027")));
 * }</pre>
 *
 * @param transactionId idempotency key, required
 * @param customerId    the payer as sent (an integer or {@code customer_1}), required
 * @param amount        &gt; 0
 * @param currency      default {@code CAD}
 * @param paymentMethod default {@code credit_card}
 * @param card          optional card details
 */
public record ChargeRequest(TransactionId transactionId, String customerId, Money amount, String currency,
                            String paymentMethod, CardDetails card) {
    public ChargeRequest {
        if (transactionId == null) {
            throw ComptoirException.invalid("transaction_id", "is required");
        }
        if (customerId == null || customerId.isBlank()) {
            throw ComptoirException.invalid("customer_id", "is required");
        }
        customerId = customerId.trim();
        if (amount == null) {
            throw ComptoirException.invalid("amount", "is required");
        }
        if (!amount.isPositive()) {
            throw ComptoirException.invalid("amount", "must be > 0, was " + amount);
        }
        currency = currency == null || currency.isBlank() ? Money.CURRENCY : currency.trim().toUpperCase(java.util.Locale.ROOT);
        if (!isCurrencyCode(currency)) {
            throw ComptoirException.invalid("currency", "must be a 3-letter code, was '" + currency + "'");
        }
        paymentMethod = paymentMethod == null || paymentMethod.isBlank() ? "credit_card" : paymentMethod.trim();
    }

    /** Three letters A-Z (what {@code [A-Z]{3}} matches, without a regex on every charge). */
    private static boolean isCurrencyCode(String s) {
        if (s.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }
}
