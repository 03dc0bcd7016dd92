package dev.comptoir.core.report;

import dev.comptoir.core.location.LocationId;
import java.util.Objects;

/**
 * Stock summary of one location.
 *
 * @param location     the location
 * @param name         its name
 * @param products     stock rows (products tracked there)
 * @param lowStock     rows at or below their threshold
 * @param outOfStock   rows with nothing available
 * @param overstock    rows with more than 100 on hand
 * @param unitsOnHand  Σ on-hand
 */
public record LocationStock(LocationId location, String name, int products, int lowStock, int outOfStock,
                            int overstock, long unitsOnHand) {
    public LocationStock {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(name, "name");
    }
}
