package dev.comptoir.core.refundsaga.spi;

import dev.comptoir.core.refundsaga.StockAdjustment;
import java.util.List;
import java.util.Optional;

/**
 * Port: the refund-inventory participant's records, one per saga (correlation id). Thread-safe.
 *
 * <pre>{@code
 * adjustments.insertIfAbsent(StockAdjustment.processing(corr, claimId, productId, now));
 * }</pre>
 */
public interface StockAdjustments {

    /** Stores {@code a} unless its correlation id is known; returns true when stored. */
    boolean insertIfAbsent(StockAdjustment a);

    /** Replaces the record of {@code a}'s correlation id. */
    void update(StockAdjustment a);

    /** The record of a saga. */
    Optional<StockAdjustment> find(String correlationId);

    /** The record of a claim's saga (the reference's {@code GET /inventory/adjustments/{claim_id}}). */
    Optional<StockAdjustment> findByClaim(String claimId);

    /** Every record (for stats and the checker). */
    List<StockAdjustment> all();
}
