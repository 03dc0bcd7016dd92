package dev.comptoir.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The head-office dashboard.
 *
 * @param at              when it was computed
 * @param stores          one indicator per store, by id
 * @param global          totals
 * @param criticalAlerts  every stock row at or below its threshold, at every location
 */
public record Dashboard(Instant at, List<StoreIndicator> stores, GlobalMetrics global, List<StockAlert> criticalAlerts) {
    public Dashboard {
        Objects.requireNonNull(at, "at");
        stores = List.copyOf(stores);
        Objects.requireNonNull(global, "global");
        criticalAlerts = List.copyOf(criticalAlerts);
    }
}
