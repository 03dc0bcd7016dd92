package dev.comptoir.core.order;

import dev.comptoir.saga.VirtualClock;
import static dev.comptoir.core.customer.Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.ComptoirException.Kind;
import dev.comptoir.core.cart.Cart;
import dev.comptoir.core.cart.CartLine;
import dev.comptoir.core.cart.SessionId;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.memory.InMemoryOrderRepository;
import dev.comptoir.core.money.Money;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OrderServiceTest {
    private static final OrderAddress SHIP = OrderAddress.of("ville", "Montréal", "code_postal", "H2X 1Y4");

    private final VirtualClock clock = VirtualClock.at("2026-01-15T10:00:00Z");
    private final OrderService orders = new OrderService(new InMemoryOrderRepository(), clock);

    private Order place(long customer, NewOrderLine... lines) {
        return orders.place(new NewOrder(CustomerId.of(customer), List.of(lines), SHIP, null, null, null, null));
    }

    private static NewOrderLine line(long product, int qty, String price) {
        return new NewOrderLine(ProductId.of(product), "Produit " + product, null, qty, Money.of(price));
    }

    @Test
    void place_referenceCart_totalsAreSubtotalPlusPolicyTaxPlusDefaultShipping() {
        Order o = place(1, line(1, 2, "25.99"), line(2, 1, "45.50"));

        assertThat(o.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(o.subtotal()).isEqualTo(Money.of("97.48"));
        assertThat(o.tax()).isEqualTo(Money.of("14.60"));
        assertThat(o.shipping()).isEqualTo(Money.of("9.99"));
        assertThat(o.total()).isEqualTo(Money.of("122.07"));
        assertThat(o.lines()).extracting(OrderLine::lineTotal).containsExactly(Money.of("51.98"), Money.of("45.50"));
        assertThat(o.billingAddress()).isEqualTo(SHIP);
        assertThat(o.orderDate()).isEqualTo(clock.instant());
    }

    @Test
    void placeFromCart_cartLines_becomeOrderLinesWithCartCustomer() {
        Cart cart = Cart.empty(SessionId.of("s"), clock.instant(), clock.instant().plusSeconds(60))
                .withLineAdded(new CartLine(ProductId.of(5), "Café Premium Bio", "CAF-1", Money.of("29.99"), 2), clock.instant())
                .withCustomer(CustomerId.of(4), clock.instant());
        OrderAddress billing = OrderAddress.of("ville", "Laval");

        Order o = orders.placeFromCart(cart, null, SHIP, billing);

        assertThat(o.customerId()).isEqualTo(CustomerId.of(4));
        assertThat(o.lines()).singleElement().satisfies(l -> {
            assertThat(l.productName()).isEqualTo("Café Premium Bio");
            assertThat(l.quantity()).isEqualTo(2);
            assertThat(l.unitPrice()).isEqualTo(Money.of("29.99"));
        });
        assertThat(o.billingAddress()).isEqualTo(billing);
    }

    @Test
    void placeFromCart_emptyCartOrNoCustomer_throwsInvalidInput() {
        Cart empty = Cart.empty(SessionId.of("s"), clock.instant(), clock.instant().plusSeconds(60));
        Cart anonymous = empty.withLineAdded(new CartLine(ProductId.of(5), "x", null, Money.of("1.00"), 1), clock.instant());

        assertThatThrownBy(() -> orders.placeFromCart(empty, CustomerId.of(1), SHIP, null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "items"));
        assertThatThrownBy(() -> orders.placeFromCart(anonymous, null, SHIP, null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "customer_id"));
    }

    @Test
    void newOrder_missingFields_throwInvalidInputNamingThem() {
        List<NewOrderLine> lines = List.of(line(1, 1, "1.00"));
        assertThatThrownBy(() -> new NewOrder(CustomerId.of(1), lines, null, null, null, null, null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "shipping_address"));
        assertThatThrownBy(() -> new NewOrder(CustomerId.of(1), List.of(), SHIP, null, null, null, null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "items"));
        assertThatThrownBy(() -> new NewOrder(CustomerId.of(1), lines, SHIP, null, Money.of("-1"), null, null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "shipping_amount"));
        assertThatThrownBy(() -> new NewOrderLine(ProductId.of(1), " ", null, 1, Money.of("1.00")))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "product_name"));
        assertThatThrownBy(() -> new NewOrderLine(ProductId.of(1), "x", null, 1, null))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "unit_price"));
        assertThatThrownBy(() -> new NewOrderLine(ProductId.of(1), "x", null, 0, Money.of("1.00")))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "quantity"));
    }

    @ParameterizedTest(name = "{0} -> {1} allowed={2}")
    @CsvSource({
            "PENDING, CONFIRMED, true", "PENDING, SHIPPED, true", "PENDING, DELIVERED, true", "PENDING, CANCELLED, true",
            "CONFIRMED, PENDING, false", "CONFIRMED, SHIPPED, true", "CONFIRMED, DELIVERED, true", "CONFIRMED, CANCELLED, true",
            "SHIPPED, PENDING, false", "SHIPPED, CONFIRMED, false", "SHIPPED, DELIVERED, true", "SHIPPED, CANCELLED, false",
            "DELIVERED, PENDING, false", "DELIVERED, SHIPPED, false", "DELIVERED, CANCELLED, false",
            "CANCELLED, PENDING, false", "CANCELLED, CONFIRMED, false", "CANCELLED, DELIVERED, false"})
    void changeStatus_transitionTable_allowsOnlyForwardMovesAndEarlyCancel(OrderStatus from, OrderStatus to, boolean allowed) {
        Order o = place(1, line(1, 1, "10.00"));
        if (from != OrderStatus.PENDING) {
            orders.changeStatus(o.id(), from);
        }

        if (allowed) {
            assertThat(orders.changeStatus(o.id(), to).status()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> orders.changeStatus(o.id(), to))
                    .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "status"));
            assertThat(orders.get(o.id()).status()).isEqualTo(from);
        }
    }

    @Test
    void cancel_shippedOrder_throwsConflict() {
        Order o = place(1, line(1, 1, "10.00"));
        orders.changeStatus(o.id(), OrderStatus.SHIPPED);

        assertThatThrownBy(() -> orders.cancel(o.id()))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "status"));
    }

    @Test
    void orderStatusParse_unknownStatus_throwsInvalidInput() {
        assertThat(OrderStatus.parse("Shipped")).isEqualTo(OrderStatus.SHIPPED);
        assertThatThrownBy(() -> OrderStatus.parse("lost"))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "status"));
    }

    @Test
    void changeItemQuantity_pendingOrder_recomputesTotals() {
        Order o = place(1, line(1, 2, "25.99"), line(2, 1, "45.50"));
        clock.advance(Duration.ofMinutes(1));

        Order u = orders.changeItemQuantity(o.id(), o.lines().get(1).id(), 3);

        assertThat(u.subtotal()).isEqualTo(Money.of("188.48"));
        assertThat(u.tax()).isEqualTo(Money.of("28.22"));
        assertThat(u.total()).isEqualTo(Money.of("226.69"));
        assertThat(u.updatedAt()).isEqualTo(clock.instant());
    }

    @Test
    void itemEdits_confirmedOrder_throwConflict() {
        Order o = place(1, line(1, 2, "25.99"), line(2, 1, "45.50"));
        orders.changeStatus(o.id(), OrderStatus.CONFIRMED);

        assertThatThrownBy(() -> orders.changeItemQuantity(o.id(), o.lines().get(0).id(), 1))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "status"));
        assertThatThrownBy(() -> orders.removeItem(o.id(), o.lines().get(0).id()))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "status"));
    }

    @Test
    void removeItem_lastItem_throwsConflictButOthersCanGo() {
        Order o = place(1, line(1, 2, "25.99"), line(2, 1, "45.50"));

        Order u = orders.removeItem(o.id(), o.lines().get(0).id());

        assertThat(u.subtotal()).isEqualTo(Money.of("45.50"));
        assertThatThrownBy(() -> orders.removeItem(o.id(), o.lines().get(1).id()))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.CONFLICT, "items"));
        assertThatThrownBy(() -> orders.removeItem(o.id(), OrderItemId.of(999)))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.NOT_FOUND, "order item"));
    }

    @Test
    void get_unknownOrOtherCustomersOrder_throwsNotFound() {
        Order o = place(1, line(1, 1, "10.00"));

        assertThat(orders.getForCustomer(o.id(), CustomerId.of(1))).isEqualTo(o);
        assertThatThrownBy(() -> orders.getForCustomer(o.id(), CustomerId.of(2)))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.NOT_FOUND, "order"));
        assertThatThrownBy(() -> orders.get(OrderId.of(77)))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.NOT_FOUND, "order"));
    }

    @Test
    void attachReferences_sagaId_isAlsoPaymentAndReservationId() {
        Order o = place(1, line(1, 1, "10.00"));

        Order u = orders.attachReferences(o.id(), OrderReferences.ofSaga("saga-9"));

        assertThat(u.references()).isEqualTo(new OrderReferences("saga-9", "saga-9", "saga-9"));
    }

    @Test
    void analytics_lastDays_countsStatusesAndRevenueWithoutCancelled() {
        Order old = place(1, line(1, 1, "100.00"));
        clock.advance(Duration.ofDays(40));
        Order a = place(1, line(1, 2, "25.99"), line(2, 1, "45.50"));
        Order b = place(2, line(1, 1, "10.00"));
        Order c = place(1, line(3, 1, "50.00"));
        orders.cancel(c.id());
        orders.changeStatus(b.id(), OrderStatus.SHIPPED);

        OrderAnalytics all = orders.analytics(null, 30);
        OrderAnalytics one = orders.analytics(CustomerId.of(1), 30);

        assertThat(all.totalOrders()).isEqualTo(3);
        assertThat(all.totalRevenue()).isEqualTo(a.total().plus(b.total()));
        assertThat(all.averageOrderValue()).isEqualTo(Money.of("71.78"));
        assertThat(all.statusBreakdown()).containsEntry(OrderStatus.PENDING, 1L).containsEntry(OrderStatus.SHIPPED, 1L)
                .containsEntry(OrderStatus.CANCELLED, 1L).containsEntry(OrderStatus.DELIVERED, 0L);
        assertThat(one.totalOrders()).isEqualTo(2);
        assertThat(orders.analytics(null, 60).totalOrders()).isEqualTo(4);
        assertThat(old.id()).isNotNull();
    }

    @Test
    void topProducts_lastDays_rankByQuantityIgnoringCancelled() {
        place(1, line(1, 2, "25.99"), line(2, 1, "45.50"));
        place(2, line(2, 3, "45.50"));
        Order cancelled = place(3, line(1, 10, "25.99"));
        orders.cancel(cancelled.id());

        List<TopProduct> top = orders.topProducts(10, 30);

        assertThat(top).extracting(TopProduct::productId).containsExactly(ProductId.of(2), ProductId.of(1));
        assertThat(top.get(0)).isEqualTo(new TopProduct(ProductId.of(2), "Produit 2", 4, Money.of("182.00"), 2));
        assertThat(top.get(1).totalQuantity()).isEqualTo(2);
        assertThat(orders.topProducts(1, 30)).hasSize(1);
        assertThatThrownBy(() -> orders.topProducts(0, 30))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "limit"));
    }

    @Test
    void orderQuery_badPaging_throwsInvalidInput() {
        assertThatThrownBy(() -> new OrderQuery(null, null, 1, 101))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "per_page"));
        assertThatThrownBy(() -> new OrderQuery(null, null, 0, 10))
                .isInstanceOfSatisfying(ComptoirException.class, failure(Kind.INVALID_INPUT, "page"));
    }
}
