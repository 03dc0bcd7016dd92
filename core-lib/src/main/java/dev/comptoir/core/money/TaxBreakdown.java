package dev.comptoir.core.money;

import java.util.Objects;

/**
 * Taxes on a subtotal: {@code tax = federal + provincial} and {@code total = subtotal + tax}
 * always hold exactly.
 *
 * @param subtotal   amount before tax
 * @param federal    GST (or HST) part
 * @param provincial QST / PST part
 * @param tax        total tax, {@code round(subtotal × combined rate, 2)} HALF_UP
 * @param total      {@code subtotal + tax}
 */
public record TaxBreakdown(Money subtotal, Money federal, Money provincial, Money tax, Money total) {
    public TaxBreakdown {
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(federal, "federal");
        Objects.requireNonNull(provincial, "provincial");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(total, "total");
        if (!federal.plus(provincial).equals(tax)) {
            throw new IllegalArgumentException("federal + provincial != tax: " + federal + " + " + provincial + " != " + tax);
        }
        if (!subtotal.plus(tax).equals(total)) {
            throw new IllegalArgumentException("subtotal + tax != total");
        }
    }
}
