package dev.comptoir.core.report;

import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.money.Money;
import java.util.Objects;

/**
 * Sales of one store over a period.
 *
 * @param store      the store
 * @param name       its name
 * @param salesCount number of sales
 * @param revenue    Σ final amounts (tax included) of those sales
 * @param refunds    Σ refunds of returns made against those sales
 */
public record StoreSales(LocationId store, String name, long salesCount, Money revenue, Money refunds) {
    public StoreSales {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(refunds, "refunds");
    }

    /** {@code revenue − refunds}. */
    public Money netRevenue() {
        return revenue.minus(refunds);
    }
}
