package dev.comptoir.core.claimsourcing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The claims read models in memory: claims, customer, agent and claim-type statistics, fed by
 * {@link ClaimsProjection}. Every rule of seed-behaviour §5.3 is applied, with decrements
 * floored at 0; a status counter moves from the row's previous status to the new one, so a
 * re-assignment moves the agent counters and leaves the type counters unchanged; an event repeating
 * the row's current status changes nothing. Value
 * equality, so the projection checker can compare it with a rebuild. Not thread-safe (the
 * projection runner serialises access).
 *
 * <pre>{@code
 * InMemoryProjectionRunner<ClaimReadModel> runner =
 *         Projections.inMemory(store, new ClaimsProjection(serializer), ClaimReadModel::new, clock);
 * runner.runUntilIdle();
 * runner.readModel().claim(claimId);
 * }</pre>
 */
public final class ClaimReadModel {
    private final Map<String, ClaimRow> claims = new HashMap<>();
    private final Map<String, ClaimStatsRows.Customer> customers = new HashMap<>();
    private final Map<String, ClaimStatsRows.Agent> agents = new HashMap<>();
    private final Map<String, ClaimStatsRows.ClaimType> types = new HashMap<>();

    /** Applies one claim event (timestamps from the event). */
    public void apply(ClaimEvent event, Instant at) {
        Objects.requireNonNull(event, "event");
        switch (event) {
            case ClaimEvent.ReclamationCreee c -> {
                if (claims.containsKey(c.claimId())) {
                    return;
                }
                claims.put(c.claimId(), new ClaimRow(c.claimId(), c.customerId(), c.claimType(), c.description(),
                        c.productId(), "created", null, null, c.createdAt(), at, null, null, null, null));
                ClaimStatsRows.Customer cs = customers.getOrDefault(c.customerId(),
                        new ClaimStatsRows.Customer(c.customerId(), 0, 0, 0, 0, null, at));
                customers.put(c.customerId(), new ClaimStatsRows.Customer(c.customerId(), cs.totalClaims() + 1,
                        cs.activeClaims() + 1, cs.resolvedClaims(), cs.closedClaims(), c.createdAt(), at));
                ClaimStatsRows.ClaimType t = type(c.claimType(), at);
                types.put(c.claimType(), new ClaimStatsRows.ClaimType(c.claimType(), t.totalClaims() + 1,
                        t.createdClaims() + 1, t.assignedClaims(), t.inProgressClaims(), t.resolvedClaims(),
                        t.closedClaims(), at));
            }
            case ClaimEvent.ReclamationAffectee a -> {
                ClaimRow r = claims.get(a.claimId());
                if (r == null) {
                    return;
                }
                if (r.assignedAgent() != null && !r.assignedAgent().equals(a.agentId())) {
                    ClaimStatsRows.Agent old = agent(r.assignedAgent(), at);
                    agents.put(old.agentId(), new ClaimStatsRows.Agent(old.agentId(), old.totalAssignedClaims(),
                            dec(old.activeClaims()), old.resolvedClaims(), old.lastAssignmentDate(), at));
                }
                if (!a.agentId().equals(r.assignedAgent())) {
                    ClaimStatsRows.Agent ag = agent(a.agentId(), at);
                    agents.put(a.agentId(), new ClaimStatsRows.Agent(a.agentId(), ag.totalAssignedClaims() + 1,
                            ag.activeClaims() + 1, ag.resolvedClaims(), a.assignedAt(), at));
                }
                moveType(r, "assigned", at);
                claims.put(r.claimId(), new ClaimRow(r.claimId(), r.customerId(), r.claimType(), r.description(),
                        r.productId(), "assigned", a.agentId(), r.resolution(), r.createdAt(), at, a.assignedAt(),
                        r.startedAt(), r.resolvedAt(), r.closedAt()));
            }
            case ClaimEvent.ReclamationEnCours s -> {
                ClaimRow r = claims.get(s.claimId());
                if (r == null || r.status().equals("in_progress")) {
                    return; // unknown claim, or a repeat of the status it already has
                }
                moveType(r, "in_progress", at);
                claims.put(r.claimId(), new ClaimRow(r.claimId(), r.customerId(), r.claimType(), r.description(),
                        r.productId(), "in_progress", r.assignedAgent(), r.resolution(), r.createdAt(), at,
                        r.assignedAt(), s.startedAt(), r.resolvedAt(), r.closedAt()));
            }
            case ClaimEvent.ReclamationResolue v -> {
                ClaimRow r = claims.get(v.claimId());
                if (r == null || r.status().equals("resolved")) {
                    return; // unknown claim, or a repeat of the status it already has
                }
                ClaimStatsRows.Customer cs = customer(r.customerId(), at);
                customers.put(cs.customerId(), new ClaimStatsRows.Customer(cs.customerId(), cs.totalClaims(),
                        dec(cs.activeClaims()), cs.resolvedClaims() + 1, cs.closedClaims(), cs.lastClaimDate(), at));
                if (r.assignedAgent() != null) {
                    ClaimStatsRows.Agent ag = agent(r.assignedAgent(), at);
                    agents.put(ag.agentId(), new ClaimStatsRows.Agent(ag.agentId(), ag.totalAssignedClaims(),
                            dec(ag.activeClaims()), ag.resolvedClaims() + 1, ag.lastAssignmentDate(), at));
                }
                moveType(r, "resolved", at);
                claims.put(r.claimId(), new ClaimRow(r.claimId(), r.customerId(), r.claimType(), r.description(),
                        r.productId(), "resolved", r.assignedAgent(), v.resolution(), r.createdAt(), at,
                        r.assignedAt(), r.startedAt(), v.resolvedAt(), r.closedAt()));
            }
            case ClaimEvent.ReclamationCloturee c -> {
                ClaimRow r = claims.get(c.claimId());
                if (r == null || r.status().equals("closed")) {
                    return; // unknown claim, or a repeat of the status it already has
                }
                ClaimStatsRows.Customer cs = customer(r.customerId(), at);
                customers.put(cs.customerId(), new ClaimStatsRows.Customer(cs.customerId(), cs.totalClaims(),
                        cs.activeClaims(), dec(cs.resolvedClaims()), cs.closedClaims() + 1, cs.lastClaimDate(), at));
                moveType(r, "closed", at);
                claims.put(r.claimId(), new ClaimRow(r.claimId(), r.customerId(), r.claimType(), r.description(),
                        r.productId(), "closed", r.assignedAgent(), r.resolution(), r.createdAt(), at,
                        r.assignedAt(), r.startedAt(), r.resolvedAt(), c.closedAt()));
            }
        }
    }

    private void moveType(ClaimRow r, String to, Instant at) {
        if (r.status().equals(to)) {
            return;
        }
        ClaimStatsRows.ClaimType t = type(r.claimType(), at);
        long[] c = {t.createdClaims(), t.assignedClaims(), t.inProgressClaims(), t.resolvedClaims(), t.closedClaims()};
        int from = slot(r.status());
        c[from] = dec(c[from]);
        c[slot(to)]++;
        types.put(t.claimType(), new ClaimStatsRows.ClaimType(t.claimType(), t.totalClaims(), c[0], c[1], c[2], c[3],
                c[4], at));
    }

    private static int slot(String status) {
        return switch (status) {
            case "created" -> 0;
            case "assigned" -> 1;
            case "in_progress" -> 2;
            case "resolved" -> 3;
            default -> 4;
        };
    }

    private static long dec(long v) {
        return Math.max(0, v - 1);
    }

    private ClaimStatsRows.Customer customer(String id, Instant at) {
        return customers.getOrDefault(id, new ClaimStatsRows.Customer(id, 0, 0, 0, 0, null, at));
    }

    private ClaimStatsRows.Agent agent(String id, Instant at) {
        return agents.getOrDefault(id, new ClaimStatsRows.Agent(id, 0, 0, 0, null, at));
    }

    private ClaimStatsRows.ClaimType type(String id, Instant at) {
        return types.getOrDefault(id, new ClaimStatsRows.ClaimType(id, 0, 0, 0, 0, 0, 0, at));
    }

    /** The claim row, or null. */
    public ClaimRow claim(String claimId) {
        return claims.get(claimId);
    }

    /** All claim rows, newest first. */
    public List<ClaimRow> claims() {
        List<ClaimRow> out = new ArrayList<>(claims.values());
        out.sort(Comparator.comparing(ClaimRow::createdAt).thenComparing(ClaimRow::claimId).reversed());
        return out;
    }

    /** Customer statistics by customer id (read-only view). */
    public Map<String, ClaimStatsRows.Customer> customerStats() {
        return Collections.unmodifiableMap(customers);
    }

    /** Agent statistics by agent id (read-only view). */
    public Map<String, ClaimStatsRows.Agent> agentStats() {
        return Collections.unmodifiableMap(agents);
    }

    /** Claim-type statistics by type (read-only view). */
    public Map<String, ClaimStatsRows.ClaimType> claimTypeStats() {
        return Collections.unmodifiableMap(types);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClaimReadModel m && claims.equals(m.claims) && customers.equals(m.customers)
                && agents.equals(m.agents) && types.equals(m.types);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claims, customers, agents, types);
    }

    @Override
    public String toString() {
        return "ClaimReadModel[claims=" + claims.size() + ", customers=" + customers.size() + ", agents=" + agents.size()
                + ", types=" + types.size() + "]";
    }
}
