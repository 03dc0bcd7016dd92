package dev.comptoir.core.seed;

import dev.comptoir.saga.VirtualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.CatalogService;
import dev.comptoir.core.catalog.Product;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.inventory.InventoryService;
import dev.comptoir.core.inventory.StockLevel;
import dev.comptoir.core.location.Locations;
import dev.comptoir.core.memory.InMemoryCatalogStore;
import dev.comptoir.core.memory.InMemoryInventoryStore;
import dev.comptoir.core.money.Money;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedDataTest {
    private record World(CatalogService catalog, InventoryService inventory, SeedData.Loaded loaded) {}

    private static World load(long seed) {
        VirtualClock clock = VirtualClock.at("2026-03-02T14:00:00Z");
        CatalogService catalog = new CatalogService(new InMemoryCatalogStore(), clock);
        InventoryService inventory = new InventoryService(new InMemoryInventoryStore(), clock);
        return new World(catalog, inventory, SeedData.load(catalog, inventory, seed));
    }

    @Test
    void load_createsReferenceCatalogue() {
        World w = load(SeedData.DEFAULT_SEED);

        assertThat(w.catalog().categories()).hasSize(5);
        List<Product> products = w.loaded().products();
        assertThat(products).hasSize(18);
        assertThat(products).extracting(p -> p.id().value()).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 18).boxed().toList());
        assertThat(products.get(0).name()).isEqualTo("iPhone 16 Pro Max");
        assertThat(products.get(0).unitPrice()).isEqualTo(Money.of("1299.99"));
        assertThat(products.get(17).name()).isEqualTo("Vélo VTT");
        assertThat(products.stream().map(Product::sku).collect(Collectors.toSet())).hasSize(18);
        assertThat(products).filteredOn(p -> p.categoryId().value() == 1).hasSize(4);
        assertThat(products).filteredOn(p -> p.categoryId().value() == 5).hasSize(3);
    }

    @Test
    void load_stockRowsFollowTheReferenceRules() {
        World w = load(SeedData.DEFAULT_SEED);

        assertThat(w.loaded().stockRows()).isEqualTo(108);
        assertThat(w.inventory().allLevels()).hasSize(108);
        assertThat(w.inventory().levelsAt(Locations.LOGISTICS_CENTRE)).hasSize(18)
                .allSatisfy(l -> {
                    assertThat(l.onHand()).isEqualTo(100);
                    assertThat(l.alertThreshold()).isEqualTo(20);
                });
        for (var store : Locations.stores()) {
            assertThat(w.inventory().levelsAt(store.id())).hasSize(18).allSatisfy(l -> {
                assertThat(l.onHand()).satisfiesAnyOf(q -> assertThat(q).isBetween(0L, 2L), q -> assertThat(q).isBetween(5L, 50L));
                assertThat(l.alertThreshold()).isEqualTo(w.catalog().require(l.product()).alertThreshold());
            });
        }
        assertThat(w.inventory().levelsAt(Locations.HEAD_OFFICE)).isEmpty();
        assertThat(w.inventory().levelsAt(Locations.ECOMMERCE)).isEmpty();
        assertThat(w.inventory().verifyJournal()).isEmpty();
    }

    @Test
    void load_sameSeed_sameStock_otherSeed_otherStock() {
        List<StockLevel> a = load(42).inventory().allLevels();
        List<StockLevel> b = load(42).inventory().allLevels();
        List<StockLevel> c = load(43).inventory().allLevels();

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void storeQuantity_overManyDraws_hasShortagesAbout10Percent() {
        var random = new java.util.SplittableRandom(42);
        int shortages = 0;
        Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            int q = SeedData.storeQuantity(random);
            seen.add(q);
            if (q <= 2) {
                shortages++;
            }
        }
        assertThat(shortages).isBetween(850, 1150);
        assertThat(seen).contains(0, 2, 5, 50).doesNotContain(3, 4, 51);
    }

    @Test
    void load_twice_throwsConflict() {
        World w = load(SeedData.DEFAULT_SEED);

        assertThatThrownBy(() -> SeedData.load(w.catalog(), w.inventory(), 1))
                .isInstanceOf(ComptoirException.class);
        assertThat(w.catalog().find(ProductId.of(19))).isEmpty();
    }
}
