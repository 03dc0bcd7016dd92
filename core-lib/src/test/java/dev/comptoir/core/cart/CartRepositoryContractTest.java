package dev.comptoir.core.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.catalog.ProductId;
import dev.comptoir.core.customer.CustomerId;
import dev.comptoir.core.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link CartRepository} must meet; subclass it and implement {@link #create()}. */
public abstract class CartRepositoryContractTest {
    protected static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
    private static final SessionId S = SessionId.of("sess-1");

    /** A fresh, empty repository. */
    protected abstract CartRepository create();

    private CartRepository repo;

    @BeforeEach
    void setUp() {
        repo = create();
    }

    private static Cart empty(SessionId id, Instant expires) {
        return Cart.empty(id, T0, expires);
    }

    private static CartLine line(long product, int qty) {
        return new CartLine(ProductId.of(product), "Produit " + product, product % 2 == 0 ? null : "SKU-" + product,
                Money.of("25.99"), qty);
    }

    @Test
    void find_unknownSession_isEmpty() {
        assertThat(repo.find(SessionId.of("nobody"))).isEmpty();
    }

    @Test
    void compute_absentCart_storesWhatTheChangeReturns() {
        Cart created = repo.compute(S, current -> {
            assertThat(current).isEmpty();
            return empty(S, T0.plus(Duration.ofHours(24))).withLineAdded(line(1, 2), T0);
        });

        assertThat(repo.find(S)).contains(created);
    }

    @Test
    void compute_existingCart_replacesLinesCustomerAndExpiry() {
        repo.compute(S, c -> empty(S, T0.plusSeconds(60)).withLineAdded(line(1, 1), T0).withLineAdded(line(2, 1), T0));
        Instant later = T0.plusSeconds(30);

        Cart updated = repo.compute(S, c -> c.orElseThrow()
                .withoutLine(ProductId.of(1), later)
                .withLineAdded(line(3, 4), later)
                .withQuantity(ProductId.of(2), 7, later)
                .withCustomer(CustomerId.of(9), later)
                .withExpiry(later.plusSeconds(600), later));

        Cart stored = repo.find(S).orElseThrow();
        assertThat(stored).isEqualTo(updated);
        assertThat(stored.lines()).extracting(l -> l.productId().value()).containsExactly(2L, 3L);
        assertThat(stored.customerId()).isEqualTo(CustomerId.of(9));
    }

    @Test
    void compute_changeThrows_writesNothing() {
        Cart original = repo.compute(S, c -> empty(S, T0.plusSeconds(60)).withLineAdded(line(1, 1), T0));

        assertThatThrownBy(() -> repo.compute(S, c -> {
            throw new IllegalStateException("boom");
        })).hasMessageContaining("boom");
        assertThatThrownBy(() -> repo.compute(SessionId.of("other"), c -> {
            throw new IllegalStateException("boom");
        })).hasMessageContaining("boom");

        assertThat(repo.find(S)).contains(original);
        assertThat(repo.find(SessionId.of("other"))).isEmpty();
    }

    @Test
    void compute_concurrentIncrements_loseNoUpdate() throws Exception {
        repo.compute(S, c -> empty(S, T0.plusSeconds(3600)));
        int threads = 8;
        int perThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        repo.compute(S, c -> c.orElseThrow().withLineAdded(line(1, 1), T0));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(repo.find(S).orElseThrow().line(ProductId.of(1)).orElseThrow().quantity()).isEqualTo(threads * perThread);
    }

    @Test
    void compute_concurrentCreations_keepOneCartWithEveryLine() throws Exception {
        SessionId fresh = SessionId.of("fresh");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long product = t + 1;
                futures.add(pool.submit(() -> {
                    start.await();
                    repo.compute(fresh, c -> c.orElseGet(() -> empty(fresh, T0.plusSeconds(60))).withLineAdded(line(product, 1), T0));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(repo.find(fresh).orElseThrow().lines()).hasSize(threads);
    }

    @Test
    void delete_existingCart_trueThenFalse() {
        repo.compute(S, c -> empty(S, T0.plusSeconds(60)).withLineAdded(line(1, 1), T0));

        assertThat(repo.delete(S)).isTrue();
        assertThat(repo.delete(S)).isFalse();
        assertThat(repo.find(S)).isEqualTo(Optional.empty());
    }

    @Test
    void deleteExpired_mixedCarts_removesOnlyExpiredOnes() {
        repo.compute(SessionId.of("old"), c -> empty(SessionId.of("old"), T0.plusSeconds(10)).withLineAdded(line(1, 1), T0));
        repo.compute(SessionId.of("edge"), c -> empty(SessionId.of("edge"), T0.plusSeconds(20)));
        repo.compute(SessionId.of("young"), c -> empty(SessionId.of("young"), T0.plusSeconds(30)));
        Instant now = T0.plusSeconds(20);

        assertThat(repo.countActive(now)).isEqualTo(1);
        assertThat(repo.deleteExpired(now)).isEqualTo(2);

        assertThat(repo.find(SessionId.of("old"))).isEmpty();
        assertThat(repo.find(SessionId.of("edge"))).isEmpty();
        assertThat(repo.find(SessionId.of("young"))).isPresent();
    }
}
