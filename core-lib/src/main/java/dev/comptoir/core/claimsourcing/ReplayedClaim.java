package dev.comptoir.core.claimsourcing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A claim rebuilt from its events up to a timestamp (the reference's {@code GET /replay/{id}},
 * seed-behaviour §4.6): every event adds a history entry and sets {@code updatedAt}; lifecycle
 * events also set the status and their fields; other event types only add history.
 *
 * <pre>{@code
 * ReplayedClaim r = claims.replay(claimId, midTimestamp);   // e.g. 3 events → in_progress
 * }</pre>
 *
 * @param aggregateId   the claim id
 * @param status        {@code unknown} before {@code ReclamationCreee}, then the wire status
 * @param customerId    customer, or null
 * @param claimType     type, or null
 * @param description   description, or null
 * @param productId     product, or null
 * @param assignedAgent agent, or null
 * @param resolution    resolution, or null
 * @param createdAt     creation, or null
 * @param updatedAt     time of the last event folded, or null
 * @param assignedAt    assignment, or null
 * @param startedAt     start, or null
 * @param resolvedAt    resolution time, or null
 * @param closedAt      closing, or null
 * @param history       one entry per event folded, oldest first
 */
public record ReplayedClaim(String aggregateId, String status, String customerId, String claimType, String description,
                            String productId, String assignedAgent, String resolution, Instant createdAt,
                            Instant updatedAt, Instant assignedAt, Instant startedAt, Instant resolvedAt,
                            Instant closedAt, List<Entry> history) {
    public ReplayedClaim {
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(status, "status");
        history = List.copyOf(history);
    }

    /**
     * One folded event.
     *
     * @param eventType type name
     * @param timestamp event time
     * @param eventId   event id
     */
    public record Entry(String eventType, Instant timestamp, String eventId) {
    }

    /** The empty start state of a replay. */
    public static ReplayedClaim start(String aggregateId) {
        return new ReplayedClaim(aggregateId, "unknown", null, null, null, null, null, null, null, null, null, null,
                null, null, List.of());
    }

    /** Number of events folded. */
    public int eventsCount() {
        return history.size();
    }

    /** The state after one more event. */
    public ReplayedClaim fold(String eventId, String eventType, Instant timestamp, Object event) {
        List<Entry> h = new ArrayList<>(history);
        h.add(new Entry(eventType, timestamp, eventId));
        ReplayedClaim r = new ReplayedClaim(aggregateId, status, customerId, claimType, description, productId,
                assignedAgent, resolution, createdAt, timestamp, assignedAt, startedAt, resolvedAt, closedAt, h);
        if (!(event instanceof ClaimEvent e)) {
            return r;
        }
        return switch (e) {
            case ClaimEvent.ReclamationCreee c -> new ReplayedClaim(aggregateId, "created", c.customerId(), c.claimType(),
                    c.description(), c.productId(), null, null, c.createdAt(), timestamp, null, null, null, null, h);
            case ClaimEvent.ReclamationAffectee a -> new ReplayedClaim(aggregateId, "assigned", customerId, claimType,
                    description, productId, a.agentId(), resolution, createdAt, timestamp, a.assignedAt(), startedAt,
                    resolvedAt, closedAt, h);
            case ClaimEvent.ReclamationEnCours s -> new ReplayedClaim(aggregateId, "in_progress", customerId, claimType,
                    description, productId, assignedAgent, resolution, createdAt, timestamp, assignedAt, s.startedAt(),
                    resolvedAt, closedAt, h);
            case ClaimEvent.ReclamationResolue v -> new ReplayedClaim(aggregateId, "resolved", customerId, claimType,
                    description, productId, assignedAgent, v.resolution(), createdAt, timestamp, assignedAt, startedAt,
                    v.resolvedAt(), closedAt, h);
            case ClaimEvent.ReclamationCloturee c -> new ReplayedClaim(aggregateId, "closed", customerId, claimType,
                    description, productId, assignedAgent, resolution, createdAt, timestamp, assignedAt, startedAt,
                    resolvedAt, c.closedAt(), h);
        };
    }
}
