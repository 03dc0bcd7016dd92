package dev.comptoir.core.sales;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;

/**
 * A requested return line.
 *
 * @param product  a product of the sale
 * @param quantity units, &gt; 0
 */
public record ReturnItem(ProductId product, int quantity) {
    public ReturnItem {
        if (product == null) {
            throw ComptoirException.invalid("product_id", "is required");
        }
        if (quantity <= 0) {
            throw ComptoirException.invalid("quantity", "must be > 0, was " + quantity);
        }
    }

    public static ReturnItem of(ProductId product, int quantity) {
        return new ReturnItem(product, quantity);
    }
}
