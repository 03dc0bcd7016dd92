package dev.comptoir.core.memory;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.CatalogStore;
import dev.comptoir.core.catalog.Category;
import dev.comptoir.core.catalog.CategoryId;
import dev.comptoir.core.catalog.NewProduct;
import dev.comptoir.core.catalog.Page;
import dev.comptoir.core.catalog.Product;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.catalog.ProductQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link CatalogStore} in memory.
 *
 * <pre>{@code
 * CatalogService catalog = new CatalogService(new InMemoryCatalogStore(), clock);
 * }</pre>
 *
 * <p>Thread-safe (every method is synchronized).
 */
public final class InMemoryCatalogStore implements CatalogStore {
    private final TreeMap<CategoryId, Category> categories = new TreeMap<>((a, b) -> Integer.compare(a.value(), b.value()));
    private final TreeMap<ProductId, Product> products = new TreeMap<>();
    private final Map<String, ProductId> bySku = new HashMap<>();
    private long nextId = 1;

    @Override
    public synchronized void saveCategory(Category category) {
        categories.put(category.id(), category);
    }

    @Override
    public synchronized List<Category> categories() {
        return List.copyOf(categories.values());
    }

    @Override
    public synchronized Product insert(NewProduct product, String sku) {
        if (bySku.containsKey(sku)) {
            throw ComptoirException.conflict("sku", "sku '" + sku + "' already exists");
        }
        Product p = product.toProduct(ProductId.of(nextId++), sku);
        products.put(p.id(), p);
        bySku.put(sku, p.id());
        return p;
    }

    @Override
    public synchronized void update(Product product) {
        Product old = products.get(product.id());
        if (old == null) {
            throw ComptoirException.notFound("product", product.id());
        }
        ProductId owner = bySku.get(product.sku());
        if (owner != null && !owner.equals(product.id())) {
            throw ComptoirException.conflict("sku", "sku '" + product.sku() + "' already belongs to product " + owner);
        }
        bySku.remove(old.sku());
        bySku.put(product.sku(), product.id());
        products.put(product.id(), product);
    }

    @Override
    public synchronized Optional<Product> find(ProductId id) {
        return Optional.ofNullable(products.get(id));
    }

    @Override
    public synchronized Optional<Product> findBySku(String sku) {
        return Optional.ofNullable(bySku.get(sku)).map(products::get);
    }

    @Override
    public synchronized Page<Product> search(ProductQuery query) {
        List<Product> hits = products.values().stream().filter(query::matches).toList();
        int from = Math.min(hits.size(), (query.page() - 1) * query.perPage());
        int to = Math.min(hits.size(), from + query.perPage());
        return new Page<>(hits.subList(from, to), query.page(), query.perPage(), hits.size());
    }
}
