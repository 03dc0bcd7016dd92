package dev.comptoir.core.order;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.money.Money;
import java.util.Objects;

/**
 * A stored order line ({@code order_items}).
 *
 * @param id                 its id
 * @param productId          the product
 * @param productName        its name at order time
 * @param productDescription its description, or null
 * @param quantity           &gt; 0
 * @param unitPrice          price per unit at order time
 */
public record OrderLine(OrderItemId id, ProductId productId, String productName, String productDescription,
                        int quantity, Money unitPrice) {
    /** Largest quantity of one line. */
    public static final int MAX_QUANTITY = 10_000;

    public OrderLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(unitPrice, "unitPrice");
        checkQuantity(quantity);
    }

    /** {@code quantity × unitPrice} ({@code total_price}). */
    public Money lineTotal() {
        return unitPrice.times(quantity);
    }

    /** A copy with another quantity. */
    public OrderLine withQuantity(int quantity) {
        return new OrderLine(id, productId, productName, productDescription, quantity, unitPrice);
    }

    static void checkQuantity(int quantity) {
        if (quantity <= 0 || quantity > MAX_QUANTITY) {
            throw ComptoirException.invalid("quantity", "must be in 1.." + MAX_QUANTITY + ", was " + quantity);
        }
    }
}
