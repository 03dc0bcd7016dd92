package dev.comptoir.core.cart;

import dev.comptoir.saga.VirtualClock;
import static dev.comptoir.core.customer.Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.ComptoirException.Kind;
import dev.comptoir.core.catalog.CategoryId;
import dev.comptoir.core.catalog.Product;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.memory.InMemoryCartRepository;
import dev.comptoir.core.money.Money;
import dev.comptoir.core.money.Province;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CartServiceTest {
    private static final SessionId S = SessionId.of("sess-42");
    private static final Product IPHONE = new Product(ProductId.of(1), "IP16PM-256-BLK", "iPhone 16 Pro Max",
            CategoryId.of(1), Money.of("1299.99"), "", 5, true);
    private static final Product RETIRED = new Product(ProductId.of(9), "OLD-1", "Vieux produit",
            CategoryId.of(1), Money.of("5.00"), "", 5, false);

    private final VirtualClock clock = VirtualClock.at("2026-01-15T10:00:00Z");
    private final InMemoryCartRepository repo = new InMemoryCartRepository();
    private final Map<ProductId, Product> catalogue = Map.of(IPHONE.id(), IPHONE, RETIRED.id(), RETIRED);
    private final CartService carts = new CartService(repo, id -> Optional.ofNullable(catalogue.get(id)), clock);

    @Test
    void totals_referenceExample_matchesTheSingleTaxPolicy() {
        carts.addItem(S, ProductId.of(11), 2, Money.of("25.99"));
        carts.addItem(S, ProductId.of(12), 1, Money.of("45.50"));

        CartTotals t = carts.totals(S, Province.QC);

        assertThat(t.totalItems()).isEqualTo(3);
        assertThat(t.subtotal()).isEqualTo(Money.of("97.48"));
        assertThat(t.tax()).isEqualTo(Money.of("14.60"));
        assertThat(t.finalAmount()).isEqualTo(Money.of("112.08"));
        assertThat(t.gst()).isEqualTo(Money.of("4.87"));
        assertThat(t.qst()).isEqualTo(Money.of("9.73"));
    }

    @Test
    void totals_otherProvince_usesItsRate() {
        carts.addItem(S, ProductId.of(11), 1, Money.of("100.00"));

        CartTotals on = carts.totals(S, Province.ON);

        assertThat(on.tax()).isEqualTo(Money.of("13.00"));
        assertThat(on.finalAmount()).isEqualTo(Money.of("113.00"));
    }

    @Test
    void get_absentCart_createsAndStoresEmptyCartExpiringIn24h() {
        Cart c = carts.get(S);

        assertThat(c.isEmpty()).isTrue();
        assertThat(c.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(repo.find(S)).contains(c);
    }

    @Test
    void addItem_sameProductTwice_incrementsTheLine() {
        carts.addItem(S, ProductId.of(11), 2, Money.of("25.99"));
        Cart c = carts.addItem(S, ProductId.of(11), 3, Money.of("25.99"));

        assertThat(c.lines()).hasSize(1);
        assertThat(c.lines().get(0).quantity()).isEqualTo(5);
        assertThat(c.lines().get(0).subtotal()).isEqualTo(Money.of("129.95"));
    }

    @Test
    void addItem_explicitPrice_namesLineAfterProductIdWithoutSku() {
        CartLine l = carts.addItem(S, ProductId.of(77), 1, Money.of("9.99")).lines().get(0);

        assertThat(l.productName()).isEqualTo("Produit 77");
        assertThat(l.sku()).isNull();
    }

    @Test
    void addItem_catalogueProduct_takesNameSkuAndPriceFromCatalogue() {
        CartLine l = carts.addItem(S, IPHONE.id(), 1).lines().get(0);

        assertThat(l.productName()).isEqualTo("iPhone 16 Pro Max");
        assertThat(l.sku()).isEqualTo("IP16PM-256-BLK");
        assertThat(l.unitPrice()).isEqualTo(Money.of("1299.99"));
    }

    @Test
    void addItem_unknownOrInactiveProduct_throwsInvalidInputAndWritesNothing() {
        assertThatThrownBy(() -> carts.addItem(S, ProductId.of(404), 1))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "product_id"))
                .hasMessageContaining("Produit 404 introuvable");
        assertThatThrownBy(() -> carts.addItem(S, RETIRED.id(), 1))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "product_id"));
        assertThat(repo.find(S)).isEmpty();
    }

    @Test
    void addItem_badQuantityOrPrice_throwsInvalidInput() {
        assertThatThrownBy(() -> carts.addItem(S, ProductId.of(1), 0, Money.of("1.00")))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "quantity"));
        assertThatThrownBy(() -> carts.addItem(S, ProductId.of(1), -2))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "quantity"));
        assertThatThrownBy(() -> carts.addItem(S, ProductId.of(1), 1, Money.of("0.00")))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "price"));
    }

    @Test
    void changeQuantity_existingLine_setsIt() {
        carts.addItem(S, ProductId.of(11), 2, Money.of("25.99"));

        Cart c = carts.changeQuantity(S, ProductId.of(11), 7);

        assertThat(c.totalItems()).isEqualTo(7);
        assertThatThrownBy(() -> carts.changeQuantity(S, ProductId.of(11), 0))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "quantity"));
    }

    @Test
    void changeQuantityOrRemove_absentLineOrCart_throwsNotFound() {
        assertThatThrownBy(() -> carts.changeQuantity(S, ProductId.of(11), 1))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.NOT_FOUND, "cart"));
        carts.addItem(S, ProductId.of(11), 2, Money.of("25.99"));
        assertThatThrownBy(() -> carts.removeItem(S, ProductId.of(12)))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.NOT_FOUND, "cart item"));
    }

    @Test
    void removeItem_existingLine_removesIt() {
        carts.addItem(S, ProductId.of(11), 2, Money.of("25.99"));
        carts.addItem(S, ProductId.of(12), 1, Money.of("45.50"));

        Cart c = carts.removeItem(S, ProductId.of(11));

        assertThat(c.lines()).extracting(CartLine::productId).containsExactly(ProductId.of(12));
        assertThat(c.subtotal()).isEqualTo(Money.of("45.50"));
    }

    @Test
    void clear_existingCart_deletesItThenNotFound() {
        carts.addItem(S, ProductId.of(11), 2, Money.of("25.99"));

        carts.clear(S);

        assertThat(carts.find(S)).isEmpty();
        assertThatThrownBy(() -> carts.clear(S))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.NOT_FOUND, "cart"));
    }

    @Test
    void associateCustomer_existingCart_recordsCustomer() {
        carts.get(S);

        assertThat(carts.associateCustomer(S, CustomerId.of(3)).customerId()).isEqualTo(CustomerId.of(3));
        assertThatThrownBy(() -> carts.associateCustomer(SessionId.of("none"), CustomerId.of(3)))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.NOT_FOUND, "cart"));
    }

    @Test
    void get_afterTtl_givesFreshEmptyCart() {
        carts.addItem(S, ProductId.of(11), 2, Money.of("25.99"));
        clock.advance(Duration.ofHours(24));

        assertThat(carts.find(S)).isEmpty();
        Cart c = carts.get(S);

        assertThat(c.isEmpty()).isTrue();
        assertThat(c.createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void extend_liveCart_movesExpiryFromNow() {
        carts.addItem(S, ProductId.of(11), 1, Money.of("25.99"));
        clock.advance(Duration.ofHours(23));

        Cart c = carts.extend(S, Duration.ofHours(24));
        clock.advance(Duration.ofHours(2));

        assertThat(c.expiresAt()).isEqualTo(clock.instant().minus(Duration.ofHours(2)).plus(Duration.ofHours(24)));
        assertThat(carts.find(S)).isPresent();
        assertThatThrownBy(() -> carts.extend(S, Duration.ZERO))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "hours"));
    }

    @Test
    void purgeExpired_mixedCarts_deletesOnlyExpiredOnes() {
        carts.addItem(SessionId.of("old"), ProductId.of(11), 1, Money.of("1.00"));
        clock.advance(Duration.ofHours(12));
        carts.addItem(SessionId.of("new"), ProductId.of(11), 1, Money.of("1.00"));
        clock.advance(Duration.ofHours(13));

        assertThat(carts.activeCarts()).isEqualTo(1);
        assertThat(carts.purgeExpired()).isEqualTo(1);
        assertThat(repo.find(SessionId.of("old"))).isEmpty();
        assertThat(repo.find(SessionId.of("new"))).isPresent();
    }

    @Test
    void sessionId_blankOrWithSpaces_isInvalid() {
        assertThatThrownBy(() -> SessionId.of(" "))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "session_id"));
        assertThatThrownBy(() -> SessionId.of("a b"))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "session_id"));
    }
}
