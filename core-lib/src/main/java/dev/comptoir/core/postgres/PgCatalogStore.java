package dev.comptoir.core.postgres;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.CatalogStore;
import dev.comptoir.core.catalog.Category;
import dev.comptoir.core.catalog.CategoryId;
import dev.comptoir.core.catalog.NewProduct;
import dev.comptoir.core.catalog.Page;
import dev.comptoir.core.catalog.Product;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.catalog.ProductQuery;
import dev.comptoir.core.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link CatalogStore} on PostgreSQL (tables of {@code V2__catalog.sql}).
 *
 * <pre>{@code
 * CatalogService catalog = new CatalogService(new PgCatalogStore(database.jdbi()), clock);
 * }</pre>
 *
 * <p>Thread-safe. SKU uniqueness is a unique constraint, reported as a CONFLICT naming {@code sku}.
 */
public final class PgCatalogStore implements CatalogStore {
    private static final String COLUMNS = "id, sku, name, category_id, unit_price, description, alert_threshold, active";

    private final Jdbi jdbi;

    public PgCatalogStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void saveCategory(Category category) {
        run(() -> jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO categories (id, name, description) VALUES (:id, :name, :description)
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description""")
                .bind("id", category.id().value())
                .bind("name", category.name())
                .bind("description", category.description())
                .execute()));
    }

    @Override
    public List<Category> categories() {
        return run(() -> jdbi.withHandle(h -> h.createQuery("SELECT id, name, description FROM categories ORDER BY id")
                .map((rs, ctx) -> new Category(CategoryId.of(rs.getInt(1)), rs.getString(2), rs.getString(3)))
                .list()));
    }

    @Override
    public Product insert(NewProduct product, String sku) {
        return run(() -> jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO products (sku, name, category_id, unit_price, description, alert_threshold, active)
                        VALUES (:sku, :name, :category, :price, :description, :threshold, TRUE)
                        RETURNING\s""" + COLUMNS)
                .bind("sku", sku)
                .bind("name", product.name())
                .bind("category", product.categoryId().value())
                .bind("price", product.unitPrice().amount())
                .bind("description", product.description())
                .bind("threshold", product.alertThreshold())
                .map((rs, ctx) -> product(rs))
                .one()));
    }

    @Override
    public void update(Product p) {
        int n = run(() -> jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE products SET sku = :sku, name = :name, category_id = :category, unit_price = :price,
                               description = :description, alert_threshold = :threshold, active = :active
                        WHERE id = :id""")
                .bind("id", p.id().value())
                .bind("sku", p.sku())
                .bind("name", p.name())
                .bind("category", p.categoryId().value())
                .bind("price", p.unitPrice().amount())
                .bind("description", p.description())
                .bind("threshold", p.alertThreshold())
                .bind("active", p.active())
                .execute()));
        if (n == 0) {
            throw ComptoirException.notFound("product", p.id());
        }
    }

    @Override
    public Optional<Product> find(ProductId id) {
        return run(() -> jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM products WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> product(rs))
                .findOne()));
    }

    @Override
    public Optional<Product> findBySku(String sku) {
        return run(() -> jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM products WHERE sku = :sku")
                .bind("sku", sku)
                .map((rs, ctx) -> product(rs))
                .findOne()));
    }

    @Override
    public Page<Product> search(ProductQuery q) {
        String where = """
                 WHERE (:all OR active)
                   AND (CAST(:category AS integer) IS NULL OR category_id = :category)
                   AND (CAST(:text AS text) IS NULL OR strpos(lower(name), lower(:text)) > 0
                        OR strpos(lower(description), lower(:text)) > 0 OR strpos(lower(sku), lower(:text)) > 0)""";
        return run(() -> jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT count(*) FROM products " + where)
                    .bind("all", q.includeInactive())
                    .bind("category", q.category().map(CategoryId::value).orElse(null))
                    .bind("text", q.text().orElse(null))
                    .mapTo(Long.class)
                    .one();
            List<Product> items = h.createQuery("SELECT " + COLUMNS + " FROM products " + where
                            + " ORDER BY id LIMIT :limit OFFSET :offset")
                    .bind("all", q.includeInactive())
                    .bind("category", q.category().map(CategoryId::value).orElse(null))
                    .bind("text", q.text().orElse(null))
                    .bind("limit", q.perPage())
                    .bind("offset", (long) (q.page() - 1) * q.perPage())
                    .map((rs, ctx) -> product(rs))
                    .list();
            return new Page<>(items, q.page(), q.perPage(), total);
        }));
    }

    private static Product product(ResultSet rs) throws SQLException {
        return new Product(ProductId.of(rs.getLong(1)), rs.getString(2), rs.getString(3), CategoryId.of(rs.getInt(4)),
                Money.of(rs.getBigDecimal(5)), rs.getString(6), rs.getInt(7), rs.getBoolean(8));
    }

    private static <T> T run(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            String state = PgInventoryStore.sqlState(e);
            if ("23505".equals(state)) {
                throw ComptoirException.conflict("sku", "sku already exists");
            }
            if ("23503".equals(state)) {
                throw ComptoirException.invalid("id_categorie", "category does not exist");
            }
            throw ComptoirException.unavailable("catalogue database operation failed (SQLSTATE " + state + ")", e);
        }
    }
}
