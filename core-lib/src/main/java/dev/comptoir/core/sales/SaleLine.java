package dev.comptoir.core.sales;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A priced line of a sale.
 *
 * @param product          what was sold
 * @param productName      its name at the time of sale
 * @param quantity         units sold, &gt; 0
 * @param unitPrice        catalogue price at the time of sale
 * @param discountPercent  0–100
 * @param lineTotal        {@code unitPrice × quantity}
 * @param discount         {@code round(lineTotal × discountPercent / 100, 2)} HALF_UP
 * @param returnedQuantity units returned so far, {@code 0 ≤ returned ≤ quantity}
 */
public record SaleLine(ProductId product, String productName, int quantity, Money unitPrice, BigDecimal discountPercent,
                       Money lineTotal, Money discount, int returnedQuantity) {
    public SaleLine {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(unitPrice, "unitPrice");
        discountPercent = Objects.requireNonNull(discountPercent, "discountPercent").setScale(2, RoundingMode.HALF_UP);
        Objects.requireNonNull(lineTotal, "lineTotal");
        Objects.requireNonNull(discount, "discount");
        if (quantity <= 0 || returnedQuantity < 0 || returnedQuantity > quantity) {
            throw new IllegalArgumentException("need 0 <= returned <= quantity and quantity > 0");
        }
    }

    /** {@code lineTotal − discount}. */
    public Money net() {
        return lineTotal.minus(discount);
    }

    /** Units that can still be returned. */
    public int returnable() {
        return quantity - returnedQuantity;
    }

    /** A copy with {@code more} units returned. */
    public SaleLine withReturned(int more) {
        return new SaleLine(product, productName, quantity, unitPrice, discountPercent, lineTotal, discount,
                returnedQuantity + more);
    }
}
