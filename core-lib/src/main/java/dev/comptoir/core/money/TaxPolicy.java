package dev.comptoir.core.money;

import java.util.Objects;

/**
 * Comptoir's single tax policy (decisions.md §4), used by carts, store sales and orders alike.
 *
 * <p>The tax on a subtotal is computed once on the whole subtotal, never per line:
 * {@code tax = round(subtotal × combinedRate, 2)} HALF_UP and {@code total = subtotal + tax}.
 * The split reported beside it is {@code federal = round(subtotal × federalRate, 2)} HALF_UP and
 * {@code provincial = tax − federal}, so the two parts always add up to the tax (the provincial
 * part absorbs the rounding cent).
 *
 * <pre>{@code
 * TaxBreakdown t = TaxPolicy.QUEBEC.apply(Money.of("97.48"));
 * // t.tax() = 14.60, t.total() = 112.08, t.federal() = 4.87 (GST), t.provincial() = 9.73 (QST)
 * }</pre>
 */
public record TaxPolicy(Province province) {

    /** Québec: GST 5 % + QST 9.975 %. */
    public static final TaxPolicy QUEBEC = new TaxPolicy(Province.QC);

    public TaxPolicy {
        Objects.requireNonNull(province, "province");
    }

    /** The policy of a province. */
    public static TaxPolicy of(Province province) {
        return province == Province.QC ? QUEBEC : new TaxPolicy(province);
    }

    /** Applies the policy to a subtotal (which may be zero, never negative). */
    public TaxBreakdown apply(Money subtotal) {
        Objects.requireNonNull(subtotal, "subtotal");
        if (subtotal.isNegative()) {
            throw new IllegalArgumentException("subtotal must be >= 0, was " + subtotal);
        }
        Money tax = subtotal.timesRate(province.combinedRate());
        Money federal = subtotal.timesRate(province.federalRate());
        Money provincial = tax.minus(federal);
        return new TaxBreakdown(subtotal, federal, provincial, tax, subtotal.plus(tax));
    }
}
