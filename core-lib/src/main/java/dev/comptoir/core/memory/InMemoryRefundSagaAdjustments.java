package dev.comptoir.core.memory;

import dev.comptoir.core.refundsaga.StockAdjustment;
import dev.comptoir.core.refundsaga.spi.StockAdjustments;
import java.util.ArrayList;
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

    @Override
    public synchronized boolean insertIfAbsent(StockAdjustment a) {
        Objects.requireNonNull(a, "a");
        return byCorrelation.putIfAbsent(a.correlationId(), a) == null;
    }

    @Override
    public synchronized void update(StockAdjustment a) {
        byCorrelation.put(a.correlationId(), a);
    }

    @Override
    public synchronized Optional<StockAdjustment> find(String correlationId) {
        return Optional.ofNullable(byCorrelation.get(correlationId));
    }

    @Override
    public synchronized Optional<StockAdjustment> findByClaim(String claimId) {
        return byCorrelation.values().stream().filter(a -> a.claimId().equals(claimId)).findFirst();
    }

    @Override
    public synchronized List<StockAdjustment> all() {
        return new ArrayList<>(byCorrelation.values());
    }
}
