package dev.comptoir.core.report;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.location.LocationId;
import java.util.Objects;

/**
 * A stock row at or below its alert threshold.
 *
 * @param location     where
 * @param locationName its name
 * @param product      what
 * @param productName  its name
 * @param available    units available
 * @param threshold    the row's alert threshold
 * @param level        OUT_OF_STOCK when nothing is available, else LOW
 */
public record StockAlert(LocationId location, String locationName, ProductId product, String productName,
                         long available, int threshold, AlertLevel level) {
    public StockAlert {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(locationName, "locationName");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(level, "level");
    }
}
