package dev.comptoir.core.cart;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.money.Money;
import java.util.Objects;

/**
 * One line of a cart.
 *
 * @param productId   the product
 * @param productName its name when added ({@code Produit <id>} when the price was given explicitly)
 * @param sku         its sku, or null when unknown
 * @param unitPrice   price per unit, &gt; 0
 * @param quantity    1 to {@value #MAX_QUANTITY}
 */
public record CartLine(ProductId productId, String productName, String sku, Money unitPrice, int quantity) {
    /** Largest quantity of one line. */
    public static final int MAX_QUANTITY = 10_000;

    public CartLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (!unitPrice.isPositive()) {
            throw ComptoirException.invalid("price", "must be > 0, was " + unitPrice);
        }
        checkQuantity(quantity);
    }

    /** {@code unitPrice × quantity}. */
    public Money subtotal() {
        return unitPrice.times(quantity);
    }

    /** A copy with another quantity. */
    public CartLine withQuantity(int quantity) {
        return new CartLine(productId, productName, sku, unitPrice, quantity);
    }

    static void checkQuantity(long quantity) {
        if (quantity <= 0) {
            throw ComptoirException.invalid("quantity", "must be > 0, was " + quantity);
        }
        if (quantity > MAX_QUANTITY) {
            throw ComptoirException.invalid("quantity", "must be <= " + MAX_QUANTITY + ", was " + quantity);
        }
    }
}
