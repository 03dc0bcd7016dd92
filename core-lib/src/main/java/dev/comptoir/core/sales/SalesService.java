package dev.comptoir.core.sales;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.CatalogService;
import dev.comptoir.core.catalog.Product;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.inventory.MovementKind;
import dev.comptoir.core.inventory.StockDelta;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.location.Locations;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.TaxPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Store sales and returns.
 *
 * <pre>{@code
 * SalesService sales = new SalesService(new InMemorySalesStore(), catalog, inventory, clock, random);
 * Sale s = sales.record(new RecordSale(Locations.QUEBEC, "cashier-1", "register-1", Optional.empty(),
 *         List.of(SaleItem.of(ProductId.of(9), 2), SaleItem.of(ProductId.of(10), 1, "10")),
 *         PaymentMethod.DEBIT_CARD));
 * SaleReturn r = sales.returnItems(s.id(), List.of(ReturnItem.of(ProductId.of(9), 1)), "damaged", "cashier-2");
 * }</pre>
 *
 * <p>A sale validates everything first (store, active products, stock of every line), then
 * takes the units off the store's stock in one atomic inventory operation (SALE movements,
 * all lines or none) and stores the sale. A return first records itself on the sale
 * atomically (the guard against returning more than was sold, even under concurrency), then
 * puts the units back (RETURN movements). Ids come from the injected random generator, times
 * from the injected clock. Thread-safe when its ports are.
 */
public final class SalesService {
    private final SalesStore store;
    private final CatalogService catalog;
    private final InventoryService inventory;
    private final Clock clock;
    private final RandomGenerator random;
    private final TaxPolicy taxPolicy;

    public SalesService(SalesStore store, CatalogService catalog, InventoryService inventory, Clock clock,
                        RandomGenerator random) {
        this(store, catalog, inventory, clock, random, TaxPolicy.QUEBEC);
    }

    public SalesService(SalesStore store, CatalogService catalog, InventoryService inventory, Clock clock,
                        RandomGenerator random, TaxPolicy taxPolicy) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.taxPolicy = Objects.requireNonNull(taxPolicy, "taxPolicy");
    }

    /** Prices, checks and records a sale; insufficient stock on any line: CONFLICT naming {@code stock}, nothing written. */
    public Sale record(RecordSale command) {
        Objects.requireNonNull(command, "command");
        Locations.requireStore(command.store(), "store_id");
        List<SaleLine> lines = new ArrayList<>();
        List<StockDelta> deltas = new ArrayList<>();
        for (SaleItem item : command.items()) {
            Product p = catalog.requireActive(item.product());
            Money lineTotal = SaleCalculator.lineTotal(p.unitPrice(), item.quantity());
            lines.add(new SaleLine(p.id(), p.name(), item.quantity(), p.unitPrice(), item.discountPercent(), lineTotal,
                    SaleCalculator.discount(lineTotal, item.discountPercent()), 0));
            deltas.add(StockDelta.of(p.id(), command.store(), MovementKind.SALE, -item.quantity()));
        }
        SaleId id = new SaleId(nextUuid());
        Instant now = now();
        Sale sale = new Sale(id, command.store(), command.cashierId(), command.registerId(), command.customerId(), now,
                lines, command.paymentMethod(), SaleCalculator.ofSaleLines(lines, taxPolicy), SaleStatus.COMPLETED,
                List.of());
        inventory.apply(deltas, "sale:" + id);
        try {
            store.insert(sale);
        } catch (RuntimeException e) {
            // the sale could not be stored: give the units back so that nothing stays half-written
            inventory.apply(deltas.stream()
                    .map(d -> StockDelta.of(d.key().product(), d.key().location(), MovementKind.ADJUSTMENT, -d.delta()))
                    .toList(), "sale:" + id + ":not-recorded");
            throw e;
        }
        return sale;
    }

    /**
     * Returns some units of a past sale: every product must be on the sale and at most its
     * remaining units (sold − already returned) may come back, else INVALID_INPUT naming {@code
     * product_id} or {@code quantity}. The units go back to the selling store's stock; the
     * refund is the sale computation over the returned units (tax included, the line's discount
     * percent applied pro rata).
     */
    public SaleReturn returnItems(SaleId saleId, List<ReturnItem> items, String reason, String cashierId) {
        Objects.requireNonNull(saleId, "saleId");
        String why = RecordSale.required(reason, "reason");
        String who = RecordSale.required(cashierId, "cashier_id");
        if (items == null || items.isEmpty()) {
            throw ComptoirException.invalid("items", "at least one line is required");
        }
        Sale sale = sale(saleId);
        Map<Object, Integer> wanted = new HashMap<>();
        for (ReturnItem i : items) {
            wanted.merge(i.product(), i.quantity(), Integer::sum);
        }
        List<ReturnedLine> returned = new ArrayList<>();
        List<StockDelta> deltas = new ArrayList<>();
        for (SaleLine line : sale.lines()) {
            Integer q = wanted.remove(line.product());
            if (q == null) {
                continue;
            }
            if (q > line.returnable()) {
                throw ComptoirException.invalid("quantity", "cannot return " + q + " of product " + line.product()
                        + ": sold " + line.quantity() + ", already returned " + line.returnedQuantity());
            }
            Money lineTotal = SaleCalculator.lineTotal(line.unitPrice(), q);
            returned.add(new ReturnedLine(line.product(), q, line.unitPrice(), line.discountPercent(), lineTotal,
                    SaleCalculator.discount(lineTotal, line.discountPercent())));
            deltas.add(StockDelta.of(line.product(), sale.store(), MovementKind.RETURN, q));
        }
        if (!wanted.isEmpty()) {
            throw ComptoirException.invalid("product_id", "product " + wanted.keySet().iterator().next()
                    + " is not on sale " + saleId);
        }
        SaleReturn saleReturn = new SaleReturn(new ReturnId(nextUuid()), saleId, now(), who, why, returned,
                SaleCalculator.ofReturnedLines(returned, taxPolicy));
        store.recordReturn(saleReturn);
        inventory.apply(deltas, "return:" + saleReturn.id());
        return saleReturn;
    }

    /** Returns every remaining unit of a sale (the console's whole-sale return). */
    public SaleReturn returnAll(SaleId saleId, String reason, String cashierId) {
        Sale sale = sale(saleId);
        List<ReturnItem> items = sale.lines().stream().filter(l -> l.returnable() > 0)
                .map(l -> ReturnItem.of(l.product(), l.returnable())).toList();
        if (items.isEmpty()) {
            throw ComptoirException.conflict("status", "sale " + saleId + " is already returned");
        }
        return returnItems(saleId, items, reason, cashierId);
    }

    /** The sale, or NOT_FOUND naming {@code sale}. */
    public Sale sale(SaleId id) {
        return store.find(Objects.requireNonNull(id, "id")).orElseThrow(() -> ComptoirException.notFound("sale", id));
    }

    /** History, newest first. */
    public List<Sale> history(SaleQuery query) {
        return store.find(Objects.requireNonNull(query, "query"));
    }

    /** Summary of one day (clock's zone), for one store or all. */
    public DailySummary dailySummary(LocalDate date, Optional<LocationId> storeId) {
        Objects.requireNonNull(date, "date");
        ZoneId zone = clock.getZone();
        SaleQuery q = SaleQuery.between(date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
        if (storeId != null && storeId.isPresent()) {
            Locations.requireStore(storeId.get(), "store_id");
            q = q.atStore(storeId.get());
        }
        List<Sale> sales = store.find(q);
        Money revenue = Money.ZERO;
        Money subtotal = Money.ZERO;
        Money tax = Money.ZERO;
        long items = 0;
        for (Sale s : sales) {
            revenue = revenue.plus(s.amounts().finalAmount());
            subtotal = subtotal.plus(s.amounts().subtotal());
            tax = tax.plus(s.amounts().tax());
            items += s.itemsSold();
        }
        return new DailySummary(date, storeId, sales.size(), revenue, subtotal, tax, items);
    }

    /** The clock's instant at PostgreSQL's precision (microseconds), so stored and returned values agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private UUID nextUuid() {
        long hi;
        long lo;
        synchronized (random) {
            hi = random.nextLong();
            lo = random.nextLong();
        }
        hi = (hi & ~0xF000L) | 0x4000L; // version 4
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(hi, lo);
    }
}
