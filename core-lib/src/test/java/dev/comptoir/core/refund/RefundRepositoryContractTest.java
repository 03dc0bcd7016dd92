package dev.comptoir.core.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.ClaimType;
import dev.comptoir.core.money.Money;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link RefundRepository} must meet; subclass it and implement {@link #create()}. */
public abstract class RefundRepositoryContractTest {
    protected static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    /** A fresh, empty repository. */
    protected abstract RefundRepository create();

    private RefundRepository repo;

    @BeforeEach
    void setUp() {
        repo = create();
    }

    static ClaimRefund processing(ClaimId claim, String correlation) {
        return new ClaimRefund(claim, correlation, "customer_1", "product_123", ClaimType.PRODUCT_DEFECT, null,
                RefundStatus.PROCESSING, null, T0, T0);
    }

    @Test
    void insertIfAbsent_newRefund_storesItUnderClaimAndCorrelation() {
        ClaimRefund r = processing(new ClaimId(UUID.randomUUID()), "corr-1");

        assertThat(repo.insertIfAbsent(r)).isEmpty();

        assertThat(repo.findByClaim(r.claimId())).contains(r);
        assertThat(repo.findByCorrelation("corr-1")).contains(r);
    }

    @Test
    void insertIfAbsent_sameClaim_returnsExistingAndKeepsIt() {
        ClaimId claim = new ClaimId(UUID.randomUUID());
        ClaimRefund first = processing(claim, "corr-1");
        repo.insertIfAbsent(first);

        assertThat(repo.insertIfAbsent(processing(claim, "corr-2"))).contains(first);
        assertThat(repo.findByCorrelation("corr-2")).isEmpty();
    }

    @Test
    void insertIfAbsent_sameCorrelationOtherClaim_returnsTheHolder() {
        ClaimRefund first = processing(new ClaimId(UUID.randomUUID()), "corr-1");
        repo.insertIfAbsent(first);
        ClaimId other = new ClaimId(UUID.randomUUID());

        assertThat(repo.insertIfAbsent(processing(other, "corr-1"))).contains(first);
        assertThat(repo.findByClaim(other)).isEmpty();
    }

    @Test
    void insertIfAbsent_concurrentSameClaim_storesExactlyOne() throws Exception {
        ClaimId claim = new ClaimId(UUID.randomUUID());
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> stored = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String corr = "corr-" + i;
                stored.add(pool.submit(() -> {
                    start.await();
                    return repo.insertIfAbsent(processing(claim, corr)).isEmpty();
                }));
            }
            start.countDown();
            int winners = 0;
            for (var f : stored) {
                winners += f.get(30, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(repo.stats().totalProcessing()).isEqualTo(1);
    }

    @Test
    void update_calculatedAndCompleted_isPersisted() {
        ClaimRefund r = processing(new ClaimId(UUID.randomUUID()), "corr-1");
        repo.insertIfAbsent(r);

        ClaimRefund done = repo.update(r.claimId(), x -> x.calculated(Money.of("49.99"), T0.plusSeconds(1))
                .movedTo(RefundStatus.COMPLETED, null, T0.plusSeconds(2)));

        assertThat(repo.findByClaim(r.claimId())).contains(done);
        assertThat(done.amount()).isEqualTo(Money.of("49.99"));
    }

    @Test
    void update_unknownClaim_throwsNotFound() {
        assertThatThrownBy(() -> repo.update(new ClaimId(UUID.randomUUID()), x -> x))
                .isInstanceOfSatisfying(ComptoirException.class,
                        e -> assertThat(e.kind()).isEqualTo(ComptoirException.Kind.NOT_FOUND));
    }

    @Test
    void stats_refundsInEveryState_countsPerStatus() {
        for (RefundStatus s : new RefundStatus[] {RefundStatus.PROCESSING, RefundStatus.COMPLETED, RefundStatus.COMPLETED,
                RefundStatus.FAILED}) {
            ClaimRefund r = processing(new ClaimId(UUID.randomUUID()), UUID.randomUUID().toString());
            repo.insertIfAbsent(r);
            if (s != RefundStatus.PROCESSING) {
                repo.update(r.claimId(), x -> (s == RefundStatus.COMPLETED ? x.calculated(Money.of("1.00"), T0) : x)
                        .movedTo(s, "r", T0));
            }
        }

        assertThat(repo.stats()).isEqualTo(new RefundStats(1, 2, 1, 0));
    }
}
