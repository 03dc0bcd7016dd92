package dev.comptoir.core.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.Province;
import dev.comptoir.core.money.TaxPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random carts obey the single tax policy (decisions.md §4). */
class CartTaxPropertyTest {
    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    @Provide
    Arbitrary<List<CartLine>> lines() {
        Arbitrary<CartLine> line = Combinators.combine(
                Arbitraries.longs().between(1, 10_000),
                Arbitraries.longs().between(1, 500_000),
                Arbitraries.integers().between(1, 50)
        ).as((product, cents, qty) -> new CartLine(ProductId.of(product), "p" + product, null, Money.ofCents(cents), qty));
        return line.list().ofMinSize(0).ofMaxSize(12).uniqueElements(CartLine::productId);
    }

    private static Cart cart(List<CartLine> lines) {
        Cart c = Cart.empty(SessionId.of("prop"), T0, T0.plusSeconds(60));
        for (CartLine l : lines) {
            c = c.withLineAdded(l, T0);
        }
        return c;
    }

    @Property(tries = 500)
    void totals_quebec_followTheTaxPolicy(@ForAll("lines") List<CartLine> lines) {
        Cart c = cart(lines);

        CartTotals t = c.totals(TaxPolicy.QUEBEC);

        BigDecimal subtotal = lines.stream()
                .map(l -> l.unitPrice().amount().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(t.subtotal().amount()).isEqualByComparingTo(subtotal);
        assertThat(t.tax().amount()).isEqualByComparingTo(subtotal.multiply(new BigDecimal("0.14975")).setScale(2, RoundingMode.HALF_UP));
        assertThat(t.finalAmount()).isEqualTo(t.subtotal().plus(t.tax()));
        assertThat(t.gst().plus(t.qst())).isEqualTo(t.tax());
        assertThat(t.gst().amount()).isEqualByComparingTo(subtotal.multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_UP));
        assertThat(t.totalItems()).isEqualTo(lines.stream().mapToLong(CartLine::quantity).sum());
    }

    @Property(tries = 200)
    void totals_anyProvince_finalIsSubtotalPlusTaxAndSplitAddsUp(@ForAll("lines") List<CartLine> lines,
                                                                   @ForAll Province province) {
        CartTotals t = cart(lines).totals(TaxPolicy.of(province));

        assertThat(t.finalAmount()).isEqualTo(t.subtotal().plus(t.tax()));
        assertThat(t.gst().plus(t.qst())).isEqualTo(t.tax());
        assertThat(t.tax().amount()).isEqualByComparingTo(
                t.subtotal().amount().multiply(province.combinedRate()).setScale(2, RoundingMode.HALF_UP));
    }
}
