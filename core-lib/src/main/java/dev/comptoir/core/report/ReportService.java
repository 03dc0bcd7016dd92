package dev.comptoir.core.report;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.CatalogService;
import dev.comptoir.core.catalog.Product;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.inventory.StockLevel;
import dev.comptoir.core.location.Location;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.location.Locations;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.sales.ReturnedLine;
import dev.comptoir.core.sales.Sale;
import dev.comptoir.core.sales.SaleLine;
import dev.comptoir.core.sales.SaleQuery;
import dev.comptoir.core.sales.SaleReturn;
import dev.comptoir.core.sales.SalesService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Head-office reports, computed from sales, stock and the catalogue each time they are asked for.
 *
 * <pre>{@code
 * ReportService reports = new ReportService(sales, inventory, catalog, clock);
 * SalesReport week = reports.salesReport(Period.endingAt(clock.instant(), Duration.ofDays(7)), 5);
 * Dashboard dashboard = reports.dashboard();
 * }</pre>
 *
 * <p>Thread-safe when the services it reads are.
 */
public final class ReportService {
    private static final Duration WEEK = Duration.ofDays(7);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SalesService sales;
    private final InventoryService inventory;
    private final CatalogService catalog;
    private final Clock clock;

    public ReportService(SalesService sales, InventoryService inventory, CatalogService catalog, Clock clock) {
        this.sales = Objects.requireNonNull(sales, "sales");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sales per store over a period plus the {@code top} best-selling products. */
    public SalesReport salesReport(Period period, int top) {
        Objects.requireNonNull(period, "period");
        List<Sale> inPeriod = salesIn(period);
        List<StoreSales> perStore = new ArrayList<>();
        long count = 0;
        Money revenue = Money.ZERO;
        for (Location store : Locations.stores()) {
            StoreSales s = storeSales(store, inPeriod);
            perStore.add(s);
            count += s.salesCount();
            revenue = revenue.plus(s.revenue());
        }
        return new SalesReport(period, perStore, topProducts(inPeriod, top), count, revenue);
    }

    /** Best sellers of a period by net quantity, then net revenue, then id; at most {@code top}. */
    public List<ProductSales> topProducts(Period period, int top) {
        return topProducts(salesIn(Objects.requireNonNull(period, "period")), top);
    }

    /** Per-location stock summary and every low-stock alert, now. */
    public StockReport stockReport() {
        List<StockLevel> levels = inventory.allLevels();
        Map<LocationId, List<StockLevel>> byLocation = new LinkedHashMap<>();
        levels.stream().sorted(Comparator.comparing(StockLevel::location).thenComparing(StockLevel::product))
                .forEach(l -> byLocation.computeIfAbsent(l.location(), k -> new ArrayList<>()).add(l));
        List<LocationStock> perLocation = new ArrayList<>();
        byLocation.forEach((loc, rows) -> perLocation.add(new LocationStock(loc, locationName(loc), rows.size(),
                (int) rows.stream().filter(StockLevel::isLow).count(),
                (int) rows.stream().filter(StockLevel::isOut).count(),
                (int) rows.stream().filter(StockLevel::isOverstocked).count(),
                rows.stream().mapToLong(StockLevel::onHand).sum())));
        return new StockReport(clock.instant(), perLocation, alerts(levels));
    }

    /** Stock rows of one location, by product. */
    public List<StockLevel> stockLevels(LocationId location) {
        return inventory.levelsAt(location);
    }

    /** Every row at or below its threshold, by location then product. */
    public List<StockAlert> lowStockAlerts() {
        return alerts(inventory.allLevels());
    }

    /** Per-store indicators over the last 7 days, global totals and critical alerts. */
    public Dashboard dashboard() {
        Instant now = clock.instant();
        Period thisWeek = Period.endingAt(now, WEEK);
        Period lastWeek = Period.endingAt(thisWeek.from(), WEEK);
        List<Sale> recent = salesIn(new Period(lastWeek.from(), now));
        List<StockLevel> levels = inventory.allLevels();
        List<StoreIndicator> indicators = new ArrayList<>();
        for (Location store : Locations.stores()) {
            List<Sale> mine = recent.stream().filter(s -> s.store().equals(store.id())).toList();
            Money current = revenue(mine, thisWeek);
            Money previous = revenue(mine, lastWeek);
            long count = mine.stream().filter(s -> thisWeek.contains(s.at())).count();
            List<StockLevel> rows = levels.stream().filter(l -> l.location().equals(store.id())).toList();
            indicators.add(new StoreIndicator(store.id(), store.name(), current, count,
                    (int) rows.stream().filter(StockLevel::isLow).count(),
                    (int) rows.stream().filter(StockLevel::isOverstocked).count(), trend(current, previous)));
        }
        Money revenue = indicators.stream().map(StoreIndicator::revenue).reduce(Money.ZERO, Money::plus);
        BigDecimal trendSum = indicators.stream().map(StoreIndicator::weeklyTrendPercent)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        GlobalMetrics global = new GlobalMetrics(indicators.size(), revenue,
                indicators.stream().mapToLong(StoreIndicator::salesCount).sum(),
                indicators.stream().mapToInt(StoreIndicator::lowStockProducts).sum(),
                indicators.stream().mapToInt(StoreIndicator::overstockProducts).sum(),
                indicators.isEmpty() ? BigDecimal.ZERO.setScale(2)
                        : trendSum.divide(BigDecimal.valueOf(indicators.size()), 2, RoundingMode.HALF_UP));
        return new Dashboard(now, indicators, global, alerts(levels));
    }

    /** {@code (current − previous) / previous × 100} at 2 decimals HALF_UP; 0 when previous is 0. */
    static BigDecimal trend(Money current, Money previous) {
        if (previous.isZero()) {
            return BigDecimal.ZERO.setScale(2);
        }
        return current.minus(previous).amount().multiply(HUNDRED).divide(previous.amount(), 2, RoundingMode.HALF_UP);
    }

    private List<Sale> salesIn(Period period) {
        List<Sale> found = sales.history(SaleQuery.between(period.from(), period.to()));
        if (found.size() >= SaleQuery.MAX_LIMIT) {
            throw ComptoirException.invalid("period", "more than " + SaleQuery.MAX_LIMIT + " sales: use a shorter period");
        }
        return found;
    }

    private static Money revenue(List<Sale> sales, Period period) {
        return sales.stream().filter(s -> period.contains(s.at())).map(s -> s.amounts().finalAmount())
                .reduce(Money.ZERO, Money::plus);
    }

    private static StoreSales storeSales(Location store, List<Sale> sales) {
        long count = 0;
        Money revenue = Money.ZERO;
        Money refunds = Money.ZERO;
        for (Sale s : sales) {
            if (s.store().equals(store.id())) {
                count++;
                revenue = revenue.plus(s.amounts().finalAmount());
                for (SaleReturn r : s.returns()) {
                    refunds = refunds.plus(r.refund().finalAmount());
                }
            }
        }
        return new StoreSales(store.id(), store.name(), count, revenue, refunds);
    }

    private static List<ProductSales> topProducts(List<Sale> sales, int top) {
        if (top < 1) {
            throw ComptoirException.invalid("limit", "must be >= 1, was " + top);
        }
        Map<ProductId, long[]> qty = new LinkedHashMap<>();
        Map<ProductId, Money> revenue = new LinkedHashMap<>();
        Map<ProductId, String> names = new LinkedHashMap<>();
        for (Sale s : sales) {
            for (SaleLine l : s.lines()) {
                qty.computeIfAbsent(l.product(), k -> new long[1])[0] += l.quantity();
                revenue.merge(l.product(), l.net(), Money::plus);
                names.putIfAbsent(l.product(), l.productName());
            }
            for (SaleReturn r : s.returns()) {
                for (ReturnedLine l : r.lines()) {
                    qty.computeIfAbsent(l.product(), k -> new long[1])[0] -= l.quantity();
                    revenue.merge(l.product(), l.lineTotal().minus(l.discount()).negate(), Money::plus);
                }
            }
        }
        return qty.entrySet().stream()
                .map(e -> new ProductSales(e.getKey(), names.get(e.getKey()), e.getValue()[0], revenue.get(e.getKey())))
                .filter(p -> p.quantity() > 0)
                .sorted(Comparator.comparingLong(ProductSales::quantity).reversed()
                        .thenComparing(ProductSales::revenue, Comparator.reverseOrder())
                        .thenComparing(ProductSales::product))
                .limit(top)
                .toList();
    }

    private List<StockAlert> alerts(List<StockLevel> levels) {
        Map<ProductId, String> names = new LinkedHashMap<>();
        List<StockAlert> alerts = new ArrayList<>();
        levels.stream().filter(StockLevel::isLow)
                .sorted(Comparator.comparing(StockLevel::location).thenComparing(StockLevel::product))
                .forEach(l -> alerts.add(new StockAlert(l.location(), locationName(l.location()), l.product(),
                        names.computeIfAbsent(l.product(), p -> catalog.find(p).map(Product::name).orElse("product " + p)),
                        l.available(), l.alertThreshold(), l.isOut() ? AlertLevel.OUT_OF_STOCK : AlertLevel.LOW)));
        return alerts;
    }

    private static String locationName(LocationId id) {
        return Locations.find(id).map(Location::name).orElse("location " + id);
    }
}
