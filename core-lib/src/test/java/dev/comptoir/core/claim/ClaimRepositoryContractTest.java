package dev.comptoir.core.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.comptoir.core.ComptoirException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract every {@link ClaimRepository} must meet; subclass it and implement {@link #create()}. */
public abstract class ClaimRepositoryContractTest {
    protected static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    /** A fresh, empty repository. */
    protected abstract ClaimRepository create();

    private ClaimRepository repo;

    @BeforeEach
    void setUp() {
        repo = create();
    }

    static Claim claim(String customer, Instant at) {
        return Claim.open(new ClaimId(UUID.randomUUID()), NewClaim.of(customer, "product_defect", "Écran fissuré", "product_123"), at);
    }

    @Test
    void insert_newClaim_isFound() {
        Claim c = claim("customer_1", T0);

        repo.insert(c);

        assertThat(repo.find(c.claimId())).contains(c);
        assertThat(repo.find(new ClaimId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void insert_existingId_throwsConflict() {
        Claim c = claim("customer_1", T0);
        repo.insert(c);

        assertThatThrownBy(() -> repo.insert(c)).isInstanceOfSatisfying(ComptoirException.class,
                e -> assertThat(e.kind()).isEqualTo(ComptoirException.Kind.CONFLICT));
    }

    @Test
    void update_lifecycle_persistsEveryTransitionAndTimestamp() {
        Claim c = claim("customer_1", T0);
        repo.insert(c);

        repo.update(c.claimId(), x -> x.apply(new ClaimAction.Assign("agent-7"), T0.plusSeconds(1)));
        repo.update(c.claimId(), x -> x.apply(new ClaimAction.Start(), T0.plusSeconds(2)));
        Claim resolved = repo.update(c.claimId(), x -> x.apply(new ClaimAction.Resolve("Remplacé"), T0.plusSeconds(3)));

        assertThat(repo.find(c.claimId())).contains(resolved);
        assertThat(resolved.assignedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(resolved.startedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(resolved.resolvedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void update_concurrentStarts_exactlyOneSucceeds() throws Exception {
        Claim c = claim("customer_1", T0);
        repo.insert(c);
        repo.update(c.claimId(), x -> x.apply(new ClaimAction.Assign("agent"), T0));
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        int started = 0;
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        repo.update(c.claimId(), x -> x.apply(new ClaimAction.Start(), T0.plusSeconds(1)));
                        return true;
                    } catch (ComptoirException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            for (var f : futures) {
                started += f.get(60, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(started).isEqualTo(1);
        assertThat(repo.find(c.claimId()).orElseThrow().status()).isEqualTo(ClaimStatus.IN_PROGRESS);
    }

    @Test
    void update_unknownClaim_throwsNotFound() {
        assertThatThrownBy(() -> repo.update(new ClaimId(UUID.randomUUID()), x -> x))
                .isInstanceOfSatisfying(ComptoirException.class,
                        e -> assertThat(e.kind()).isEqualTo(ComptoirException.Kind.NOT_FOUND));
    }

    @Test
    void update_changeThrows_writesNothing() {
        Claim c = claim("customer_1", T0);
        repo.insert(c);

        assertThatThrownBy(() -> repo.update(c.claimId(), x -> x.apply(new ClaimAction.Close(), T0)))
                .isInstanceOf(ComptoirException.class);

        assertThat(repo.find(c.claimId())).contains(c);
    }

    @Test
    void list_filters_returnMatchingClaimsOldestFirst() {
        Claim a = claim("customer_1", T0);
        Claim b = claim("customer_2", T0.plusSeconds(1));
        Claim c = claim("customer_1", T0.plusSeconds(2));
        repo.insert(c);
        repo.insert(a);
        repo.insert(b);
        repo.update(c.claimId(), x -> x.apply(new ClaimAction.Assign("agent"), T0));

        assertThat(repo.list(null, null)).extracting(Claim::claimId).containsExactly(a.claimId(), b.claimId(), c.claimId());
        assertThat(repo.list(null, "customer_1")).extracting(Claim::claimId).containsExactly(a.claimId(), c.claimId());
        assertThat(repo.list(ClaimStatus.CREATED, "customer_1")).extracting(Claim::claimId).containsExactly(a.claimId());
    }
}
