package dev.comptoir.core.inventory;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.location.LocationId;
import java.util.Objects;

/**
 * Where a stock quantity lives: a product at a location.
 *
 * @param product  the product
 * @param location the location holding it
 */
public record StockKey(ProductId product, LocationId location) implements Comparable<StockKey> {
    public StockKey {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(location, "location");
    }

    public static StockKey of(ProductId product, LocationId location) {
        return new StockKey(product, location);
    }

    @Override
    public int compareTo(StockKey o) {
        int byProduct = product.compareTo(o.product);
        return byProduct != 0 ? byProduct : location.compareTo(o.location);
    }
}
