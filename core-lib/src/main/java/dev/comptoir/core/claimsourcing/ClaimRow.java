package dev.comptoir.core.claimsourcing;

import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@code claim_read_models} (seed-behaviour §5.3).
 *
 * @param claimId       primary key
 * @param customerId    customer
 * @param claimType     wire type
 * @param description   description
 * @param productId     product, or null
 * @param status        wire status
 * @param assignedAgent agent, or null
 * @param resolution    resolution, or null
 * @param createdAt     creation
 * @param updatedAt     last event's time
 * @param assignedAt    assignment, or null
 * @param startedAt     start, or null
 * @param resolvedAt    resolution time, or null
 * @param closedAt      closing, or null
 */
public record ClaimRow(String claimId, String customerId, String claimType, String description, String productId,
                       String status, String assignedAgent, String resolution, Instant createdAt, Instant updatedAt,
                       Instant assignedAt, Instant startedAt, Instant resolvedAt, Instant closedAt) {
    public ClaimRow {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(status, "status");
    }
}
