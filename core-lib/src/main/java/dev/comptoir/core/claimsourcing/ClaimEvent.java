package dev.comptoir.core.claimsourcing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The five claim lifecycle events (seed-behaviour §5.3). Type names are the record names
 * ({@code ReclamationCreee} …); {@link #data()} is the reference's {@code data} payload with its
 * snake_case keys.
 *
 * <pre>{@code
 * ClaimEvent e = new ClaimEvent.ReclamationResolue(claimId, "Remplacé", now);
 * e.data();   // {claim_id=…, resolution=Remplacé, resolved_at=…}
 * }</pre>
 */
public sealed interface ClaimEvent {

    /** The claim (also the event's aggregate id). */
    String claimId();

    /** When it happened. */
    Instant at();

    /** The reference's payload. */
    Map<String, Object> data();

    /** A claim was opened (status {@code created}). */
    record ReclamationCreee(String claimId, String customerId, String claimType, String description, String productId,
                            Instant createdAt) implements ClaimEvent {
        public ReclamationCreee {
            Objects.requireNonNull(claimId, "claimId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(claimType, "claimType");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(createdAt, "createdAt");
        }

        @Override
        public Instant at() {
            return createdAt;
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("claim_id", claimId);
            m.put("customer_id", customerId);
            m.put("claim_type", claimType);
            m.put("description", description);
            m.put("product_id", productId);
            m.put("status", "created");
            m.put("assigned_agent", null);
            m.put("resolution", null);
            m.put("created_at", createdAt.toString());
            m.put("updated_at", createdAt.toString());
            return m;
        }
    }

    /** An agent was assigned. */
    record ReclamationAffectee(String claimId, String agentId, Instant assignedAt) implements ClaimEvent {
        public ReclamationAffectee {
            Objects.requireNonNull(claimId, "claimId");
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(assignedAt, "assignedAt");
        }

        @Override
        public Instant at() {
            return assignedAt;
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("claim_id", claimId);
            m.put("agent_id", agentId);
            m.put("assigned_at", assignedAt.toString());
            return m;
        }
    }

    /** Processing started. */
    record ReclamationEnCours(String claimId, Instant startedAt) implements ClaimEvent {
        public ReclamationEnCours {
            Objects.requireNonNull(claimId, "claimId");
            Objects.requireNonNull(startedAt, "startedAt");
        }

        @Override
        public Instant at() {
            return startedAt;
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("claim_id", claimId);
            m.put("started_at", startedAt.toString());
            return m;
        }
    }

    /** Resolved with a resolution text. */
    record ReclamationResolue(String claimId, String resolution, Instant resolvedAt) implements ClaimEvent {
        public ReclamationResolue {
            Objects.requireNonNull(claimId, "claimId");
            Objects.requireNonNull(resolution, "resolution");
            Objects.requireNonNull(resolvedAt, "resolvedAt");
        }

        @Override
        public Instant at() {
            return resolvedAt;
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("claim_id", claimId);
            m.put("resolution", resolution);
            m.put("resolved_at", resolvedAt.toString());
            return m;
        }
    }

    /** Closed. */
    record ReclamationCloturee(String claimId, Instant closedAt) implements ClaimEvent {
        public ReclamationCloturee {
            Objects.requireNonNull(claimId, "claimId");
            Objects.requireNonNull(closedAt, "closedAt");
        }

        @Override
        public Instant at() {
            return closedAt;
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("claim_id", claimId);
            m.put("closed_at", closedAt.toString());
            return m;
        }
    }
}
