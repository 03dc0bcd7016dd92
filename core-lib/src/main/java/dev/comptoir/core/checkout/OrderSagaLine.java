package dev.comptoir.core.checkout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One cart line as the order saga carries it (the saga's {@code cart_data}).
 *
 * @param productId   catalogue product id, &gt; 0
 * @param productName display name (may be empty)
 * @param sku         stock-keeping unit, or {@code null}
 * @param unitPrice   unit price, &ge; 0, scale 2
 * @param quantity    &gt; 0
 */
public record OrderSagaLine(long productId, String productName, String sku, BigDecimal unitPrice, int quantity) {
    public OrderSagaLine {
        if (productId <= 0) {
            throw new IllegalArgumentException("productId must be > 0, was " + productId);
        }
        productName = productName == null ? "" : productName;
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("unitPrice must be >= 0, was " + unitPrice);
        }
        unitPrice = unitPrice.setScale(2, RoundingMode.HALF_UP);
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be > 0, was " + quantity);
        }
    }

    /** {@code unitPrice × quantity}, scale 2. */
    public BigDecimal subtotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
    }
}
