package dev.comptoir.core.report;

import dev.comptoir.core.money.Money;
import java.util.List;
import java.util.Objects;

/**
 * The consolidated sales report (reference {@code VENTES_CONSOLIDE}).
 *
 * @param period       the period
 * @param perStore     every store, by id (zeros when it sold nothing)
 * @param topProducts  best sellers by quantity, then revenue
 * @param salesCount   Σ sales
 * @param revenue      Σ store revenues
 */
public record SalesReport(Period period, List<StoreSales> perStore, List<ProductSales> topProducts, long salesCount,
                          Money revenue) {
    public SalesReport {
        Objects.requireNonNull(period, "period");
        perStore = List.copyOf(perStore);
        topProducts = List.copyOf(topProducts);
        Objects.requireNonNull(revenue, "revenue");
    }
}
