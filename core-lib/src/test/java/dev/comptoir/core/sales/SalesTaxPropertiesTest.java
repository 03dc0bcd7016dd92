package dev.comptoir.core.sales;

import dev.comptoir.saga.VirtualClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.catalog.CatalogService;
import dev.comptoir.core.catalog.Category;
import dev.comptoir.core.catalog.CategoryId;
import dev.comptoir.core.catalog.NewProduct;
import dev.comptoir.core.catalog.Product;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.location.Locations;
import dev.comptoir.core.memory.InMemoryCatalogStore;
import dev.comptoir.core.memory.InMemoryInventoryStore;
import dev.comptoir.core.memory.InMemorySalesStore;
import dev.comptoir.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SalesTaxPropertiesTest {
    private static final BigDecimal QC = new BigDecimal("0.14975");
    private static final BigDecimal GST = new BigDecimal("0.05");

    /** price in cents, quantity, discount percent. */
    record Line(long cents, int quantity, BigDecimal discount) {}

    @Provide
    Arbitrary<List<Line>> lines() {
        Arbitrary<BigDecimal> discount = Arbitraries.oneOf(List.of(Arbitraries.just(BigDecimal.ZERO),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100)).ofScale(2)));
        return Combinators.combine(Arbitraries.longs().between(1, 500_000), Arbitraries.integers().between(1, 20), discount)
                .as(Line::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 200)
    void record_anyLines_obeyTheSingleTaxPolicy(@ForAll("lines") List<Line> lines) {
        VirtualClock clock = VirtualClock.at("2026-03-02T14:00:00Z");
        CatalogService catalog = new CatalogService(new InMemoryCatalogStore(), clock);
        InventoryService inventory = new InventoryService(new InMemoryInventoryStore(), clock);
        SalesService sales = new SalesService(new InMemorySalesStore(), catalog, inventory, clock, new SplittableRandom(3));
        catalog.saveCategory(new Category(CategoryId.of(1), "c", ""));
        List<SaleItem> items = new ArrayList<>();
        BigDecimal expectedSubtotal = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            Product p = catalog.create(new NewProduct(Optional.of("P" + i), "p" + i, CategoryId.of(1),
                    Money.ofCents(l.cents()), "", 0));
            inventory.receive(p.id(), Locations.MONTREAL_CENTRE, l.quantity(), "stock");
            items.add(new SaleItem(p.id(), l.quantity(), l.discount()));
            BigDecimal total = BigDecimal.valueOf(l.cents(), 2).multiply(BigDecimal.valueOf(l.quantity()));
            BigDecimal discount = total.multiply(l.discount()).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            expectedSubtotal = expectedSubtotal.add(total.subtract(discount));
        }

        Sale sale = sales.record(new RecordSale(Locations.MONTREAL_CENTRE, "c", "r", Optional.empty(), items,
                PaymentMethod.CREDIT_CARD));

        SaleAmounts a = sale.amounts();
        BigDecimal expectedTax = expectedSubtotal.multiply(QC).setScale(2, RoundingMode.HALF_UP);
        assertThat(a.subtotal().amount()).isEqualByComparingTo(expectedSubtotal);
        assertThat(a.tax().amount()).isEqualByComparingTo(expectedTax);
        assertThat(a.finalAmount()).isEqualTo(a.subtotal().plus(a.tax()));
        assertThat(a.taxes().federal().plus(a.taxes().provincial())).isEqualTo(a.tax());
        assertThat(a.taxes().federal().amount())
                .isEqualByComparingTo(expectedSubtotal.multiply(GST).setScale(2, RoundingMode.HALF_UP));
        assertThat(a.gross().minus(a.discount())).isEqualTo(a.subtotal());

        SaleReturn all = sales.returnAll(sale.id(), "all", "c");
        assertThat(all.refund().finalAmount()).isEqualTo(a.finalAmount());
        assertThat(sales.sale(sale.id()).status()).isEqualTo(SaleStatus.RETURNED);
    }
}
