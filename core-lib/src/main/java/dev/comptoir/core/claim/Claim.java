package dev.comptoir.core.claim;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer claim (Lab 7). Immutable; {@link #apply} moves it through {@link ClaimStateMachine}
 * and stamps the transition time.
 *
 * @param claimId       its id
 * @param customerId    the customer as sent (a string)
 * @param type          claim type
 * @param description   what happened
 * @param productId     the product concerned, or null
 * @param status        current state
 * @param assignedAgent agent id, or null
 * @param resolution    resolution text, or null
 * @param createdAt     creation time
 * @param updatedAt     last change
 * @param assignedAt    last assignment, or null
 * @param startedAt     processing start, or null
 * @param resolvedAt    resolution time, or null
 * @param closedAt      closing time, or null
 */
public record Claim(ClaimId claimId, String customerId, ClaimType type, String description, String productId,
                    ClaimStatus status, String assignedAgent, String resolution, Instant createdAt, Instant updatedAt,
                    Instant assignedAt, Instant startedAt, Instant resolvedAt, Instant closedAt) {
    public Claim {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new claim in status {@code created}. */
    public static Claim open(ClaimId id, NewClaim c, Instant now) {
        return new Claim(id, c.customerId(), c.type(), c.description(), c.productId(), ClaimStatus.CREATED,
                null, null, now, now, null, null, null, null);
    }

    /**
     * This claim after {@code action} at {@code now}.
     *
     * @throws dev.comptoir.core.ComptoirException CONFLICT when the lifecycle forbids it
     */
    public Claim apply(ClaimAction action, Instant now) {
        ClaimStatus next = ClaimStateMachine.next(status, action);
        return switch (action) {
            case ClaimAction.Assign a -> new Claim(claimId, customerId, type, description, productId, next, a.agentId(),
                    resolution, createdAt, now, now, startedAt, resolvedAt, closedAt);
            case ClaimAction.Start s -> new Claim(claimId, customerId, type, description, productId, next, assignedAgent,
                    resolution, createdAt, now, assignedAt, now, resolvedAt, closedAt);
            case ClaimAction.Resolve r -> new Claim(claimId, customerId, type, description, productId, next, assignedAgent,
                    r.resolution(), createdAt, now, assignedAt, startedAt, now, closedAt);
            case ClaimAction.Close c -> new Claim(claimId, customerId, type, description, productId, next, assignedAgent,
                    resolution, createdAt, now, assignedAt, startedAt, resolvedAt, now);
        };
    }
}
