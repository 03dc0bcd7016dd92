package dev.comptoir.core.cart;

import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.Province;
import dev.comptoir.core.money.TaxBreakdown;
import java.util.Objects;

/**
 * A cart's totals under the single tax policy.
 *
 * @param province    the province whose rates were applied
 * @param totalItems  sum of quantities
 * @param subtotal    sum of line subtotals ({@code total_amount})
 * @param gst         federal part (GST / HST)
 * @param qst         provincial part (QST / PST)
 * @param tax         {@code gst + qst} ({@code tax_amount})
 * @param finalAmount {@code subtotal + tax} ({@code final_amount})
 */
public record CartTotals(Province province, long totalItems, Money subtotal, Money gst, Money qst, Money tax,
                         Money finalAmount) {
    public CartTotals {
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(gst, "gst");
        Objects.requireNonNull(qst, "qst");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(finalAmount, "finalAmount");
    }

    static CartTotals of(Province province, long totalItems, TaxBreakdown t) {
        return new CartTotals(province, totalItems, t.subtotal(), t.federal(), t.provincial(), t.tax(), t.total());
    }
}
