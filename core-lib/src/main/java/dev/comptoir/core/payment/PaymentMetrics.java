package dev.comptoir.core.payment;

import dev.comptoir.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Payment figures ({@code GET /payment/metrics}).
 *
 * @param totalTransactions     every payment
 * @param completedTransactions payments whose money was captured (including later refunded ones)
 * @param failedTransactions    declined payments
 * @param totalAmountProcessed  Σ captured amounts
 * @param totalRefunds          number of refunds
 * @param totalRefundAmount     Σ refunded amounts
 */
public record PaymentMetrics(long totalTransactions, long completedTransactions, long failedTransactions,
                             Money totalAmountProcessed, long totalRefunds, Money totalRefundAmount) {
    public PaymentMetrics {
        Objects.requireNonNull(totalAmountProcessed, "totalAmountProcessed");
        Objects.requireNonNull(totalRefundAmount, "totalRefundAmount");
    }

    /** completed / total, 4 decimals (0 when there is no transaction). */
    public BigDecimal successRate() {
        return totalTransactions == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(completedTransactions).divide(BigDecimal.valueOf(totalTransactions), 4, RoundingMode.HALF_UP);
    }
}
