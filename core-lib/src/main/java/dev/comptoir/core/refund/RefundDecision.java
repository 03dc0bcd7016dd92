package dev.comptoir.core.refund;

import dev.comptoir.core.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/** What {@link RefundCalculator} decides for a claim. */
public sealed interface RefundDecision {

    /**
     * Refund {@code amount = max(0, price × rate − fee)}, 2 dp.
     *
     * @param amount the refund
     * @param price  the product price used
     * @param rate   the claim type's rate
     * @param fee    processing fee subtracted (2.99 when rate &lt; 1, else 0)
     */
    record Eligible(Money amount, Money price, BigDecimal rate, Money fee) implements RefundDecision {
        public Eligible {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(fee, "fee");
        }
    }

    /** No refund, and why. */
    record NotEligible(String reason) implements RefundDecision {
        public NotEligible {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
