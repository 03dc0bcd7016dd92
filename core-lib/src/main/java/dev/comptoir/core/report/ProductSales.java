package dev.comptoir.core.report;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.money.Money;
import java.util.Objects;

/**
 * How much of a product was sold over a period, net of returns.
 *
 * @param product  the product
 * @param name     its name
 * @param quantity units sold minus units returned
 * @param revenue  Σ line amounts after discount, before tax, minus the returned lines' amounts
 */
public record ProductSales(ProductId product, String name, long quantity, Money revenue) {
    public ProductSales {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(revenue, "revenue");
    }
}
