package dev.comptoir.core.report;

import dev.comptoir.core.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Totals over every store (reference {@code metriques_globales}).
 *
 * @param stores              number of stores
 * @param revenue             Σ store revenues (last 7 days)
 * @param salesCount          Σ store sales counts
 * @param lowStockProducts    Σ store low-stock rows
 * @param overstockProducts   Σ store overstock rows
 * @param averageTrendPercent mean of the stores' weekly trends, 2 decimals
 */
public record GlobalMetrics(int stores, Money revenue, long salesCount, int lowStockProducts, int overstockProducts,
                            BigDecimal averageTrendPercent) {
    public GlobalMetrics {
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(averageTrendPercent, "averageTrendPercent");
    }
}
