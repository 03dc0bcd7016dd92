package dev.comptoir.core.sales;

import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.TaxPolicy;
import java.math.BigDecimal;
import java.util.List;

/**
 * The money rules of store sales (decisions.md §4): line total = price × quantity, line
 * discount = round(line total × percent / 100, 2) HALF_UP, subtotal = Σ (line total −
 * discount), tax by the {@link TaxPolicy} on the whole subtotal, final = subtotal + tax.
 * Returns use the same computation over the returned units.
 *
 * <pre>{@code
 * Money d = SaleCalculator.discount(Money.of("51.98"), new BigDecimal("10")); // 5.20
 * }</pre>
 */
public final class SaleCalculator {
    private SaleCalculator() {}

    /** {@code unitPrice × quantity}. */
    public static Money lineTotal(Money unitPrice, int quantity) {
        return unitPrice.times(quantity);
    }

    /** {@code round(lineTotal × percent / 100, 2)} HALF_UP. */
    public static Money discount(Money lineTotal, BigDecimal percent) {
        return lineTotal.timesRate(percent.movePointLeft(2));
    }

    /** Amounts over (line total, discount) pairs. */
    public static SaleAmounts amounts(List<Money> lineTotals, List<Money> discounts, TaxPolicy policy) {
        Money gross = lineTotals.stream().reduce(Money.ZERO, Money::plus);
        Money discount = discounts.stream().reduce(Money.ZERO, Money::plus);
        return new SaleAmounts(gross, discount, policy.apply(gross.minus(discount)));
    }

    /** Amounts of sale lines (all units). */
    public static SaleAmounts ofSaleLines(List<SaleLine> lines, TaxPolicy policy) {
        return amounts(lines.stream().map(SaleLine::lineTotal).toList(), lines.stream().map(SaleLine::discount).toList(),
                policy);
    }

    /** Amounts of returned lines. */
    public static SaleAmounts ofReturnedLines(List<ReturnedLine> lines, TaxPolicy policy) {
        return amounts(lines.stream().map(ReturnedLine::lineTotal).toList(),
                lines.stream().map(ReturnedLine::discount).toList(), policy);
    }
}
