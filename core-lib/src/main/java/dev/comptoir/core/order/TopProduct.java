package dev.comptoir.core.order;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.money.Money;
import java.util.Objects;

/**
 * A product's order figures over a period (non-cancelled orders).
 *
 * @param productId     the product
 * @param productName   its name on the most recent order
 * @param totalQuantity units ordered
 * @param totalRevenue  Σ line totals
 * @param orderCount    orders containing it
 */
public record TopProduct(ProductId productId, String productName, long totalQuantity, Money totalRevenue,
                         long orderCount) {
    public TopProduct {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(totalRevenue, "totalRevenue");
    }
}
