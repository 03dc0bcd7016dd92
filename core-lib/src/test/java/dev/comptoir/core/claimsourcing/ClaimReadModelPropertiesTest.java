package dev.comptoir.core.claimsourcing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comptoir.core.ComptoirException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random command sequences (valid and invalid) keep the claims read models internally consistent. */
class ClaimReadModelPropertiesTest {

    @Property(tries = 20)
    void readModels_anyCommandSequence_countersMatchRowsAndEqualRebuild(@ForAll @IntRange(min = 1, max = 10_000) int seed,
                                                                        @ForAll @IntRange(min = 1, max = 120) int steps) {
        VirtualClock clock = VirtualClock.at("2026-11-25T10:00:00Z");
        EventStore store = EventStore.inMemory(clock);
        EventSourcedClaims claims = new EventSourcedClaims(store, clock, new SplittableRandom(seed));
        InMemoryProjectionRunner<ClaimReadModel> runner = Projections.inMemory(store,
                new ClaimsProjection(claims.serializer()), ClaimReadModel::new, clock);
        SplittableRandom r = new SplittableRandom(seed * 31L);
        List<ClaimId> ids = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            clock.advance(Duration.ofSeconds(1 + r.nextInt(30)));
            int op = ids.isEmpty() ? 0 : r.nextInt(6);
            try {
                if (op == 0) {
                    Claim c = claims.create(new NewClaim("c" + r.nextInt(4), ClaimType.values()[r.nextInt(4)], "d", null), null);
                    ids.add(c.claimId());
                } else {
                    ClaimId id = ids.get(r.nextInt(ids.size()));
                    switch (op) {
                        case 1 -> claims.assign(id, "a" + r.nextInt(3), null);
                        case 2 -> claims.start(id, null);
                        case 3 -> claims.resolve(id, "ok", null);
                        default -> claims.close(id, null);
                    }
                }
            } catch (ComptoirException refused) {
                // invalid transitions are refused and append nothing
            }
            if (r.nextInt(10) == 0) {
                runner.pollOnce();
            }
        }
        runner.runUntilIdle();
        ClaimReadModel m = runner.readModel();

        assertThat(runner.check()).isInstanceOf(CheckResult.Consistent.class);
        Map<String, Long> byStatusAndType = m.claims().stream()
                .collect(Collectors.groupingBy(c -> c.claimType() + "/" + c.status(), Collectors.counting()));
        m.claimTypeStats().values().forEach(t -> {
            assertThat(t.createdClaims() + t.assignedClaims() + t.inProgressClaims() + t.resolvedClaims()
                    + t.closedClaims()).isEqualTo(t.totalClaims());
            assertThat(t.assignedClaims()).isEqualTo(byStatusAndType.getOrDefault(t.claimType() + "/assigned", 0L));
            assertThat(t.closedClaims()).isEqualTo(byStatusAndType.getOrDefault(t.claimType() + "/closed", 0L));
        });
        Map<String, List<ClaimRow>> byCustomer = m.claims().stream().collect(Collectors.groupingBy(ClaimRow::customerId));
        m.customerStats().values().forEach(c -> {
            List<ClaimRow> rows = byCustomer.get(c.customerId());
            assertThat(c.totalClaims()).isEqualTo(rows.size());
            assertThat(c.activeClaims() + c.resolvedClaims() + c.closedClaims()).isEqualTo(c.totalClaims());
            assertThat(c.closedClaims()).isEqualTo(rows.stream().filter(x -> x.status().equals("closed")).count());
        });
        Map<String, Long> activePerAgent = m.claims().stream()
                .filter(c -> c.assignedAgent() != null && (c.status().equals("assigned") || c.status().equals("in_progress")))
                .collect(Collectors.groupingBy(ClaimRow::assignedAgent, Collectors.counting()));
        m.agentStats().values().forEach(a -> assertThat(a.activeClaims())
                .isEqualTo(activePerAgent.getOrDefault(a.agentId(), 0L)));
        assertThat(m.claims()).extracting(ClaimRow::claimId)
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(ClaimId::toString).collect(Collectors.toList()));
    }
}
