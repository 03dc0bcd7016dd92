package dev.comptoir.core.catalog;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.money.Money;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Catalogue use-cases: categories, product creation and updates (price changes by the head
 * office), soft delete, look-ups and search.
 *
 * <pre>{@code
 * CatalogService catalog = new CatalogService(new InMemoryCatalogStore(), clock);
 * catalog.saveCategory(new Category(CategoryId.of(1), "Électronique", ""));
 * Product p = catalog.create(NewProduct.of("iPad", CategoryId.of(1), Money.of("449.99"), "10.9 pouces"));
 * catalog.changePrice(p.id(), Money.of("429.99"));
 * Page<Product> hits = catalog.search(ProductQuery.all().withText("ipa"));
 * }</pre>
 *
 * <p>Thread-safe when its store is. The clock is used for generated SKUs only.
 */
public final class CatalogService {
    private final CatalogStore store;
    private final Clock clock;

    public CatalogService(CatalogStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CatalogStore store() {
        return store;
    }

    /** Adds or renames a category. */
    public void saveCategory(Category category) {
        Objects.requireNonNull(category, "category");
        if (category.name().isBlank()) {
            throw ComptoirException.invalid("nom", "is required");
        }
        store.saveCategory(category);
    }

    public List<Category> categories() {
        return store.categories();
    }

    public Optional<Category> category(CategoryId id) {
        return store.categories().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * Adds a product. Its category must exist (else INVALID_INPUT naming {@code id_categorie})
     * and its SKU be unused (else CONFLICT naming {@code sku}). Without a SKU one is generated
     * as in the reference: the first three letters of the name, upper-cased, a dash and the last
     * six digits of the clock's epoch seconds (with a numeric suffix if that is taken).
     */
    public Product create(NewProduct product) {
        Objects.requireNonNull(product, "product");
        requireCategory(product.categoryId());
        String sku;
        if (product.sku().isPresent()) {
            sku = product.sku().get();
            requireFreeSku(sku, null);
        } else {
            sku = generateSku(product.name());
        }
        return store.insert(product, sku);
    }

    /** Applies an update; unknown product: NOT_FOUND; duplicate SKU: CONFLICT; unknown category: INVALID_INPUT. */
    public Product update(ProductId id, ProductUpdate update) {
        Objects.requireNonNull(update, "update");
        Product current = require(id);
        update.categoryId().ifPresent(this::requireCategory);
        update.sku().ifPresent(s -> requireFreeSku(s, id));
        Product changed = update.applyTo(current);
        store.update(changed);
        return changed;
    }

    /** Head office: a new unit price (&gt; 0). */
    public Product changePrice(ProductId id, Money price) {
        if (price == null || !price.isPositive()) {
            throw ComptoirException.invalid("prix", "must be > 0, was " + price);
        }
        return update(id, ProductUpdate.price(price));
    }

    /** Soft delete: the product stays for history but no longer appears in searches or sales. */
    public Product deactivate(ProductId id) {
        Product p = require(id);
        Product inactive = new Product(p.id(), p.sku(), p.name(), p.categoryId(), p.unitPrice(), p.description(),
                p.alertThreshold(), false);
        store.update(inactive);
        return inactive;
    }

    /** The product, active or not. */
    public Optional<Product> find(ProductId id) {
        return store.find(Objects.requireNonNull(id, "id"));
    }

    /** The product, or NOT_FOUND naming {@code product}. */
    public Product require(ProductId id) {
        return find(id).orElseThrow(() -> ComptoirException.notFound("product", id));
    }

    /** An active product, or NOT_FOUND (inactive products cannot be sold). */
    public Product requireActive(ProductId id) {
        Product p = require(id);
        if (!p.active()) {
            throw ComptoirException.notFound("product", id);
        }
        return p;
    }

    public Optional<Product> findBySku(String sku) {
        return sku == null ? Optional.empty() : store.findBySku(sku.trim());
    }

    public Page<Product> search(ProductQuery query) {
        return store.search(Objects.requireNonNull(query, "query"));
    }

    /** Active products whose category name contains {@code text} (case-insensitive), all of them. */
    public List<Product> searchByCategoryName(String text) {
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return categories().stream()
                .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(needle))
                .flatMap(c -> all(ProductQuery.all().inCategory(c.id())).stream())
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    /** Every product matching {@code query}, all pages. */
    public List<Product> all(ProductQuery query) {
        List<Product> out = new java.util.ArrayList<>();
        ProductQuery q = query.page(1, ProductQuery.MAX_PER_PAGE);
        while (true) {
            Page<Product> page = store.search(q);
            out.addAll(page.items());
            if (!page.hasNext()) {
                return out;
            }
            q = q.page(page.page() + 1, ProductQuery.MAX_PER_PAGE);
        }
    }

    private void requireCategory(CategoryId id) {
        if (category(id).isEmpty()) {
            throw ComptoirException.invalid("id_categorie", "category " + id + " does not exist");
        }
    }

    private void requireFreeSku(String sku, ProductId owner) {
        store.findBySku(sku).filter(p -> !p.id().equals(owner)).ifPresent(p -> {
            throw ComptoirException.conflict("sku", "sku '" + sku + "' already belongs to product " + p.id());
        });
    }

    private String generateSku(String name) {
        String letters = name.replaceAll("[^\\p{L}\\p{N}]", "");
        String prefix = (letters.length() >= 3 ? letters.substring(0, 3) : (letters + "XXX").substring(0, 3))
                .toUpperCase(Locale.ROOT);
        long seconds = clock.instant().getEpochSecond();
        String base = prefix + "-" + String.format(Locale.ROOT, "%06d", seconds % 1_000_000);
        String sku = base;
        for (int i = 2; store.findBySku(sku).isPresent(); i++) {
            sku = base + "-" + i;
        }
        return sku;
    }
}
