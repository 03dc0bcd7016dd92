package dev.comptoir.core.report;

import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Performance indicators of one store (reference {@code IndicateurPerformance}).
 *
 * @param store              the store
 * @param name               its name
 * @param revenue            Σ final amounts of sales over the last 7 days
 * @param salesCount         number of sales over the last 7 days
 * @param lowStockProducts   stock rows at or below their threshold
 * @param overstockProducts  stock rows with more than 100 on hand
 * @param weeklyTrendPercent (revenue − previous 7 days' revenue) / previous × 100, 2 decimals; 0 when previous is 0
 */
public record StoreIndicator(LocationId store, String name, Money revenue, long salesCount, int lowStockProducts,
                             int overstockProducts, BigDecimal weeklyTrendPercent) {
    public StoreIndicator {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(weeklyTrendPercent, "weeklyTrendPercent");
    }
}
