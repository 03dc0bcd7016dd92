package dev.comptoir.sim.engine;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.inventory.MovementKind;
import dev.comptoir.core.inventory.StockDelta;
import dev.comptoir.core.inventory.StockKey;
import dev.comptoir.core.inventory.StockLevel;
import dev.comptoir.core.location.LocationId;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.salesview.SalesPublisher;
import dev.comptoir.eventstore.projection.ProjectionRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The store side of the PostgreSQL run, on one thread: POS sales and returns (each also an event
 * of the sales event store), restock requests to the logistics centre, inter-store transfers,
 * supplier deliveries, head-office reports, reservation expiry, and polls of the sales projection
 * runner (which may crash and be replaced by a new runner resuming from its checkpoint). Its
 * pace follows the e-commerce orders: as in the embedded run, {@code pos_sales_per_second /
 * order_rate} POS ticks per started order. Every stock movement it makes is added to the run's
 * ledger once the store accepted it.
 */
final class PgStoreTraffic implements Runnable {
    private final SimulationConfig config;
    private final InventoryService inventory;
    private final StockLedger ledger;
    private final SalesPublisher sales;
    private final Supplier<ProjectionRunner> newRunner;
    private final LongSupplier ordersStarted;
    private final long[] prices;
    private final SplittableRandom random;
    private final double ticksPerOrder;
    private final long ticksTotal;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private ProjectionRunner runner;
    private long ticks;
    private final StoreCounters counts = new StoreCounters();
    private long projectionCrashes;
    private long salesEvents;
    private long unavailable;

    PgStoreTraffic(SimulationConfig config, InventoryService inventory, StockLedger ledger, SalesPublisher sales,
                   Supplier<ProjectionRunner> newRunner, LongSupplier ordersStarted, long[] prices) {
        this.config = config;
        this.inventory = inventory;
        this.ledger = ledger;
        this.sales = sales;
        this.newRunner = newRunner;
        this.ordersStarted = ordersStarted;
        this.prices = prices;
        this.random = new SplittableRandom(config.seed() ^ 0x53544f5245L);
        this.ticksPerOrder = config.posSalesPerSecond() / config.orderRatePerSecond();
        this.ticksTotal = (long) Math.floor(config.orders() * ticksPerOrder);
        this.runner = newRunner.get();
    }

    /** Asks the thread to stop after the current tick (it also stops by itself once its share of ticks is done). */
    void stop() {
        stopped = true;
    }

    /** What made the thread stop early, or {@code null}. */
    Throwable failure() {
        return failure;
    }

    /** The live sales projection runner. */
    ProjectionRunner runner() {
        return runner;
    }

    @Override
    public void run() {
        try {
            long replenishEvery = Math.max(1, Math.round(config.replenishEverySeconds() * config.posSalesPerSecond()));
            long reportEvery = Math.max(1, Math.round(config.reportEverySeconds() * config.posSalesPerSecond()));
            long expireEvery = Math.max(1, Math.round(60 * config.posSalesPerSecond()));
            while (!stopped && ticks < ticksTotal) {
                if (ticks >= (long) Math.floor(ordersStarted.getAsLong() * ticksPerOrder)) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // pace: wait for the orders to move on
                    continue;
                }
                tick();
                ticks++;
                if (ticks % replenishEvery == 0) {
                    replenish();
                }
                if (ticks % reportEvery == 0) {
                    headOfficeReport();
                }
                if (ticks % expireEvery == 0) {
                    counts.expiredReservations += inventory.expireDue().size();
                }
                if (ticks % 16 == 0) {
                    pollProjection();
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void tick() {
        LocationId store = PostgresSimulation.STORES[random.nextInt(PostgresSimulation.STORES.length)];
        ProductId product = ProductId.of(1 + random.nextInt(config.products()));
        int qty = 1 + random.nextInt(3);
        if (tryApply(StockDelta.of(product, store, MovementKind.SALE, -qty), "pos-sale")) {
            add(product, store, StockLedger.SALE, qty);
            counts.posSales++;
            salesEvents++;
            sales.saleRecorded("pos-" + ticks, store.value(), Money.ofCents(prices[(int) product.value()] * qty).amount(),
                    qty);
        } else {
            counts.posSalesRefused++;
        }
        if (random.nextDouble() < config.returnShare()) {
            LocationId at = PostgresSimulation.STORES[random.nextInt(PostgresSimulation.STORES.length)];
            ProductId p = ProductId.of(1 + random.nextInt(config.products()));
            if (tryApply(StockDelta.of(p, at, MovementKind.RETURN, 1), "pos-return")) {
                add(p, at, StockLedger.RETURN, 1);
                counts.posReturns++;
                salesEvents++;
                sales.saleReturned("ret-" + ticks, "pos-unknown", at.value(),
                        Money.ofCents(prices[(int) p.value()]).amount());
            }
        }
        if (random.nextDouble() < config.restockShare()) {
            LocationId at = PostgresSimulation.STORES[random.nextInt(PostgresSimulation.STORES.length)];
            ProductId p = ProductId.of(1 + random.nextInt(config.products()));
            int want = 10 + random.nextInt(11);
            if (inventory.available(p, PostgresSimulation.LOGISTICS) >= want
                    && transfer(p, PostgresSimulation.LOGISTICS, at, want)) {
                counts.restocksFulfilled++;
            } else {
                counts.restocksRefused++;
            }
        }
        if (random.nextDouble() < config.transferShare()) {
            int a = random.nextInt(PostgresSimulation.STORES.length);
            int b = (a + 1 + random.nextInt(PostgresSimulation.STORES.length - 1)) % PostgresSimulation.STORES.length;
            ProductId p = ProductId.of(1 + random.nextInt(config.products()));
            if (transfer(p, PostgresSimulation.STORES[a], PostgresSimulation.STORES[b], 1 + random.nextInt(3))) {
                counts.transfers++;
            } else {
                counts.transfersRefused++;
            }
        }
    }

    private void add(ProductId product, LocationId location, int kind, long qty) {
        ledger.add(StockKey.of(product, location), kind, qty);
    }

    private boolean transfer(ProductId product, LocationId from, LocationId to, int qty) {
        try {
            inventory.transfer(product, from, to, qty, "transfer");
        } catch (ComptoirException e) {
            if (refused(e)) {
                return false;
            }
            throw e;
        }
        ledger.transferred(product, from, to, qty);
        return true;
    }

    private boolean tryApply(StockDelta delta, String reference) {
        try {
            inventory.apply(List.of(delta), reference);
            return true;
        } catch (ComptoirException e) {
            if (refused(e)) {
                return false;
            }
            throw e;
        }
    }

    /** A refusal (too little stock) or a transient failure after the store's own retries: nothing was written. */
    private boolean refused(ComptoirException e) {
        if (e.kind() == ComptoirException.Kind.UNAVAILABLE) {
            unavailable++;
            return true;
        }
        return e.kind() == ComptoirException.Kind.CONFLICT;
    }

    /** Supplier deliveries: the logistics centre and the fulfilment store are topped up when low. */
    private void replenish() {
        for (int p = 1; p <= config.products(); p++) {
            ProductId product = ProductId.of(p);
            topUp(product, PostgresSimulation.LOGISTICS, config.initialStock() * 2L);
            topUp(product, PostgresSimulation.FULFILMENT,
                    p <= config.hotProducts() ? config.hotStock() : config.initialStock());
        }
    }

    private void topUp(ProductId product, LocationId location, long target) {
        long available = inventory.available(product, location);
        if (target > 0 && available < target / 2) {
            long qty = target - available;
            inventory.receive(product, location, qty, "supplier-delivery");
            add(product, location, StockLedger.RESTOCK, qty);
            counts.supplierDeliveries++;
        }
    }

    private void headOfficeReport() {
        long units = 0;
        for (LocationId store : PostgresSimulation.STORES) {
            for (StockLevel level : inventory.levelsAt(store)) {
                units += level.onHand();
            }
        }
        counts.reports++;
    }

    private void pollProjection() {
        if (config.projectionCrashRate() > 0 && random.nextDouble() < config.projectionCrashRate()) {
            projectionCrashes++;
            runner.close();
            runner = newRunner.get(); // a restarted projection service resumes from its checkpoint
        }
        runner.pollOnce();
    }

    long ticks() {
        return ticks;
    }

    long salesEvents() {
        return salesEvents;
    }

    long projectionCrashes() {
        return projectionCrashes;
    }

    /** Figures of the store side (read after the thread ended). */
    Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        counts.putInto(m);
        m.put("storeOpsUnavailable", unavailable);
        return m;
    }
}
