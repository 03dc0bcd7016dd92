package dev.comptoir.core.sales;

import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Sales of one day (in the service clock's zone), for one store or all.
 *
 * @param date         the day
 * @param store        the store, or empty for all stores
 * @param transactions number of sales
 * @param revenue      Σ final amounts (tax included)
 * @param subtotal     Σ subtotals (after discounts, before tax)
 * @param tax          Σ taxes
 * @param itemsSold    Σ units sold
 */
public record DailySummary(LocalDate date, Optional<LocationId> store, long transactions, Money revenue,
                           Money subtotal, Money tax, long itemsSold) {
    public DailySummary {
        Objects.requireNonNull(date, "date");
        store = store == null ? Optional.empty() : store;
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(tax, "tax");
    }
}
