package dev.comptoir.core.report;

import dev.comptoir.saga.VirtualClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.CatalogService;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.inventory.StockLevel;
import dev.comptoir.core.location.Locations;
import dev.comptoir.core.memory.InMemoryCatalogStore;
import dev.comptoir.core.memory.InMemoryInventoryStore;
import dev.comptoir.core.memory.InMemorySalesStore;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.sales.PaymentMethod;
import dev.comptoir.core.sales.RecordSale;
import dev.comptoir.core.sales.ReturnItem;
import dev.comptoir.core.sales.Sale;
import dev.comptoir.core.sales.SaleItem;
import dev.comptoir.core.sales.SalesService;
import dev.comptoir.core.seed.SeedData;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportServiceTest {
    private static final ProductId CAFE = ProductId.of(9);       // 12.99
    private static final ProductId CHOCOLAT = ProductId.of(10);  // 4.99

    private VirtualClock clock;
    private InventoryService inventory;
    private SalesService sales;
    private ReportService reports;

    @BeforeEach
    void setUp() {
        clock = VirtualClock.at("2026-03-02T14:00:00Z");
        CatalogService catalog = new CatalogService(new InMemoryCatalogStore(), clock);
        inventory = new InventoryService(new InMemoryInventoryStore(), clock);
        SeedData.load(catalog, inventory, SeedData.DEFAULT_SEED);
        for (var store : Locations.stores()) {
            inventory.receive(CAFE, store.id(), 50, "test");
            inventory.receive(CHOCOLAT, store.id(), 50, "test");
        }
        sales = new SalesService(new InMemorySalesStore(), catalog, inventory, clock, new SplittableRandom(1));
        reports = new ReportService(sales, inventory, catalog, clock);
    }

    private Sale sell(dev.comptoir.core.location.LocationId store, SaleItem... items) {
        return sales.record(new RecordSale(store, "c", "r", Optional.empty(), List.of(items), PaymentMethod.CASH));
    }

    @Test
    void salesReport_perStoreCountsRevenueAndRefunds() {
        Sale a = sell(Locations.MONTREAL_CENTRE, SaleItem.of(CAFE, 1));                  // 14.94
        Sale b = sell(Locations.MONTREAL_CENTRE, SaleItem.of(CHOCOLAT, 2));              // 11.47
        sell(Locations.GATINEAU, SaleItem.of(CAFE, 2));                                  // 29.87
        sales.returnItems(b.id(), List.of(ReturnItem.of(CHOCOLAT, 1)), "r", "c");        // 5.74
        clock.advance(Duration.ofHours(1));

        SalesReport r = reports.salesReport(Period.endingAt(clock.instant(), Duration.ofDays(1)), 10);

        assertThat(r.perStore()).hasSize(5);
        StoreSales montreal = r.perStore().get(0);
        assertThat(montreal.salesCount()).isEqualTo(2);
        assertThat(montreal.revenue()).isEqualTo(Money.of("26.41"));
        assertThat(montreal.refunds()).isEqualTo(Money.of("5.74"));
        assertThat(montreal.netRevenue()).isEqualTo(Money.of("20.67"));
        assertThat(r.perStore().get(1).salesCount()).isZero();
        assertThat(r.perStore().get(4).revenue()).isEqualTo(Money.of("29.87"));
        assertThat(r.salesCount()).isEqualTo(3);
        assertThat(r.revenue()).isEqualTo(Money.of("56.28"));
        assertThat(a.amounts().finalAmount()).isEqualTo(Money.of("14.94"));
    }

    @Test
    void salesReport_outsidePeriod_isNotCounted() {
        sell(Locations.QUEBEC, SaleItem.of(CAFE, 1));
        clock.advance(Duration.ofDays(3));

        SalesReport r = reports.salesReport(Period.endingAt(clock.instant(), Duration.ofDays(1)), 5);

        assertThat(r.salesCount()).isZero();
        assertThat(r.topProducts()).isEmpty();
    }

    @Test
    void topProducts_netOfReturns_orderedByQuantity() {
        sell(Locations.QUEBEC, SaleItem.of(CAFE, 3), SaleItem.of(CHOCOLAT, 2));
        Sale s = sell(Locations.SHERBROOKE, SaleItem.of(CHOCOLAT, 3, "50"));
        sales.returnItems(s.id(), List.of(ReturnItem.of(CHOCOLAT, 3)), "r", "c");
        clock.advance(Duration.ofMinutes(1));

        List<ProductSales> top = reports.topProducts(Period.endingAt(clock.instant(), Duration.ofDays(1)), 5);

        assertThat(top).extracting(ProductSales::product).containsExactly(CAFE, CHOCOLAT);
        assertThat(top.get(0).quantity()).isEqualTo(3);
        assertThat(top.get(0).revenue()).isEqualTo(Money.of("38.97"));
        assertThat(top.get(1).quantity()).isEqualTo(2);
        assertThat(top.get(1).revenue()).isEqualTo(Money.of("9.98"));
        assertThat(reports.topProducts(Period.endingAt(clock.instant(), Duration.ofDays(1)), 1)).hasSize(1);
    }

    @Test
    void lowStockAlerts_markOutOfStockAndLow() {
        ProductId tshirt = ProductId.of(5); // threshold 20
        long available = inventory.available(tshirt, Locations.QUEBEC);
        inventory.adjust(tshirt, Locations.QUEBEC, -available, "inventaire");

        List<StockAlert> alerts = reports.lowStockAlerts();

        assertThat(alerts).filteredOn(a -> a.location().equals(Locations.QUEBEC) && a.product().equals(tshirt))
                .singleElement().satisfies(a -> {
                    assertThat(a.level()).isEqualTo(AlertLevel.OUT_OF_STOCK);
                    assertThat(a.productName()).isEqualTo("T-shirt");
                    assertThat(a.threshold()).isEqualTo(20);
                });
        long expected = inventory.allLevels().stream().filter(StockLevel::isLow).count();
        assertThat(alerts).hasSize((int) expected);
        assertThat(alerts).allSatisfy(a -> assertThat(a.available()).isLessThanOrEqualTo(a.threshold()));
    }

    @Test
    void stockReport_summarisesEveryLocationWithStock() {
        StockReport r = reports.stockReport();

        assertThat(r.perLocation()).extracting(LocationStock::location)
                .containsExactly(Locations.MONTREAL_CENTRE, Locations.QUEBEC, Locations.SHERBROOKE,
                        Locations.TROIS_RIVIERES, Locations.GATINEAU, Locations.LOGISTICS_CENTRE);
        LocationStock centre = r.perLocation().get(5);
        assertThat(centre.products()).isEqualTo(18);
        assertThat(centre.unitsOnHand()).isEqualTo(1800);
        assertThat(centre.lowStock()).isZero();
        assertThat(r.alerts()).isEqualTo(reports.lowStockAlerts());
    }

    @Test
    void dashboard_indicatorsOverLastWeekWithTrend() {
        sell(Locations.TROIS_RIVIERES, SaleItem.of(CAFE, 2)); // previous week: 29.87
        clock.advance(Duration.ofDays(8));
        sell(Locations.TROIS_RIVIERES, SaleItem.of(CAFE, 3)); // this week: 44.81
        inventory.receive(CAFE, Locations.TROIS_RIVIERES, 200, "big delivery");
        clock.advance(Duration.ofHours(1));

        Dashboard d = reports.dashboard();

        StoreIndicator tr = d.stores().get(3);
        assertThat(tr.store()).isEqualTo(Locations.TROIS_RIVIERES);
        assertThat(tr.salesCount()).isEqualTo(1);
        assertThat(tr.revenue()).isEqualTo(Money.of("44.81"));
        assertThat(tr.weeklyTrendPercent()).isEqualByComparingTo("50.02");
        assertThat(tr.overstockProducts()).isEqualTo(1);
        assertThat(d.stores().get(0).weeklyTrendPercent()).isEqualByComparingTo("0");
        assertThat(d.global().stores()).isEqualTo(5);
        assertThat(d.global().revenue()).isEqualTo(Money.of("44.81"));
        assertThat(d.global().averageTrendPercent()).isEqualByComparingTo("10.00");
        assertThat(d.global().lowStockProducts()).isEqualTo(d.stores().stream().mapToInt(StoreIndicator::lowStockProducts).sum());
        assertThat(d.criticalAlerts()).hasSize((int) inventory.allLevels().stream().filter(StockLevel::isLow).count());
    }

    @Test
    void trend_previousZero_isZero() {
        assertThat(ReportService.trend(Money.of("10.00"), Money.ZERO)).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(ReportService.trend(Money.of("5.00"), Money.of("10.00"))).isEqualByComparingTo("-50.00");
    }

    @Test
    void period_endBeforeStart_isInvalid() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Period(clock.instant(), clock.instant().minusSeconds(1)))
                .isInstanceOf(ComptoirException.class);
    }
}
