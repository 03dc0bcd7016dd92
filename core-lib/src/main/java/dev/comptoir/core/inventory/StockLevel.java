package dev.comptoir.core.inventory;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.location.LocationId;
import java.util.Objects;

/**
 * The stock of one product at one location.
 *
 * @param key            product and location
 * @param onHand         units physically there, &ge; 0
 * @param reserved       units promised to reservations, {@code 0 ≤ reserved ≤ onHand}
 * @param alertThreshold low-stock threshold, &ge; 0
 */
public record StockLevel(StockKey key, long onHand, long reserved, int alertThreshold) {
    /** Above this many units on hand a row is overstocked (seed-behaviour.md §7). */
    public static final long OVERSTOCK_ABOVE = 100;

    public StockLevel {
        Objects.requireNonNull(key, "key");
        if (onHand < 0 || reserved < 0 || reserved > onHand) {
            throw new IllegalArgumentException("need 0 <= reserved <= onHand, was reserved " + reserved + ", onHand " + onHand);
        }
        if (alertThreshold < 0) {
            throw new IllegalArgumentException("alertThreshold must be >= 0, was " + alertThreshold);
        }
    }

    public ProductId product() {
        return key.product();
    }

    public LocationId location() {
        return key.location();
    }

    /** {@code onHand − reserved}: what can still be sold or reserved. */
    public long available() {
        return onHand - reserved;
    }

    /** Low stock: available at or below the alert threshold. */
    public boolean isLow() {
        return available() <= alertThreshold;
    }

    /** Out of stock: nothing available. */
    public boolean isOut() {
        return available() == 0;
    }

    /** More than {@link #OVERSTOCK_ABOVE} units on hand. */
    public boolean isOverstocked() {
        return onHand > OVERSTOCK_ABOVE;
    }
}
