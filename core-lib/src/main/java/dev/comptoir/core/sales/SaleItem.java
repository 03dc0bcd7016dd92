package dev.comptoir.core.sales;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A requested sale line: the unit price comes from the catalogue.
 *
 * @param product         what is sold
 * @param quantity        units, &gt; 0
 * @param discountPercent 0–100 (at most two decimals)
 */
public record SaleItem(ProductId product, int quantity, BigDecimal discountPercent) {
    public SaleItem {
        if (product == null) {
            throw ComptoirException.invalid("product_id", "is required");
        }
        if (quantity <= 0) {
            throw ComptoirException.invalid("quantity", "must be > 0, was " + quantity);
        }
        discountPercent = Objects.requireNonNullElse(discountPercent, BigDecimal.ZERO);
        if (discountPercent.signum() < 0 || discountPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw ComptoirException.invalid("discount_percent", "must be 0-100, was " + discountPercent);
        }
        if (discountPercent.stripTrailingZeros().scale() > 2) {
            throw ComptoirException.invalid("discount_percent", "at most two decimals, was " + discountPercent);
        }
    }

    public static SaleItem of(ProductId product, int quantity) {
        return new SaleItem(product, quantity, BigDecimal.ZERO);
    }

    public static SaleItem of(ProductId product, int quantity, String discountPercent) {
        return new SaleItem(product, quantity, new BigDecimal(discountPercent));
    }
}
