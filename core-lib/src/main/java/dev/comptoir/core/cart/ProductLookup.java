package dev.comptoir.core.cart;

import dev.comptoir.core.catalog.Product;
import dev.comptoir.core.catalog.ProductId;
import java.util.Optional;

/**
 * Port: what a cart needs from the catalogue (name, sku and price of a product by id). An
 * adapter over the catalogue repository implements it, e.g. {@code catalogue::findById}.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface ProductLookup {

    /** The product with this id, if it exists (inactive products may be returned; carts refuse them). */
    Optional<Product> find(ProductId id);
}
