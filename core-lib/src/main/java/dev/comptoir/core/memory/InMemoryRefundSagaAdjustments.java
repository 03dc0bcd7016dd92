package dev.comptoir.core.memory;

import dev.comptoir.core.refundsaga.StockAdjustment;
import dev.comptoir.core.refundsaga.spi.StockAdjustments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Heap {@link StockAdjustments}. Thread-safe.
 *
 * <pre>{@code
 * StockAdjustments adjustments = new InMemoryRefundSagaAdjustments();
 * }</pre>
 */
public final class InMemoryRefundSagaAdjustments implements StockAdjustments {
    private final Map<String, StockAdjustment> byCorrelation = new LinkedHashMap<>();
    /** Claim id → correlation id of the claim's first adjustment (what a scan in insertion order finds). */
    private final Map<String, String> firstByClaim = new HashMap<>();

    @Override
    public synchronized boolean insertIfAbsent(StockAdjustment a) {
        Objects.requireNonNull(a, "a");
        if (byCorrelation.putIfAbsent(a.correlationId(), a) != null) {
            return false;
        }
        firstByClaim.putIfAbsent(a.claimId(), a.correlationId());
        return true;
    }

    @Override
    public synchronized void update(StockAdjustment a) {
        StockAdjustment before = byCorrelation.put(a.correlationId(), a);
        if (before != null && !before.claimId().equals(a.claimId())) {
            firstByClaim.remove(before.claimId(), a.correlationId());
            reindex(before.claimId());
        }
        if (!firstByClaim.containsKey(a.claimId())) {
            reindex(a.claimId());
        }
    }

    private void reindex(String claimId) {
        byCorrelation.values().stream().filter(x -> x.claimId().equals(claimId)).findFirst()
                .ifPresent(x -> firstByClaim.put(claimId, x.correlationId()));
    }

    @Override
    public synchronized Optional<StockAdjustment> find(String correlationId) {
        return Optional.ofNullable(byCorrelation.get(correlationId));
    }

    @Override
    public synchronized Optional<StockAdjustment> findByClaim(String claimId) {
        String correlation = firstByClaim.get(claimId);
        return correlation == null ? Optional.empty() : Optional.ofNullable(byCorrelation.get(correlation));
    }

    @Override
    public synchronized List<StockAdjustment> all() {
        return new ArrayList<>(byCorrelation.values());
    }
}
