package dev.comptoir.core.inventory;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.location.LocationId;
import java.util.Objects;

/**
 * One line of a reservation.
 *
 * @param key      product and location the units are taken from
 * @param quantity units, &gt; 0
 */
public record ReservationLine(StockKey key, long quantity) {
    public ReservationLine {
        Objects.requireNonNull(key, "key");
        if (quantity <= 0) {
            throw ComptoirException.invalid("quantity", "must be > 0, was " + quantity);
        }
    }

    public static ReservationLine of(ProductId product, LocationId location, long quantity) {
        return new ReservationLine(StockKey.of(product, location), quantity);
    }
}
