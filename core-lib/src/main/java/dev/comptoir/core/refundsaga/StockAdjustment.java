package dev.comptoir.core.refundsaga;

import java.time.Instant;
import java.util.Objects;

/**
 * The refund-inventory participant's record of one saga (the reference's adjustment:
 * {@code claim_id, status, correlation_id, timestamp}), keeping its claim id.
 *
 * @param correlationId the saga
 * @param claimId       the claim
 * @param productId     the product returned to stock, or null
 * @param status        {@code processing}, {@code completed}, {@code failed} or {@code compensated}
 * @param quantity      units added and still counted (1 when completed, 0 otherwise)
 * @param newStockLevel stock level after the last change
 * @param error         failure reason, or null
 * @param updatedAt     last change
 */
public record StockAdjustment(String correlationId, String claimId, String productId, String status, int quantity,
                              long newStockLevel, String error, Instant updatedAt) {
    public StockAdjustment {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A fresh record. */
    public static StockAdjustment processing(String correlationId, String claimId, String productId, Instant now) {
        return new StockAdjustment(correlationId, claimId, productId, "processing", 0, 0, null, now);
    }

    /** This record with another status. */
    public StockAdjustment with(String newStatus, int qty, long level, String err, Instant now) {
        return new StockAdjustment(correlationId, claimId, productId, newStatus, qty, level, err, now);
    }
}
