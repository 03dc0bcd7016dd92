package dev.comptoir.core.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.claim.Claim;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.ClaimType;
import dev.comptoir.core.claim.NewClaim;
import dev.comptoir.core.claimsourcing.ClaimReadModel;
import dev.comptoir.core.claimsourcing.ClaimsModule;
import dev.comptoir.core.claimsourcing.ClaimsProjection;
import dev.comptoir.core.refund.RefundStatus;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.projection.CheckResult;
import dev.comptoir.eventstore.projection.InMemoryProjectionRunner;
import dev.comptoir.eventstore.projection.Projections;
import dev.comptoir.saga.VirtualClock;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Claims, refund saga and claims read models with the event store, inbox and projection on PostgreSQL. */
class PgClaimViewTest {
    private static TestDatabase db;
    private static EventStore store;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.create("claimview", 6);
        store = PgClaimViewModule.eventStore(db.database());
    }

    @AfterAll
    static void tearDown() {
        store.close();
        db.close();
    }

    @Test
    void lifecyclesAndRefunds_onPostgres_projectionEqualsRebuildAndInMemoryRules() {
        VirtualClock clock = VirtualClock.at("2026-11-25T10:00:00Z");
        ClaimsModule m = PgClaimViewModule.builder(db.database(), store).clock(clock).random(new SplittableRandom(8)).build();
        SplittableRandom r = new SplittableRandom(2);
        ClaimId refunded = null; // the first claim is resolved and refunded
        for (int i = 0; i < 15; i++) {
            clock.advance(Duration.ofSeconds(2));
            Claim c = m.claims().create(new NewClaim("customer_" + r.nextInt(4), ClaimType.values()[r.nextInt(4)], "d",
                    "product_123"), null);
            int depth = i == 0 ? 3 : r.nextInt(5);
            if (depth > 0) {
                m.claims().assign(c.claimId(), "agent_" + r.nextInt(2), null);
            }
            if (depth > 0 && i % 5 == 0) {
                m.claims().assign(c.claimId(), "agent_9", null);
            }
            if (depth > 1) {
                m.claims().start(c.claimId(), null);
            }
            if (depth > 2) {
                m.claims().resolve(c.claimId(), "ok", null);
            }
            if (i == 0) {
                m.claims().requestRefund(c.claimId(), "pg-refund-0");
                refunded = c.claimId();
            } else if (depth > 3) {
                m.claims().close(c.claimId(), null);
            }
        }

        // "read all" trails commits while any older write transaction of the cluster still runs (ADR
        // 0001), e.g. another suite on the same server: poll until the refund saga has gone through
        ClaimId claim = refunded;
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            m.runUntilIdle();
            return m.notifications().all().stream().anyMatch(n -> n.eventType().equals("StockMisAJour"))
                    && m.refunds().findByClaim(claim).map(x -> x.status() == RefundStatus.COMPLETED).orElse(false);
        });

        assertThat(m.refunds().findByClaim(refunded).orElseThrow().status()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(m.adjustments().findByClaim(refunded.toString()).orElseThrow().status()).isEqualTo("completed");
        String refundedId = refunded.toString();
        assertThat(m.audit().byAggregate(refundedId)).hasSize(5) // created, assigned twice, started, resolved
                .allSatisfy(a -> assertThat(a.eventData()).containsEntry("claim_id", refundedId));
        assertThat(m.notifications().all()).filteredOn(n -> n.eventType().equals("StockMisAJour")).hasSize(1);
        assertThat(m.projection().check()).isInstanceOf(CheckResult.Consistent.class);
        InMemoryProjectionRunner<ClaimReadModel> memory = Projections.inMemory(store,
                new ClaimsProjection(m.serializer()), ClaimReadModel::new, clock);
        memory.runUntilIdle();
        String schema = PgClaimViewModule.eventSchema(db.database());
        Map<String, Long> active = db.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT customer_id, active_claims FROM " + schema + ".customer_stats_read_models")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(active).hasSize(memory.readModel().customerStats().size());
        memory.readModel().customerStats().forEach((k, v) -> assertThat(active.get(k)).as(k).isEqualTo(v.activeClaims()));
        Long assignedTotal = db.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT sum(total_assigned_claims) FROM " + schema + ".agent_stats_read_models").mapTo(Long.class).one());
        assertThat(assignedTotal).isEqualTo(memory.readModel().agentStats().values().stream()
                .mapToLong(a -> a.totalAssignedClaims()).sum());
        m.projection().rebuild((done, total) -> { });
        assertThat(m.projection().check()).isInstanceOf(CheckResult.Consistent.class);
    }
}
