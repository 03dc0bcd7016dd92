package dev.comptoir.core.sales;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A priced line of a return, computed like a sale line over the returned units.
 *
 * @param product         the product
 * @param quantity        units returned
 * @param unitPrice       the sale's unit price
 * @param discountPercent the sale line's discount percent
 * @param lineTotal       {@code unitPrice × quantity}
 * @param discount        {@code round(lineTotal × discountPercent / 100, 2)}
 */
public record ReturnedLine(ProductId product, int quantity, Money unitPrice, BigDecimal discountPercent,
                           Money lineTotal, Money discount) {
    public ReturnedLine {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(unitPrice, "unitPrice");
        discountPercent = Objects.requireNonNull(discountPercent, "discountPercent").setScale(2, RoundingMode.HALF_UP);
        Objects.requireNonNull(lineTotal, "lineTotal");
        Objects.requireNonNull(discount, "discount");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be > 0");
        }
    }
}
