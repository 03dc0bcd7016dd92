package dev.comptoir.sim.engine;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.inventory.StockKey;
import dev.comptoir.core.location.LocationId;
import java.util.Map;
import java.util.HashMap;
import java.util.TreeMap;

/**
 * What the simulation itself did to the stock, per product and location, kept independently of
 * the inventory store: the checker's expected side of stock conservation
 * (initial + restocks + returns + transfers in − sales − confirmed orders − transfers out).
 * Thread-safe: the PostgreSQL run's threads share one.
 */
final class StockLedger {
    static final int INITIAL = 0;
    static final int RESTOCK = 1;
    static final int RETURN = 2;
    static final int TRANSFER_IN = 3;
    static final int SALE = 4;
    static final int CONFIRMED = 5;
    static final int TRANSFER_OUT = 6;
    static final String[] NAMES = {"initial", "restocks", "returns", "transfers in", "sales", "confirmed orders",
            "transfers out"};

    private final Map<StockKey, long[]> rows = new HashMap<>();
    private final long[] totals = new long[NAMES.length];

    private long[] row(StockKey key) {
        return rows.computeIfAbsent(key, k -> new long[NAMES.length]);
    }

    synchronized void add(StockKey key, int kind, long quantity) {
        row(key)[kind] += quantity;
        totals[kind] += quantity;
    }

    /** {@code quantity} of {@code product} moved from {@code from} to {@code to}, both sides at once. */
    synchronized void transferred(ProductId product, LocationId from, LocationId to, long quantity) {
        add(StockKey.of(product, from), TRANSFER_OUT, quantity);
        add(StockKey.of(product, to), TRANSFER_IN, quantity);
    }

    synchronized void confirmed(StockKey key, long quantity) {
        add(key, CONFIRMED, quantity);
    }

    /** Expected on-hand of one row. */
    static long expected(long[] r) {
        return r[INITIAL] + r[RESTOCK] + r[RETURN] + r[TRANSFER_IN] - r[SALE] - r[CONFIRMED] - r[TRANSFER_OUT];
    }

    /** The rows in (product, location) order. */
    synchronized Map<StockKey, long[]> rows() {
        return new TreeMap<>(rows);
    }

    synchronized long total(int kind) {
        return totals[kind];
    }

    static String describe(long[] r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r[INITIAL]).append(" + ").append(r[RESTOCK]).append(" + ").append(r[RETURN]).append(" + ")
                .append(r[TRANSFER_IN]).append(" - ").append(r[SALE]).append(" - ").append(r[CONFIRMED]).append(" - ")
                .append(r[TRANSFER_OUT]).append(" = ").append(expected(r));
        return sb.toString();
    }
}
