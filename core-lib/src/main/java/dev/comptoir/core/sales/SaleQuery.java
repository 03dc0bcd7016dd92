package dev.comptoir.core.sales;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.location.LocationId;
import java.time.Instant;
import java.util.Optional;

/**
 * A sales history filter; results are newest first.
 *
 * @param store   only this store
 * @param cashier only this cashier
 * @param from    at or after (inclusive)
 * @param to      before (exclusive)
 * @param limit   at most this many, 1–100 000 (reference default 100)
 */
public record SaleQuery(Optional<LocationId> store, Optional<String> cashier, Optional<Instant> from,
                        Optional<Instant> to, int limit) {
    /** Reference default limit. */
    public static final int DEFAULT_LIMIT = 100;

    /** Largest limit (reports read whole periods). */
    public static final int MAX_LIMIT = 100_000;

    public SaleQuery {
        store = store == null ? Optional.empty() : store;
        cashier = cashier == null ? Optional.empty() : cashier.map(String::trim).filter(s -> !s.isEmpty());
        from = from == null ? Optional.empty() : from;
        to = to == null ? Optional.empty() : to;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ComptoirException.invalid("limit", "must be 1-" + MAX_LIMIT + ", was " + limit);
        }
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ComptoirException.invalid("date_to", "must not be before date_from");
        }
    }

    /** The newest 100 sales of every store. */
    public static SaleQuery latest() {
        return new SaleQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }

    /** Every sale in {@code [from, to)} (up to {@link #MAX_LIMIT}). */
    public static SaleQuery between(Instant from, Instant to) {
        return new SaleQuery(Optional.empty(), Optional.empty(), Optional.of(from), Optional.of(to), MAX_LIMIT);
    }

    public SaleQuery atStore(LocationId s) {
        return new SaleQuery(Optional.of(s), cashier, from, to, limit);
    }

    public SaleQuery byCashier(String c) {
        return new SaleQuery(store, Optional.ofNullable(c), from, to, limit);
    }

    public SaleQuery limit(int n) {
        return new SaleQuery(store, cashier, from, to, n);
    }

    /** True when {@code s} passes the filters (the limit aside). */
    public boolean matches(Sale s) {
        return store.map(x -> x.equals(s.store())).orElse(true)
                && cashier.map(x -> x.equals(s.cashierId())).orElse(true)
                && from.map(x -> !s.at().isBefore(x)).orElse(true)
                && to.map(x -> s.at().isBefore(x)).orElse(true);
    }
}
