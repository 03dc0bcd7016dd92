package dev.comptoir.core.order;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.money.Money;

/**
 * A line of an order being placed.
 *
 * @param productId          the product, required
 * @param productName        its name, required
 * @param productDescription free text, may be null
 * @param quantity           &gt; 0
 * @param unitPrice          &gt; 0
 */
public record NewOrderLine(ProductId productId, String productName, String productDescription, int quantity,
                           Money unitPrice) {
    public NewOrderLine {
        if (productId == null) {
            throw ComptoirException.invalid("product_id", "is required");
        }
        if (productName == null || productName.isBlank()) {
            throw ComptoirException.invalid("product_name", "is required");
        }
        productName = productName.trim();
        OrderLine.checkQuantity(quantity);
        if (unitPrice == null) {
            throw ComptoirException.invalid("unit_price", "is required");
        }
        if (!unitPrice.isPositive()) {
            throw ComptoirException.invalid("unit_price", "must be > 0, was " + unitPrice);
        }
    }

    /** The stored line once the repository gave it {@code id}. */
    public OrderLine withId(OrderItemId id) {
        return new OrderLine(id, productId, productName, productDescription, quantity, unitPrice);
    }
}
