package dev.comptoir.core.claimsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.claim.Claim;
import dev.comptoir.core.claim.ClaimId;
import dev.comptoir.core.claim.ClaimType;
import dev.comptoir.core.claim.NewClaim;
import dev.comptoir.eventstore.EventStore;
import dev.comptoir.eventstore.projection.CheckResult;
import dev.comptoir.eventstore.projection.InMemoryProjectionRunner;
import dev.comptoir.eventstore.projection.Projections;
import dev.comptoir.saga.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClaimReadModelTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final ClaimReadModel model = new ClaimReadModel();

    private void created(String id, String customer, String type, Instant at) {
        model.apply(new ClaimEvent.ReclamationCreee(id, customer, type, "d", null, at), at);
    }

    @Test
    void apply_created_countsCustomerAndTypeTotals() {
        created("c1", "cust", "product_defect", T0);
        created("c2", "cust", "billing_error", T0.plusSeconds(5));

        assertThat(model.claim("c1").status()).isEqualTo("created");
        assertThat(model.customerStats().get("cust")).satisfies(s -> {
            assertThat(s.totalClaims()).isEqualTo(2);
            assertThat(s.activeClaims()).isEqualTo(2);
            assertThat(s.lastClaimDate()).isEqualTo(T0.plusSeconds(5));
        });
        assertThat(model.claimTypeStats().get("product_defect").createdClaims()).isEqualTo(1);
        assertThat(model.claimTypeStats().get("billing_error").totalClaims()).isEqualTo(1);
    }

    @Test
    void apply_fullLifecycle_movesEveryCounter() {
        created("c1", "cust", "product_defect", T0);
        model.apply(new ClaimEvent.ReclamationAffectee("c1", "agent", T0.plusSeconds(1)), T0.plusSeconds(1));
        assertThat(model.agentStats().get("agent").activeClaims()).isEqualTo(1);
        assertThat(model.claimTypeStats().get("product_defect").assignedClaims()).isEqualTo(1);
        assertThat(model.claimTypeStats().get("product_defect").createdClaims()).isZero();
        model.apply(new ClaimEvent.ReclamationEnCours("c1", T0.plusSeconds(2)), T0.plusSeconds(2));
        assertThat(model.claimTypeStats().get("product_defect").inProgressClaims()).isEqualTo(1);
        model.apply(new ClaimEvent.ReclamationResolue("c1", "ok", T0.plusSeconds(3)), T0.plusSeconds(3));
        assertThat(model.customerStats().get("cust").activeClaims()).isZero();
        assertThat(model.customerStats().get("cust").resolvedClaims()).isEqualTo(1);
        assertThat(model.agentStats().get("agent").resolvedClaims()).isEqualTo(1);
        assertThat(model.agentStats().get("agent").activeClaims()).isZero();
        model.apply(new ClaimEvent.ReclamationCloturee("c1", T0.plusSeconds(4)), T0.plusSeconds(4));

        ClaimRow row = model.claim("c1");
        assertThat(row.status()).isEqualTo("closed");
        assertThat(row.closedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(row.updatedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(model.customerStats().get("cust").resolvedClaims()).isZero();
        assertThat(model.customerStats().get("cust").closedClaims()).isEqualTo(1);
        ClaimStatsRows.ClaimType t = model.claimTypeStats().get("product_defect");
        assertThat(new long[] {t.createdClaims(), t.assignedClaims(), t.inProgressClaims(), t.resolvedClaims(),
                t.closedClaims()}).containsExactly(0, 0, 0, 0, 1);
    }

    @Test
    void apply_reassignment_movesAgentActiveCountAndNeverGoesNegative() {
        created("c1", "cust", "delivery_issue", T0);
        model.apply(new ClaimEvent.ReclamationAffectee("c1", "a1", T0), T0);
        model.apply(new ClaimEvent.ReclamationAffectee("c1", "a2", T0.plusSeconds(1)), T0.plusSeconds(1));
        model.apply(new ClaimEvent.ReclamationAffectee("c1", "a2", T0.plusSeconds(2)), T0.plusSeconds(2));

        assertThat(model.agentStats().get("a1").activeClaims()).isZero();
        assertThat(model.agentStats().get("a1").totalAssignedClaims()).isEqualTo(1);
        assertThat(model.agentStats().get("a2").activeClaims()).isEqualTo(1);
        assertThat(model.agentStats().get("a2").totalAssignedClaims()).isEqualTo(1);
        assertThat(model.claimTypeStats().get("delivery_issue").assignedClaims()).isEqualTo(1);
        assertThat(model.claimTypeStats().get("delivery_issue").createdClaims()).isZero();
    }

    @Test
    void apply_resolveWithoutAgent_floorsDecrementsAtZero() {
        created("c1", "cust", "billing_error", T0);
        model.apply(new ClaimEvent.ReclamationResolue("c1", "ok", T0), T0);   // skipped states: counters floor at 0
        model.apply(new ClaimEvent.ReclamationCloturee("c1", T0), T0);
        model.apply(new ClaimEvent.ReclamationCloturee("c1", T0), T0);

        ClaimStatsRows.Customer c = model.customerStats().get("cust");
        assertThat(c.activeClaims()).isZero();
        assertThat(c.resolvedClaims()).isZero();
        assertThat(c.closedClaims()).isEqualTo(1);
        assertThat(model.claimTypeStats().get("billing_error").resolvedClaims()).isZero();
        assertThat(model.claimTypeStats().get("billing_error").createdClaims()).isZero();
        assertThat(model.agentStats()).isEmpty();
    }

    @Test
    void projection_afterManyCommands_equalsFreshReplay() {
        VirtualClock clock = VirtualClock.at("2026-11-25T10:00:00Z");
        EventStore store = EventStore.inMemory(clock);
        EventSourcedClaims claims = new EventSourcedClaims(store, clock, new SplittableRandom(9));
        InMemoryProjectionRunner<ClaimReadModel> runner = Projections.inMemory(store,
                new ClaimsProjection(claims.serializer()), ClaimReadModel::new, clock);
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofSeconds(1));
            Claim c = claims.create(new NewClaim("customer_" + r.nextInt(5), ClaimType.values()[r.nextInt(4)], "x", null), null);
            ClaimId id = c.claimId();
            int depth = r.nextInt(5);
            if (depth > 0) {
                claims.assign(id, "agent_" + r.nextInt(3), null);
            }
            if (depth > 1) {
                claims.start(id, null);
            }
            if (depth > 2) {
                claims.resolve(id, "ok", null);
            }
            if (depth > 3) {
                claims.close(id, null);
            }
            if (i % 7 == 0) {
                runner.pollOnce();
            }
        }
        runner.runUntilIdle();

        assertThat(runner.check()).isInstanceOf(CheckResult.Consistent.class);
        assertThat(runner.readModel().claims()).hasSize(40);
        long total = runner.readModel().customerStats().values().stream().mapToLong(ClaimStatsRows.Customer::totalClaims).sum();
        assertThat(total).isEqualTo(40);
    }
}
