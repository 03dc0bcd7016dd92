package dev.comptoir.core.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.Province;
import dev.comptoir.core.money.TaxBreakdown;
import dev.comptoir.core.money.TaxPolicy;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The money rules store sales rely on (decisions.md §4). */
class TaxPolicyTest {

    @Test
    void apply_decisionsExample_gives9748_1460_11208() {
        Money subtotal = Money.of("25.99").times(2).plus(Money.of("45.50"));

        TaxBreakdown t = TaxPolicy.QUEBEC.apply(subtotal);

        assertThat(subtotal).isEqualTo(Money.of("97.48"));
        assertThat(t.tax()).isEqualTo(Money.of("14.60"));
        assertThat(t.total()).isEqualTo(Money.of("112.08"));
        assertThat(t.federal()).isEqualTo(Money.of("4.87"));
        assertThat(t.provincial()).isEqualTo(Money.of("9.73"));
    }

    @Test
    void saleCalculator_decisionsExample_sameTotals() {
        List<Money> totals = List.of(SaleCalculator.lineTotal(Money.of("25.99"), 2), SaleCalculator.lineTotal(Money.of("45.50"), 1));
        SaleAmounts a = SaleCalculator.amounts(totals, List.of(Money.ZERO, Money.ZERO), TaxPolicy.QUEBEC);

        assertThat(a.subtotal()).isEqualTo(Money.of("97.48"));
        assertThat(a.tax()).isEqualTo(Money.of("14.60"));
        assertThat(a.finalAmount()).isEqualTo(Money.of("112.08"));
    }

    @Test
    void apply_taxOnWholeSubtotal_notPerLine() {
        // per line: 0.10 × 0.14975 = 0.014975 → 0.01, three lines 0.03; on the whole 0.30 → 0.04
        SaleAmounts a = SaleCalculator.amounts(List.of(Money.of("0.10"), Money.of("0.10"), Money.of("0.10")),
                List.of(Money.ZERO, Money.ZERO, Money.ZERO), TaxPolicy.QUEBEC);

        assertThat(a.tax()).isEqualTo(Money.of("0.04"));
    }

    @Test
    void discount_roundsHalfUpToTheCent() {
        assertThat(SaleCalculator.discount(Money.of("0.15"), new BigDecimal("50"))).isEqualTo(Money.of("0.08"));
        assertThat(SaleCalculator.discount(Money.of("25.98"), new BigDecimal("10"))).isEqualTo(Money.of("2.60"));
        assertThat(SaleCalculator.discount(Money.of("19.99"), new BigDecimal("100"))).isEqualTo(Money.of("19.99"));
        assertThat(SaleCalculator.discount(Money.of("19.99"), BigDecimal.ZERO)).isEqualTo(Money.ZERO);
    }

    @Test
    void money_keepsScale2AndRoundsHalfUp() {
        assertThat(Money.of("1.005")).isEqualTo(Money.of("1.01"));
        assertThat(Money.of("2")).hasToString("2.00");
        assertThat(Money.ofCents(2599)).isEqualTo(Money.of("25.99"));
        assertThat(Money.of("0.10").timesRate(new BigDecimal("0.14975"))).isEqualTo(Money.of("0.01"));
        assertThat(Money.of("10.00").minus(Money.of("10.01")).isNegative()).isTrue();
    }

    @Test
    void apply_otherProvinces_useTheirRates() {
        assertThat(TaxPolicy.of(Province.ON).apply(Money.of("100.00")).tax()).isEqualTo(Money.of("13.00"));
        assertThat(TaxPolicy.of(Province.AB).apply(Money.of("100.00")).total()).isEqualTo(Money.of("105.00"));
    }

    @Test
    void apply_negativeSubtotal_isRefused() {
        assertThatThrownBy(() -> TaxPolicy.QUEBEC.apply(Money.of("-1.00"))).isInstanceOf(IllegalArgumentException.class);
    }
}
