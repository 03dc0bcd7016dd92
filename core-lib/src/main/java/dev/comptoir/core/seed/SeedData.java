package dev.comptoir.core.seed;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.CatalogService;
import dev.comptoir.core.catalog.Category;
import dev.comptoir.core.catalog.CategoryId;
import dev.comptoir.core.catalog.NewProduct;
import dev.comptoir.core.catalog.Product;
import dev.comptoir.core.catalog.ProductQuery;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.location.Location;
import dev.comptoir.core.location.Locations;
import dev.comptoir.core.money.Money;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The reference's initial data (seed-behaviour.md §1.3): 5 categories, 18 products with unique
 * SKUs, and stock — the logistics centre holds 100 of every product (threshold 20); every store
 * holds {@code randint(5..50)} of each, or with a 10 % chance {@code randint(0..2)} to create
 * shortages (threshold = the product's); head office and e-commerce hold none.
 *
 * <pre>{@code
 * SeedData.Loaded seeded = SeedData.load(catalog, inventory, SeedData.DEFAULT_SEED);
 * }</pre>
 *
 * <p>Quantities come from the given seed only, so two loads with the same seed give the same
 * stock (18 + 5 × 18 = 108 stock rows). Loading needs an empty catalogue.
 */
public final class SeedData {
    /** The reference's RNG seed. */
    public static final long DEFAULT_SEED = 42;

    /** Threshold of every logistics-centre row. */
    public static final int LOGISTICS_THRESHOLD = 20;

    /** Units of every product at the logistics centre. */
    public static final int LOGISTICS_QUANTITY = 100;

    /** The five categories, ids 1–5. */
    public static final List<Category> CATEGORIES = List.of(
            new Category(CategoryId.of(1), "Électronique", "Appareils électroniques et accessoires"),
            new Category(CategoryId.of(2), "Vêtements", "Vêtements et chaussures"),
            new Category(CategoryId.of(3), "Alimentation", "Produits alimentaires"),
            new Category(CategoryId.of(4), "Maison & Jardin", "Articles pour la maison et le jardin"),
            new Category(CategoryId.of(5), "Sport & Loisirs", "Équipement de sport et loisirs"));

    /** The 18 products in id order (ids 1–18 in an empty catalogue). */
    public static final List<NewProduct> PRODUCTS = List.of(
            product("ELE-IP16PM", "iPhone 16 Pro Max", 1, "1299.99", "Smartphone Apple, 256 Go", 5),
            product("ELE-MBA13", "MacBook Air", 1, "1099.99", "Portable Apple 13 pouces, puce M3", 3),
            product("ELE-APP2", "AirPods Pro", 1, "259.99", "Écouteurs sans fil à réduction de bruit", 10),
            product("ELE-IPAD", "iPad", 1, "449.99", "Tablette Apple 10,9 pouces", 5),
            product("VET-TSH", "T-shirt", 2, "19.99", "T-shirt en coton", 20),
            product("VET-JEAN", "Jean", 2, "59.99", "Jean coupe droite", 5),
            product("VET-VHIV", "Veste d'hiver", 2, "129.99", "Veste chaude pour l'hiver québécois", 5),
            product("VET-BASK", "Baskets", 2, "89.99", "Chaussures de sport", 5),
            product("ALI-CAFE", "Café", 3, "12.99", "Café moulu 340 g", 25),
            product("ALI-CHOC", "Chocolat Noir", 3, "4.99", "Chocolat noir 70 %", 30),
            product("ALI-THEV", "Thé Vert", 3, "8.99", "Thé vert, 20 sachets", 5),
            product("ALI-MIEL", "Miel", 3, "15.99", "Miel du Québec 500 g", 5),
            product("MAI-DYSON", "Aspirateur Dyson", 4, "299.99", "Aspirateur sans fil", 5),
            product("MAI-PLANT", "Plante Verte", 4, "24.99", "Plante d'intérieur", 5),
            product("MAI-LAMP", "Lampe LED", 4, "39.99", "Lampe de bureau LED", 5),
            product("SPO-BALL", "Ballon Football", 5, "29.99", "Ballon de soccer taille 5", 5),
            product("SPO-RAQ", "Raquette Tennis", 5, "79.99", "Raquette de tennis adulte", 5),
            product("SPO-VTT", "Vélo VTT", 5, "499.99", "Vélo de montagne 21 vitesses", 3));

    private SeedData() {}

    /**
     * What a load created.
     *
     * @param products  the 18 products as stored
     * @param stockRows stock rows written (108)
     */
    public record Loaded(List<Product> products, int stockRows) {
        public Loaded {
            products = List.copyOf(products);
        }
    }

    /** Loads categories, products and stock with quantities from {@code seed}. */
    public static Loaded load(CatalogService catalog, InventoryService inventory, long seed) {
        return load(catalog, inventory, new SplittableRandom(seed));
    }

    /** Loads categories, products and stock, drawing store quantities from {@code random}. */
    public static Loaded load(CatalogService catalog, InventoryService inventory, RandomGenerator random) {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(random, "random");
        if (!catalog.search(ProductQuery.all().withInactive()).items().isEmpty()) {
            throw ComptoirException.conflict("seed", "the catalogue is not empty");
        }
        CATEGORIES.forEach(catalog::saveCategory);
        List<Product> products = PRODUCTS.stream().map(catalog::create).toList();
        int rows = 0;
        for (Product p : products) {
            inventory.track(p.id(), Locations.LOGISTICS_CENTRE, LOGISTICS_THRESHOLD);
            inventory.receive(p.id(), Locations.LOGISTICS_CENTRE, LOGISTICS_QUANTITY, "seed");
            rows++;
        }
        for (Location store : Locations.stores()) {
            for (Product p : products) {
                int quantity = storeQuantity(random);
                inventory.track(p.id(), store.id(), p.alertThreshold());
                if (quantity > 0) {
                    inventory.receive(p.id(), store.id(), quantity, "seed");
                }
                rows++;
            }
        }
        return new Loaded(products, rows);
    }

    /** One store quantity: 10 % chance of 0–2, else 5–50. */
    static int storeQuantity(RandomGenerator random) {
        if (random.nextDouble() < 0.1) {
            return random.nextInt(0, 3);
        }
        return random.nextInt(5, 51);
    }

    private static NewProduct product(String sku, String name, int category, String price, String description,
                                      int threshold) {
        return new NewProduct(Optional.of(sku), name, CategoryId.of(category), Money.of(price), description, threshold);
    }
}
