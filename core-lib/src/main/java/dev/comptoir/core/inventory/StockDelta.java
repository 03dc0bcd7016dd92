package dev.comptoir.core.inventory;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.location.LocationId;
import java.util.Objects;

/**
 * One on-hand change of a stock operation: {@code delta} units of {@code key} with the journal
 * kind {@code kind}. The sign must match the kind (receipts, returns and transfers in are
 * positive; sales and transfers out negative; adjustments either).
 *
 * @param key   product and location
 * @param kind  one of RECEIPT, ADJUSTMENT, SALE, RETURN, TRANSFER_OUT, TRANSFER_IN
 * @param delta non-zero change of on-hand
 */
public record StockDelta(StockKey key, MovementKind kind, long delta) {
    public StockDelta {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        if (!kind.changesOnHandOnly()) {
            throw ComptoirException.invalid("kind", kind + " is not an on-hand movement");
        }
        if (delta == 0) {
            throw ComptoirException.invalid("quantity", "must not be 0");
        }
        int sign = kind.requiredSign();
        if (sign != 0 && Long.signum(delta) != sign) {
            throw ComptoirException.invalid("quantity", kind + " needs a " + (sign > 0 ? "positive" : "negative")
                    + " delta, was " + delta);
        }
    }

    public static StockDelta of(ProductId product, LocationId location, MovementKind kind, long delta) {
        return new StockDelta(StockKey.of(product, location), kind, delta);
    }
}
