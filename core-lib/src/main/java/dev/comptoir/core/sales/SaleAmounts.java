package dev.comptoir.core.sales;

import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.TaxBreakdown;
import java.util.Objects;

/**
 * Money of a sale or a refund.
 *
 * @param gross    Σ line totals (price × quantity)
 * @param discount Σ line discounts
 * @param taxes    the tax policy applied to {@code gross − discount}
 */
public record SaleAmounts(Money gross, Money discount, TaxBreakdown taxes) {
    public SaleAmounts {
        Objects.requireNonNull(gross, "gross");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(taxes, "taxes");
        if (!gross.minus(discount).equals(taxes.subtotal())) {
            throw new IllegalArgumentException("gross - discount != subtotal");
        }
    }

    /** {@code gross − discount}, the taxed amount. */
    public Money subtotal() {
        return taxes.subtotal();
    }

    /** GST + QST. */
    public Money tax() {
        return taxes.tax();
    }

    /** {@code subtotal + tax}: what was paid (or is refunded). */
    public Money finalAmount() {
        return taxes.total();
    }
}
