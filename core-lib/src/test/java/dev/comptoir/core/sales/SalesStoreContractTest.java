package dev.comptoir.core.sales;

import dev.comptoir.saga.VirtualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.CatalogService;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.inventory.JournalTotals;
import dev.comptoir.core.inventory.MovementKind;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.location.Locations;
import dev.comptoir.core.memory.InMemoryCatalogStore;
import dev.comptoir.core.memory.InMemoryInventoryStore;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.seed.SeedData;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract (TCK) of {@link SalesStore}, exercised through {@link SalesService} over the seed
 * catalogue and in-memory inventory.
 */
public abstract class SalesStoreContractTest {
    protected static final LocationId STORE = Locations.QUEBEC;
    /** Café 12.99 and Chocolat Noir 4.99 in the seed catalogue. */
    protected static final ProductId CAFE = ProductId.of(9);
    protected static final ProductId CHOCOLAT = ProductId.of(10);
    protected static final ProductId TSHIRT = ProductId.of(5);

    protected VirtualClock clock;
    protected InventoryService inventory;
    protected CatalogService catalog;
    protected SalesService sales;

    /** A fresh, empty store. */
    protected abstract SalesStore createStore();

    @BeforeEach
    void setUpSales() {
        clock = VirtualClock.at("2026-03-02T14:00:00Z");
        catalog = new CatalogService(new InMemoryCatalogStore(), clock);
        inventory = new InventoryService(new InMemoryInventoryStore(), clock);
        SeedData.load(catalog, inventory, SeedData.DEFAULT_SEED);
        for (ProductId p : List.of(CAFE, CHOCOLAT, TSHIRT)) {
            inventory.receive(p, STORE, 20, "test-stock");
        }
        sales = new SalesService(createStore(), catalog, inventory, clock, new SplittableRandom(7));
    }

    private Sale sell(LocationId store, String cashier, SaleItem... items) {
        return sales.record(new RecordSale(store, cashier, "register-1", Optional.empty(), List.of(items),
                PaymentMethod.CASH));
    }

    private static ComptoirException.Kind kindOf(Runnable r) {
        try {
            r.run();
        } catch (ComptoirException e) {
            return e.kind();
        }
        return null;
    }

    @Test
    void record_pricesFromCatalogueWithDiscountsAndQuebecTax() {
        long before = inventory.available(CAFE, STORE);

        Sale s = sell(STORE, "c1", SaleItem.of(CAFE, 2, "10"), SaleItem.of(CHOCOLAT, 3));

        // café 2 × 12.99 = 25.98, discount 2.60 → 23.38; chocolat 3 × 4.99 = 14.97
        assertThat(s.lines().get(0).lineTotal()).isEqualTo(Money.of("25.98"));
        assertThat(s.lines().get(0).discount()).isEqualTo(Money.of("2.60"));
        assertThat(s.amounts().gross()).isEqualTo(Money.of("40.95"));
        assertThat(s.amounts().discount()).isEqualTo(Money.of("2.60"));
        assertThat(s.amounts().subtotal()).isEqualTo(Money.of("38.35"));
        assertThat(s.amounts().tax()).isEqualTo(Money.of("5.74"));
        assertThat(s.amounts().taxes().federal()).isEqualTo(Money.of("1.92"));
        assertThat(s.amounts().taxes().provincial()).isEqualTo(Money.of("3.82"));
        assertThat(s.amounts().finalAmount()).isEqualTo(Money.of("44.09"));
        assertThat(s.status()).isEqualTo(SaleStatus.COMPLETED);
        assertThat(inventory.available(CAFE, STORE)).isEqualTo(before - 2);
        assertThat(sales.sale(s.id())).isEqualTo(s);
    }

    @Test
    void record_decisionsExample_subtotal9748Tax1460Final11208() {
        ProductId p2599 = catalog.changePrice(CAFE, Money.of("25.99")).id();
        ProductId p4550 = catalog.changePrice(CHOCOLAT, Money.of("45.50")).id();

        Sale s = sell(STORE, "c1", SaleItem.of(p2599, 2), SaleItem.of(p4550, 1));

        assertThat(s.amounts().subtotal()).isEqualTo(Money.of("97.48"));
        assertThat(s.amounts().tax()).isEqualTo(Money.of("14.60"));
        assertThat(s.amounts().finalAmount()).isEqualTo(Money.of("112.08"));
    }

    @Test
    void record_oneLineWithoutStock_refusesWholeSale() {
        long cafe = inventory.available(CAFE, STORE);

        assertThatThrownBy(() -> sell(STORE, "c1", SaleItem.of(CAFE, 1), SaleItem.of(CHOCOLAT, 10_000)))
                .isInstanceOf(ComptoirException.class)
                .satisfies(e -> assertThat(((ComptoirException) e).field()).isEqualTo("stock"));
        assertThat(inventory.available(CAFE, STORE)).isEqualTo(cafe);
        assertThat(sales.history(SaleQuery.latest())).isEmpty();
    }

    @Test
    void record_notAStoreOrUnknownProduct_isRefused() {
        assertThat(kindOf(() -> sell(Locations.LOGISTICS_CENTRE, "c1", SaleItem.of(CAFE, 1))))
                .isEqualTo(ComptoirException.Kind.INVALID_INPUT);
        assertThat(kindOf(() -> sell(STORE, "c1", SaleItem.of(ProductId.of(999), 1))))
                .isEqualTo(ComptoirException.Kind.NOT_FOUND);
        catalog.deactivate(CAFE);
        assertThat(kindOf(() -> sell(STORE, "c1", SaleItem.of(CAFE, 1)))).isEqualTo(ComptoirException.Kind.NOT_FOUND);
        assertThat(sales.history(SaleQuery.latest())).isEmpty();
    }

    @Test
    void saleItem_badQuantityOrDiscount_isInvalid() {
        assertThat(kindOf(() -> SaleItem.of(CAFE, 0))).isEqualTo(ComptoirException.Kind.INVALID_INPUT);
        assertThat(kindOf(() -> SaleItem.of(CAFE, 1, "100.5"))).isEqualTo(ComptoirException.Kind.INVALID_INPUT);
        assertThat(kindOf(() -> SaleItem.of(CAFE, 1, "-1"))).isEqualTo(ComptoirException.Kind.INVALID_INPUT);
        assertThat(kindOf(() -> PaymentMethod.parse("cheque"))).isEqualTo(ComptoirException.Kind.INVALID_INPUT);
        assertThat(PaymentMethod.parse("mobile_payment")).isEqualTo(PaymentMethod.MOBILE_PAYMENT);
    }

    @Test
    void history_filtersByStoreCashierAndPeriod_newestFirst() {
        Sale a = sell(STORE, "alice", SaleItem.of(CAFE, 1));
        clock.advance(Duration.ofHours(1));
        Sale b = sell(STORE, "bob", SaleItem.of(CAFE, 1));
        clock.advance(Duration.ofHours(1));
        inventory.receive(CAFE, Locations.SHERBROOKE, 5, "r");
        Sale c = sell(Locations.SHERBROOKE, "alice", SaleItem.of(CAFE, 1));

        assertThat(sales.history(SaleQuery.latest())).extracting(Sale::id).containsExactly(c.id(), b.id(), a.id());
        assertThat(sales.history(SaleQuery.latest().atStore(STORE))).extracting(Sale::id).containsExactly(b.id(), a.id());
        assertThat(sales.history(SaleQuery.latest().byCashier("alice"))).extracting(Sale::id).containsExactly(c.id(), a.id());
        assertThat(sales.history(SaleQuery.between(a.at().plusSeconds(1), c.at()))).extracting(Sale::id).containsExactly(b.id());
        assertThat(sales.history(SaleQuery.latest().limit(1))).extracting(Sale::id).containsExactly(c.id());
    }

    @Test
    void dailySummary_countsTheDayOnly() {
        sell(STORE, "c", SaleItem.of(CAFE, 1));
        sell(STORE, "c", SaleItem.of(CHOCOLAT, 2)); // 9.98 + 1.49 tax = 11.47
        clock.advance(Duration.ofDays(1));
        sell(STORE, "c", SaleItem.of(CAFE, 1));

        DailySummary d = sales.dailySummary(LocalDate.of(2026, 3, 2), Optional.of(STORE));

        assertThat(d.transactions()).isEqualTo(2);
        assertThat(d.itemsSold()).isEqualTo(3);
        assertThat(d.revenue()).isEqualTo(Money.of("14.94").plus(Money.of("11.47")));
        assertThat(sales.dailySummary(LocalDate.of(2026, 3, 4), Optional.empty()).transactions()).isZero();
    }

    @Test
    void returnItems_part_restocksAndRefundsProRata() {
        Sale s = sell(STORE, "c1", SaleItem.of(CAFE, 3, "10"), SaleItem.of(CHOCOLAT, 1));
        long stock = inventory.available(CAFE, STORE);

        SaleReturn r = sales.returnItems(s.id(), List.of(ReturnItem.of(CAFE, 1)), "abîmé", "c2");

        // 12.99, discount 1.30 → 11.69, tax 1.75 → 13.44
        assertThat(r.refund().subtotal()).isEqualTo(Money.of("11.69"));
        assertThat(r.refund().tax()).isEqualTo(Money.of("1.75"));
        assertThat(r.refund().finalAmount()).isEqualTo(Money.of("13.44"));
        assertThat(inventory.available(CAFE, STORE)).isEqualTo(stock + 1);
        Sale after = sales.sale(s.id());
        assertThat(after.status()).isEqualTo(SaleStatus.PARTIALLY_RETURNED);
        assertThat(after.line(CAFE).orElseThrow().returnedQuantity()).isEqualTo(1);
        assertThat(after.returns()).containsExactly(r);
        assertThat(inventory.store().journalTotals(MovementKind.RETURN, STORE)).isEqualTo(new JournalTotals(1, 1, 0));
    }

    @Test
    void returnItems_everything_refundsTheFinalAmountAndMarksReturned() {
        Sale s = sell(STORE, "c1", SaleItem.of(CAFE, 2, "15"), SaleItem.of(CHOCOLAT, 1));

        SaleReturn r = sales.returnAll(s.id(), "changed mind", "c1");

        assertThat(r.refund().finalAmount()).isEqualTo(s.amounts().finalAmount());
        assertThat(sales.sale(s.id()).status()).isEqualTo(SaleStatus.RETURNED);
        assertThat(kindOf(() -> sales.returnAll(s.id(), "again", "c1"))).isEqualTo(ComptoirException.Kind.CONFLICT);
    }

    @Test
    void returnItems_moreThanLeftOrNotOnSale_isInvalidAndWritesNothing() {
        Sale s = sell(STORE, "c1", SaleItem.of(CAFE, 2));
        sales.returnItems(s.id(), List.of(ReturnItem.of(CAFE, 1)), "r", "c");
        long stock = inventory.available(CAFE, STORE);

        assertThatThrownBy(() -> sales.returnItems(s.id(), List.of(ReturnItem.of(CAFE, 2)), "r", "c"))
                .isInstanceOf(ComptoirException.class)
                .satisfies(e -> assertThat(((ComptoirException) e).field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> sales.returnItems(s.id(), List.of(ReturnItem.of(TSHIRT, 1)), "r", "c"))
                .isInstanceOf(ComptoirException.class)
                .satisfies(e -> assertThat(((ComptoirException) e).field()).isEqualTo("product_id"));
        assertThat(inventory.available(CAFE, STORE)).isEqualTo(stock);
        assertThat(sales.sale(s.id()).returns()).hasSize(1);
        assertThat(kindOf(() -> sales.returnItems(new SaleId(java.util.UUID.randomUUID()),
                List.of(ReturnItem.of(CAFE, 1)), "r", "c"))).isEqualTo(ComptoirException.Kind.NOT_FOUND);
    }

    @Test
    void recordReturn_concurrentReturnsOfLastUnits_neverExceedSold() throws Exception {
        Sale s = sell(STORE, "c1", SaleItem.of(CAFE, 4));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        sales.returnItems(s.id(), List.of(ReturnItem.of(CAFE, 1)), "r", "c");
                        accepted.incrementAndGet();
                    } catch (ComptoirException e) {
                        assertThat(e.field()).isEqualTo("quantity");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(accepted.get()).isEqualTo(4);
        assertThat(sales.sale(s.id()).status()).isEqualTo(SaleStatus.RETURNED);
        assertThat(inventory.store().journalTotals(MovementKind.RETURN, STORE).onHandDelta()).isEqualTo(4);
    }
}
