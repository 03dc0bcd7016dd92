package dev.comptoir.core.catalog;

import dev.comptoir.saga.VirtualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.money.Money;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract (TCK) of {@link CatalogStore}, exercised through {@link CatalogService}. */
public abstract class CatalogStoreContractTest {
    protected static final CategoryId ELEC = CategoryId.of(1);
    protected static final CategoryId FOOD = CategoryId.of(3);

    protected CatalogService catalog;
    protected VirtualClock clock;

    /** A fresh, empty store. */
    protected abstract CatalogStore createStore();

    @BeforeEach
    void setUpCatalog() {
        clock = VirtualClock.at("2026-03-02T14:00:00Z");
        catalog = new CatalogService(createStore(), clock);
        catalog.saveCategory(new Category(ELEC, "Électronique", "Appareils"));
        catalog.saveCategory(new Category(FOOD, "Alimentation", ""));
    }

    private Product add(String sku, String name, CategoryId c, String price, String description) {
        return catalog.create(new NewProduct(Optional.ofNullable(sku), name, c, Money.of(price), description, 5));
    }

    private static ComptoirException.Kind kindOf(Runnable r) {
        try {
            r.run();
        } catch (ComptoirException e) {
            return e.kind();
        }
        return null;
    }

    @Test
    void create_assignsIncreasingIds_andFindsByIdAndSku() {
        Product a = add("IP16", "iPhone 16", ELEC, "1299.99", "téléphone");
        Product b = add("CAF", "Café", FOOD, "12.99", "");

        assertThat(b.id().value()).isGreaterThan(a.id().value());
        assertThat(catalog.find(a.id())).contains(a);
        assertThat(catalog.findBySku("CAF")).contains(b);
        assertThat(a.unitPrice()).isEqualTo(Money.of("1299.99"));
        assertThat(a.active()).isTrue();
    }

    @Test
    void create_withoutSku_generatesUniqueSkuFromNameAndClock() {
        Product a = add(null, "Thé Vert", FOOD, "8.99", "");
        Product b = add(null, "Thé Noir", FOOD, "8.99", "");

        String digits = String.format("%06d", clock.instant().getEpochSecond() % 1_000_000);
        assertThat(a.sku()).isEqualTo("THÉ-" + digits);
        assertThat(b.sku()).startsWith("THÉ-" + digits).isNotEqualTo(a.sku());
    }

    @Test
    void create_duplicateSku_throwsConflict() {
        add("X1", "A", ELEC, "1.00", "");

        assertThatThrownBy(() -> add("X1", "B", ELEC, "2.00", ""))
                .isInstanceOf(ComptoirException.class)
                .satisfies(e -> assertThat(((ComptoirException) e).field()).isEqualTo("sku"));
        assertThat(catalog.all(ProductQuery.all())).hasSize(1);
    }

    @Test
    void create_unknownCategory_isInvalid() {
        assertThat(kindOf(() -> add("X", "A", CategoryId.of(9), "1.00", ""))).isEqualTo(ComptoirException.Kind.INVALID_INPUT);
    }

    @Test
    void create_nonPositivePrice_isInvalid() {
        assertThatThrownBy(() -> add("X", "A", ELEC, "0.00", ""))
                .isInstanceOf(ComptoirException.class)
                .satisfies(e -> assertThat(((ComptoirException) e).field()).isEqualTo("prix"));
    }

    @Test
    void changePrice_positive_updatesStoredProduct() {
        Product p = add("X", "A", ELEC, "10.00", "");

        catalog.changePrice(p.id(), Money.of("12.50"));

        assertThat(catalog.require(p.id()).unitPrice()).isEqualTo(Money.of("12.50"));
    }

    @Test
    void changePrice_zeroOrUnknown_isRefused() {
        Product p = add("X", "A", ELEC, "10.00", "");

        assertThat(kindOf(() -> catalog.changePrice(p.id(), Money.ZERO))).isEqualTo(ComptoirException.Kind.INVALID_INPUT);
        assertThat(kindOf(() -> catalog.changePrice(ProductId.of(999), Money.of("1.00")))).isEqualTo(ComptoirException.Kind.NOT_FOUND);
        assertThat(catalog.require(p.id()).unitPrice()).isEqualTo(Money.of("10.00"));
    }

    @Test
    void update_skuOfAnotherProduct_throwsConflict() {
        add("X", "A", ELEC, "10.00", "");
        Product b = add("Y", "B", ELEC, "10.00", "");

        assertThat(kindOf(() -> catalog.update(b.id(), ProductUpdate.none().withSku("X")))).isEqualTo(ComptoirException.Kind.CONFLICT);
        Product renamed = catalog.update(b.id(), ProductUpdate.none().withSku("Z").withName("B2").withAlertThreshold(9));
        assertThat(catalog.findBySku("Z")).contains(renamed);
        assertThat(catalog.findBySku("Y")).isEmpty();
        assertThat(renamed.alertThreshold()).isEqualTo(9);
    }

    @Test
    void deactivate_hidesFromSearchButKeepsProduct() {
        Product p = add("X", "Aspirateur", ELEC, "10.00", "");

        catalog.deactivate(p.id());

        assertThat(catalog.search(ProductQuery.all().withText("aspi")).items()).isEmpty();
        assertThat(catalog.search(ProductQuery.all().withText("aspi").withInactive()).items()).hasSize(1);
        assertThat(catalog.require(p.id()).active()).isFalse();
        assertThat(kindOf(() -> catalog.requireActive(p.id()))).isEqualTo(ComptoirException.Kind.NOT_FOUND);
    }

    @Test
    void search_textMatchesNameDescriptionOrSkuIgnoringCase() {
        Product a = add("IP16-BLK", "iPhone", ELEC, "1.00", "");
        Product b = add("MBA", "MacBook", ELEC, "1.00", "puce M3, écran 13 pouces");
        Product c = add("CAF", "Café", FOOD, "1.00", "");

        assertThat(catalog.search(ProductQuery.all().withText("IPHONE")).items()).containsExactly(a);
        assertThat(catalog.search(ProductQuery.all().withText("Écran")).items()).containsExactly(b);
        assertThat(catalog.search(ProductQuery.all().withText("blk")).items()).containsExactly(a);
        assertThat(catalog.search(ProductQuery.all().inCategory(FOOD)).items()).containsExactly(c);
        assertThat(catalog.search(ProductQuery.all().withText("a").inCategory(ELEC)).items()).containsExactly(b);
        assertThat(catalog.searchByCategoryName("electro")).isEmpty();
        assertThat(catalog.searchByCategoryName("électro")).containsExactly(a, b);
    }

    @Test
    void search_pages_reportTotalAndOrderById() {
        for (int i = 0; i < 7; i++) {
            add("S" + i, "Produit " + i, ELEC, "1.00", "");
        }

        Page<Product> second = catalog.search(ProductQuery.all().page(2, 3));

        assertThat(second.total()).isEqualTo(7);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.items()).extracting(Product::sku).containsExactly("S3", "S4", "S5");
        assertThat(second.hasNext()).isTrue();
        assertThat(catalog.search(ProductQuery.all().page(3, 3)).items()).extracting(Product::sku).containsExactly("S6");
    }

    @Test
    void query_perPageOver100_isInvalid() {
        assertThat(kindOf(() -> ProductQuery.all().page(1, 101))).isEqualTo(ComptoirException.Kind.INVALID_INPUT);
    }

    @Test
    void categories_listedById() {
        catalog.saveCategory(new Category(CategoryId.of(2), "Vêtements", ""));

        assertThat(catalog.categories()).extracting(Category::name)
                .containsExactly("Électronique", "Vêtements", "Alimentation");
    }
}
