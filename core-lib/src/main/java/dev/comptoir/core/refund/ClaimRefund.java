package dev.comptoir.core.refund;

import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.ClaimType;
import dev.comptoir.core.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * The refund of a resolved claim: one per claim, also keyed by the saga's correlation id.
 * Unlike the reference, the record keeps its claim id (decisions.md §1).
 *
 * @param claimId       the claim
 * @param correlationId the refund saga's correlation id (idempotency key)
 * @param customerId    the claim's customer
 * @param productId     the claim's product, or null
 * @param claimType     the claim's type
 * @param amount        the computed refund, or null until calculated (or when not eligible)
 * @param status        current state
 * @param failureReason why it failed or was compensated, else null
 * @param createdAt     when requested
 * @param updatedAt     last change
 */
public record ClaimRefund(ClaimId claimId, String correlationId, String customerId, String productId,
                          ClaimType claimType, Money amount, RefundStatus status, String failureReason,
                          Instant createdAt, Instant updatedAt) {
    public ClaimRefund {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(claimType, "claimType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (amount != null && amount.isNegative()) {
            throw new IllegalArgumentException("amount must be >= 0, was " + amount);
        }
    }

    /** This refund with its amount calculated (still processing). */
    public ClaimRefund calculated(Money amount, Instant now) {
        return new ClaimRefund(claimId, correlationId, customerId, productId, claimType,
                Objects.requireNonNull(amount, "amount"), status, failureReason, createdAt, now);
    }

    /**
     * This refund moved to {@code target} (with a reason for failed / compensated).
     *
     * @throws dev.comptoir.core.ComptoirException CONFLICT when {@link RefundStatus#canMoveTo} refuses
     */
    public ClaimRefund movedTo(RefundStatus target, String reason, Instant now) {
        if (!status.canMoveTo(target)) {
            throw dev.comptoir.core.ComptoirException.invalidTransition("refund of claim " + claimId,
                    status.wireName(), target.wireName());
        }
        return new ClaimRefund(claimId, correlationId, customerId, productId, claimType, amount, target,
                reason == null ? failureReason : reason, createdAt, now);
    }
}
