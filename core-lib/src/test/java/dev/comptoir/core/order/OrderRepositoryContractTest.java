package dev.comptoir.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.money.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link OrderRepository} must meet; subclass it and implement {@link #create()}. */
public abstract class OrderRepositoryContractTest {
    protected static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    /** A fresh, empty repository. */
    protected abstract OrderRepository create();

    private OrderRepository repo;

    @BeforeEach
    void setUp() {
        repo = create();
    }

    protected static NewOrder order(long customer, String... pricesAndQuantities) {
        List<NewOrderLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < pricesAndQuantities.length; i += 2) {
            lines.add(new NewOrderLine(ProductId.of(i / 2 + 1), "Produit " + (i / 2 + 1), i == 0 ? "desc" : null,
                    Integer.parseInt(pricesAndQuantities[i + 1]), Money.of(pricesAndQuantities[i])));
        }
        return new NewOrder(CustomerId.of(customer), lines, OrderAddress.of("ville", "Montréal", "code_postal", "H2X 1Y4"),
                null, null, null, null);
    }

    @Test
    void insert_newOrder_assignsIdsAndStoresPendingOrder() {
        Order o = repo.insert(order(1, "29.99", "2", "19.99", "1"), T0);

        assertThat(o.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(o.lines()).extracting(l -> l.id().value()).doesNotHaveDuplicates();
        assertThat(o.billingAddress()).isEqualTo(o.shippingAddress());
        assertThat(repo.find(o.id())).contains(o);
    }

    @Test
    void insert_twoOrders_getDistinctIds() {
        Order a = repo.insert(order(1, "10.00", "1"), T0);
        Order b = repo.insert(order(1, "10.00", "1"), T0);

        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void update_statusAndReferences_arePersisted() {
        Order o = repo.insert(order(1, "10.00", "1"), T0);

        Order updated = repo.update(o.id(), x -> x.movedTo(OrderStatus.CONFIRMED, T0.plusSeconds(5))
                .withReferences(OrderReferences.ofSaga("saga-1"), T0.plusSeconds(5)));

        assertThat(repo.find(o.id())).contains(updated);
        assertThat(updated.references().paymentTransactionId()).isEqualTo("saga-1");
    }

    @Test
    void update_itemEdits_arePersistedWithNewTotals() {
        Order o = repo.insert(order(1, "29.99", "2", "19.99", "1", "5.00", "3"), T0);
        OrderItemId first = o.lines().get(0).id();
        OrderItemId last = o.lines().get(2).id();

        Order updated = repo.update(o.id(), x -> x.withItemQuantity(first, 5, T0).withoutItem(last, T0));

        Order stored = repo.find(o.id()).orElseThrow();
        assertThat(stored).isEqualTo(updated);
        assertThat(stored.lines()).hasSize(2);
        assertThat(stored.subtotal()).isEqualTo(Money.of("169.94"));
    }

    @Test
    void update_concurrentItemIncrements_loseNoUpdate() throws Exception {
        Order o = repo.insert(order(1, "10.00", "1", "5.00", "1"), T0);
        OrderItemId item = o.lines().get(0).id();
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return repo.update(o.id(), x -> x.withItemQuantity(item, x.line(item).quantity() + 1, T0));
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Order stored = repo.find(o.id()).orElseThrow();
        assertThat(stored.line(item).quantity()).isEqualTo(1 + threads);
        assertThat(stored.subtotal()).isEqualTo(Money.of("95.00"));
    }

    @Test
    void update_unknownOrder_throwsNotFound() {
        assertThatThrownBy(() -> repo.update(OrderId.of(999_999), x -> x))
                .isInstanceOfSatisfying(ComptoirException.class,
                        e -> assertThat(e.kind()).isEqualTo(ComptoirException.Kind.NOT_FOUND));
    }

    @Test
    void update_changeThrows_writesNothing() {
        Order o = repo.insert(order(1, "10.00", "1"), T0);
        repo.update(o.id(), x -> x.movedTo(OrderStatus.CANCELLED, T0));

        assertThatThrownBy(() -> repo.update(o.id(), x -> x.movedTo(OrderStatus.SHIPPED, T0)))
                .isInstanceOf(ComptoirException.class);

        assertThat(repo.find(o.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void list_filtersAndPages_newestFirst() {
        Order a = repo.insert(order(1, "10.00", "1"), T0);
        Order b = repo.insert(order(2, "10.00", "1"), T0.plusSeconds(10));
        Order c = repo.insert(order(1, "10.00", "1"), T0.plusSeconds(20));
        Order d = repo.insert(order(1, "10.00", "1"), T0.plusSeconds(30));
        repo.update(d.id(), x -> x.movedTo(OrderStatus.CONFIRMED, T0));

        OrderPage all = repo.list(new OrderQuery(null, null, 1, 10));
        OrderPage customer1Page1 = repo.list(new OrderQuery(CustomerId.of(1), null, 1, 2));
        OrderPage customer1Page2 = repo.list(new OrderQuery(CustomerId.of(1), null, 2, 2));
        OrderPage pending1 = repo.list(new OrderQuery(CustomerId.of(1), OrderStatus.PENDING, 1, 10));

        assertThat(all.orders()).extracting(Order::id).containsExactly(d.id(), c.id(), b.id(), a.id());
        assertThat(customer1Page1.orders()).extracting(Order::id).containsExactly(d.id(), c.id());
        assertThat(customer1Page1.total()).isEqualTo(3);
        assertThat(customer1Page1.pages()).isEqualTo(2);
        assertThat(customer1Page2.orders()).extracting(Order::id).containsExactly(a.id());
        assertThat(pending1.orders()).extracting(Order::id).containsExactly(c.id(), a.id());
    }

    @Test
    void placedBetween_range_isHalfOpenAndFiltersCustomer() {
        Order before = repo.insert(order(1, "10.00", "1"), T0.minusSeconds(1));
        Order atStart = repo.insert(order(1, "10.00", "1"), T0);
        Order otherCustomer = repo.insert(order(2, "10.00", "1"), T0.plusSeconds(5));
        Order atEnd = repo.insert(order(1, "10.00", "1"), T0.plusSeconds(10));

        assertThat(repo.placedBetween(T0, T0.plusSeconds(10), null)).extracting(Order::id)
                .containsExactly(atStart.id(), otherCustomer.id());
        assertThat(repo.placedBetween(T0, T0.plusSeconds(11), CustomerId.of(1))).extracting(Order::id)
                .containsExactly(atStart.id(), atEnd.id())
                .doesNotContain(before.id());
    }
}
