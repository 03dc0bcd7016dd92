package dev.comptoir.core.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Port: where categories and products live. Implementations are thread-safe; SKU uniqueness is
 * enforced by the store too (a CONFLICT naming {@code sku}), so concurrent creations cannot
 * both win. Implementations: {@code InMemoryCatalogStore}, {@code PgCatalogStore}.
 */
public interface CatalogStore {

    /** Inserts or replaces a category (its id is chosen by the caller). */
    void saveCategory(Category category);

    /** All categories, ordered by id. */
    List<Category> categories();

    /** Inserts a product, assigning the next id (1, 2, … in a fresh store); the SKU must be unused. */
    Product insert(NewProduct product, String sku);

    /** Replaces a stored product (same id); the SKU must not belong to another product. */
    void update(Product product);

    Optional<Product> find(ProductId id);

    Optional<Product> findBySku(String sku);

    /** Products matching {@code query}, ordered by id, one page. */
    Page<Product> search(ProductQuery query);
}
